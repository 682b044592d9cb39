package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/** Stages, dependencies and shards: a stage never sees an event its upstream has not finished. */
class StagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void aStageSeesAnEventOnlyAfterEveryHandlerOfThePreviousStage() {
        int events = 100_000;
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong handledByLast = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(64, LongEvent::new)
                .withYieldingWaitStrategy()
                .withSingleProducerSequencer()
                .withBarrier(scope -> scope
                        .handleEvents("markFirst", (event, sequence, end) -> event.firstStageMark = sequence)
                        .handleEvents("markSecond", (event, sequence, end) -> event.secondStageMark = sequence))
                .withBarrier(scope -> scope.handleEvents("check", (event, sequence, end) -> {
                    if (event.firstStageMark != sequence || event.secondStageMark != sequence) {
                        failures.add("sequence " + sequence + " reached stage 1 with marks "
                                + event.firstStageMark + "/" + event.secondStageMark);
                    }
                    handledByLast.incrementAndGet();
                }))
                .build();
        disruptor.start();
        LongEvent.publishValues(disruptor, events);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(failures).isEmpty();
        assertThat(handledByLast).hasValue(events);
    }

    @Test
    void aSmallRingWithSlowHandlersNeverOverwritesAnUnfinishedEvent() {
        int events = 2_000;
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        EventHandler<LongEvent> slowChecker = (event, sequence, end) -> {
            long before = event.value;
            for (int i = 0; i < 2_000; i++) {
                Thread.onSpinWait();
            }
            if (before != sequence || event.value != sequence) {
                failures.add("slot of sequence " + sequence + " held " + before + " then " + event.value);
            }
        };
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(4, LongEvent::new)
                .withBlockingWaitStrategy()
                .withMultiProducerSequencer()
                .withBarrier(scope -> scope.handleEvents("first", slowChecker))
                .withBarrier(scope -> scope.handleEvents("last", slowChecker))
                .build();
        disruptor.start();
        LongEvent.publishValues(disruptor, events);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void aHandlerWithDependenciesWaitsOnlyForThem() throws Exception {
        CountDownLatch releaseSlow = new CountDownLatch(1);
        AtomicLong afterFast = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBlockingWaitStrategy()
                .withBarrier(scope -> scope
                        .handleEvents("fast", (event, sequence, end) -> event.firstStageMark = sequence)
                        .handleEvents("slow", (event, sequence, end) -> releaseSlow.await(20, TimeUnit.SECONDS)))
                .withBarrier(scope -> scope.handleEvents("afterFast", (event, sequence, end) -> {
                    if (event.firstStageMark == sequence) {
                        afterFast.incrementAndGet();
                    }
                }, HandlerOptions.defaults().withDependencies("fast")))
                .build();
        disruptor.start();
        LongEvent.publishValues(disruptor, 5);
        await("afterFast to handle all 5 events while 'slow' is stuck on the first").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(afterFast).hasValue(5));
        assertThat(disruptor.monitor().handlers()).filteredOn(h -> h.name().equals("slow"))
                .singleElement().extracting(HandlerMonitor::sequence).isEqualTo(-1L);
        releaseSlow.countDown();
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void concurrencySharesEventsExactlyOnceAndTheNextStageWaitsForAllShards() {
        int events = 50_000;
        int shards = 3;
        AtomicLongArray handledBy = new AtomicLongArray(events);
        AtomicLongArray shardOf = new AtomicLongArray(events);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(64, LongEvent::new)
                .withYieldingWaitStrategy()
                .withBarrier(scope -> scope.handleEvents("worker", (event, sequence, end) -> {
                    handledBy.incrementAndGet((int) sequence);
                    shardOf.set((int) sequence, Thread.currentThread().getName().hashCode());
                    event.firstStageMark = sequence;
                }, HandlerOptions.defaults().withConcurrency(shards)))
                .withBarrier(scope -> scope.handleEvents("after", (event, sequence, end) -> {
                    if (event.firstStageMark != sequence) {
                        failures.add("sequence " + sequence + " reached 'after' before its worker finished");
                    }
                }))
                .build();
        assertThat(disruptor.monitor().handlers()).extracting(HandlerMonitor::name, HandlerMonitor::concurrency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("worker", 3),
                        org.assertj.core.groups.Tuple.tuple("after", 1));
        assertThat(disruptor.monitor().handlers().get(0).shards()).extracting(HandlerMonitor::name)
                .containsExactly("worker[0]", "worker[1]", "worker[2]");
        disruptor.start();
        LongEvent.publishValues(disruptor, events);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(failures).isEmpty();
        for (int i = 0; i < events; i++) {
            assertThat(handledBy.get(i)).as("times sequence %d was handled", i).isEqualTo(1);
        }
        assertThat(java.util.stream.IntStream.range(0, events).mapToLong(shardOf::get).distinct().count())
                .isEqualTo(shards);
    }

    @Test
    void endOfBatchMarksTheLastEventInHandAndRespectsTheBatchCap() {
        List<Long> ends = new java.util.ArrayList<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(128, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("batches", (event, sequence, endOfBatch) -> {
                    if (endOfBatch) {
                        ends.add(sequence);
                    }
                }, HandlerOptions.defaults().withMaxBatchSize(10)))
                .build();
        disruptor.publishBatch(100, (event, sequence) -> event.value = sequence);
        disruptor.start();
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(ends).containsExactly(9L, 19L, 29L, 39L, 49L, 59L, 69L, 79L, 89L, 99L);
    }

    @Test
    void lifecycleCallbacksRunOnceOnTheHandlerThread() {
        ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
        EventHandler<LongEvent> handler = new EventHandler<>() {
            @Override
            public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
                calls.add("event " + sequence);
            }

            @Override
            public void onStart() {
                calls.add("start on " + Thread.currentThread().getName());
            }

            @Override
            public void onShutdown() {
                calls.add("shutdown on " + Thread.currentThread().getName());
            }
        };
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withName("orders")
                .withBarrier(scope -> scope.handleEvents("journal", handler))
                .build();
        disruptor.start();
        disruptor.publish(LongEvent.VALUE, 1L);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(calls).containsExactly("start on disruptor-orders-journal", "event 0",
                "shutdown on disruptor-orders-journal");
    }
}
