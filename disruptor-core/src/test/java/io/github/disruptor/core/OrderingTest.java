package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exactly once, in order: per handler, per producer, with every wait strategy and both sequencers. */
class OrderingTest {

    private static final int EVENTS = 200_000;

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("busy-spin", (Function<DisruptorBuilder<LongEvent>, DisruptorBuilder<LongEvent>>) DisruptorBuilder::withBusySpinWaitStrategy),
                Arguments.of("yielding", (Function<DisruptorBuilder<LongEvent>, DisruptorBuilder<LongEvent>>) DisruptorBuilder::withYieldingWaitStrategy),
                Arguments.of("sleeping", (Function<DisruptorBuilder<LongEvent>, DisruptorBuilder<LongEvent>>) DisruptorBuilder::withSleepingWaitStrategy),
                Arguments.of("blocking", (Function<DisruptorBuilder<LongEvent>, DisruptorBuilder<LongEvent>>) DisruptorBuilder::withBlockingWaitStrategy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void singleProducerHandlerSeesEveryEventOnceInOrder(String name,
            Function<DisruptorBuilder<LongEvent>, DisruptorBuilder<LongEvent>> strategy) {
        assertRecordedInOrder(strategy, ProducerType.SINGLE, disruptor -> {
            LongEvent.publishValues(disruptor, EVENTS);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void severalProducersKeepTheirOwnOrderAndLoseNothing(String name,
            Function<DisruptorBuilder<LongEvent>, DisruptorBuilder<LongEvent>> strategy) throws Exception {
        int producers = 3;
        int perProducer = 50_000;
        long[] lastSeen = new long[producers];
        long[] seen = new long[producers];
        List<String> failures = new ArrayList<>();
        java.util.Arrays.fill(lastSeen, -1);
        Disruptor<LongEvent> disruptor = strategy.apply(DisruptorBuilder.withRingBuffer(128, LongEvent::new))
                .withMultiProducerSequencer()
                .withBarrier(scope -> scope.handleEvents("perProducer", (event, sequence, endOfBatch) -> {
                    int producer = (int) event.producer;
                    if (event.value != lastSeen[producer] + 1 && failures.size() < 10) {
                        failures.add("producer " + producer + ": " + event.value + " after " + lastSeen[producer]);
                    }
                    lastSeen[producer] = event.value;
                    seen[producer]++;
                }))
                .build();
        disruptor.start();
        // a start gate, not a wait for a condition: the producers start together, so that they contend
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long producer = p;
                running.add(pool.submit(() -> {
                    assertThat(go.await(30, TimeUnit.SECONDS)).as("the start signal came").isTrue();
                    for (long i = 0; i < perProducer; i++) {
                        disruptor.publish(LongEvent.FROM_PRODUCER, producer, i);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> producer : running) {
                producer.get(30, TimeUnit.SECONDS); // rethrows whatever a producer threw
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(failures).isEmpty();
        assertThat(seen).containsOnly(perProducer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void batchPublishingKeepsOrder(String name,
            Function<DisruptorBuilder<LongEvent>, DisruptorBuilder<LongEvent>> strategy) {
        assertRecordedInOrder(strategy, ProducerType.MULTI, disruptor -> {
            Long[] values = new Long[10];
            for (long batch = 0; batch < EVENTS / 10; batch++) {
                for (int i = 0; i < 10; i++) {
                    values[i] = batch * 10 + i;
                }
                disruptor.publishBatch(LongEvent.VALUE, values, 0, 10);
            }
        });
    }

    /** Publishes sequence numbers as values through {@code producer} and checks one handler saw them all in order. */
    private static void assertRecordedInOrder(Function<DisruptorBuilder<LongEvent>, DisruptorBuilder<LongEvent>> strategy,
            ProducerType producerType, java.util.function.Consumer<Disruptor<LongEvent>> producer) {
        SequenceRecorder recorder = new SequenceRecorder();
        Disruptor<LongEvent> disruptor = strategy.apply(DisruptorBuilder.withRingBuffer(64, LongEvent::new))
                .withProducerType(producerType)
                .withBarrier(scope -> scope.handleEvents("recorder", recorder))
                .build();
        disruptor.start();
        producer.accept(disruptor);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(recorder.failures).isEmpty();
        assertThat(recorder.count).isEqualTo(EVENTS);
    }

    /** Checks that sequences arrive 0, 1, 2, ... and that each event carries its own sequence as value. */
    static final class SequenceRecorder implements EventHandler<LongEvent> {
        final List<String> failures = new ArrayList<>();
        long expected;
        long count;

        @Override
        public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
            if ((sequence != expected || event.value != sequence) && failures.size() < 10) {
                failures.add("expected sequence " + expected + ", got " + sequence + " carrying " + event.value);
            }
            expected = sequence + 1;
            count++;
        }
    }
}
