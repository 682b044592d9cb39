package io.github.disruptor.spring.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorClosedException;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.autoconfigure.DisruptorAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application context closes while several threads publish at full speed into a two-stage ring:
 * every publish that returned normally was handled exactly once by both stages, every other publish
 * got a {@link DisruptorClosedException}, and no publishing thread hangs.
 */
class ContextCloseWhilePublishingTests {

    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 1 << 20;
    private static final long PATIENCE_MILLIS = 20_000;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class))
            .withUserConfiguration(Ledger.class)
            .withPropertyValues("disruptor.rings.trades.ring-size=256", "disruptor.rings.trades.sequencer=multi",
                    "disruptor.shutdown-timeout=15s");

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "yielding", "sleeping"})
    void everyPublishThatReturnedWasHandledAndNoPublisherHangs(String waitStrategy) {
        runner.withPropertyValues("disruptor.rings.trades.wait-strategy=" + waitStrategy).run(context -> {
            @SuppressWarnings("unchecked")
            EventPublisher<Trade> trades = (EventPublisher<Trade>) context.getBean("trades");
            Ledger ledger = context.getBean(Ledger.class);
            Publisher[] publishers = new Publisher[PRODUCERS];
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                publishers[p] = new Publisher(p, trades);
                Thread thread = new Thread(publishers[p], "trades-publisher-" + p);
                threads.add(thread);
                thread.start();
            }
            long warmUpDeadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (ledger.settled.get() < 20_000 && System.currentTimeMillis() < warmUpDeadline) {
                Thread.sleep(1);
            }
            assertThat(ledger.settled.get()).as("events flowing before the close").isGreaterThanOrEqualTo(20_000);

            context.close();

            for (Thread thread : threads) {
                thread.join(PATIENCE_MILLIS);
                assertThat(thread.isAlive()).as("%s hangs after the context closed", thread.getName()).isFalse();
            }
            Disruptor<?> ring = (Disruptor<?>) trades;
            assertThat(ring.monitor().state()).isEqualTo(DisruptorState.TERMINATED);
            assertThat(ring.monitor().handlers()).allSatisfy(handler -> assertThat(handler.isThreadAlive()).isFalse());
            long accepted = 0;
            for (Publisher publisher : publishers) {
                assertThat(publisher.endedWith).as("publisher %d", publisher.id)
                        .isInstanceOf(DisruptorClosedException.class);
                for (int counter = 0; counter < publisher.returned; counter++) {
                    assertHandledOnce(ledger.recorded, publisher.id, counter, "record");
                    assertHandledOnce(ledger.settledOnce, publisher.id, counter, "settle");
                }
                accepted += publisher.returned;
            }
            assertThat(ledger.settled.get()).isBetween(accepted, accepted + PRODUCERS);
        });
    }

    private static void assertHandledOnce(AtomicIntegerArray[] handled, int producer, int counter, String stage) {
        int times = handled[producer].get(counter);
        if (times != 1) {
            throw new AssertionError("publisher " + producer + "'s trade " + counter + " returned normally but "
                    + stage + " handled it " + times + " times");
        }
    }

    /** Publishes trades until the ring refuses them. */
    static final class Publisher implements Runnable {

        final int id;
        final EventPublisher<Trade> trades;
        volatile int returned;
        volatile Throwable endedWith;

        Publisher(int id, EventPublisher<Trade> trades) {
            this.id = id;
            this.trades = trades;
        }

        @Override
        public void run() {
            try {
                for (int counter = 0; counter < PER_PRODUCER; counter++) {
                    trades.publish(Trade::set, ((long) id << 32) | counter);
                    returned = counter + 1;
                }
            }
            catch (Throwable failure) {
                endedWith = failure;
            }
        }
    }

    /** The event: which publisher sent it, and its number. */
    public static class Trade {

        private long key;

        static void set(Trade trade, long sequence, Long key) {
            trade.key = key;
        }

        int publisher() {
            return (int) (key >>> 32);
        }

        int counter() {
            return (int) key;
        }
    }

    /** Stage 0 records each trade, stage 1 settles it. */
    @Configuration(proxyBeanMethods = false)
    static class Ledger {

        final AtomicIntegerArray[] recorded = counters();
        final AtomicIntegerArray[] settledOnce = counters();
        final AtomicLong settled = new AtomicLong();

        @DisruptorHandler(ring = "trades", stage = 0)
        void record(Trade trade) {
            recorded[trade.publisher()].incrementAndGet(trade.counter());
        }

        @DisruptorHandler(ring = "trades", stage = 1)
        void settle(Trade trade) {
            settledOnce[trade.publisher()].incrementAndGet(trade.counter());
            settled.incrementAndGet();
        }

        private static AtomicIntegerArray[] counters() {
            AtomicIntegerArray[] counters = new AtomicIntegerArray[PRODUCERS];
            for (int p = 0; p < PRODUCERS; p++) {
                counters[p] = new AtomicIntegerArray(PER_PRODUCER);
            }
            return counters;
        }
    }
}
