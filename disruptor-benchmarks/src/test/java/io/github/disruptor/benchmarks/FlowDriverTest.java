package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FlowDriverTest {

    private final RecordingFlow flow = new RecordingFlow();

    @Test
    void threeProducersPublishAThirdEachTheCallerTakingTheRemainder() {
        FlowDriver driver = new FlowDriver(flow, new Workload(Topology.multiProducer(3), Idle.YIELDING, 1));

        driver.publishAndAwait(1_000_000);
        driver.publishAndAwait(1_000_000);
        driver.close();

        assertThat(flow.published.get()).isEqualTo(2_000_000);
        assertThat(flow.byThread.get(Thread.currentThread().getName())).containsExactly(333_334, 333_334);
        assertThat(flow.byThread).hasSize(3);
        flow.byThread.forEach((thread, calls) -> assertThat(calls).allMatch(events -> events >= 333_333));
        assertThat(flow.batchSizes).containsOnly(1);
        assertThat(flow.closed).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("producer-"));
    }

    @Test
    void refusesASplitThatIsNotAWholeNumberOfClaims() {
        FlowDriver driver = new FlowDriver(flow, new Workload(Topology.multiProducer(2), Idle.BUSY_SPIN, 100));
        try {
            assertThatIllegalArgumentException().isThrownBy(() -> driver.publishAndAwait(1_100))
                    .withMessageContaining("1100 events over 2 producers are not a whole number of claims of 100");
            assertThat(flow.published.get()).isZero();
        } finally {
            driver.close();
        }
    }

    @Test
    void oneProducerPublishesEverythingInClaimsOfTheBatchSize() {
        FlowDriver driver = new FlowDriver(flow, new Workload(Topology.UNICAST, Idle.BUSY_SPIN, 10));

        driver.publishAndAwait(1_000);
        driver.close();

        assertThat(flow.byThread).containsOnlyKeys(Thread.currentThread().getName());
        assertThat(flow.batchSizes).containsOnly(10);
    }

    /** Consumes instantly; remembers who published how much. */
    private static final class RecordingFlow implements EventFlow {

        final AtomicLong published = new AtomicLong();
        final Map<String, List<Integer>> byThread = new ConcurrentHashMap<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void publish(int events, int batchSize) {
            byThread.computeIfAbsent(Thread.currentThread().getName(), name -> new CopyOnWriteArrayList<>()).add(events);
            batchSizes.add(batchSize);
            published.addAndGet(events);
        }

        @Override
        public long awaitConsumed(long total) {
            await().atMost(Duration.ofSeconds(5)).until(() -> published.get() >= total);
            return total;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
