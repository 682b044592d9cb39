package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@code onBatchStart}, {@code onTimeout} and the event poller, with the cases of LMAX Disruptor 4.0's
 * {@code BatchEventProcessorTest} and {@code EventPollerTest} ported to our API.
 */
class CallbacksAndPollerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** LMAX: reportAccurateBatchSizesAtBatchStartTime, a handler that publishes back into its ring. */
    @Test
    void batchStartReportsTheSizeOfEachBatch() {
        List<Long> batchSizes = new CopyOnWriteArrayList<>();
        AtomicInteger events = new AtomicInteger();
        AtomicReferenceHolder<Disruptor<LongEvent>> self = new AtomicReferenceHolder<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("loopback", new EventHandler<LongEvent>() {
                    @Override
                    public void onBatchStart(long batchSize, long queueDepth) {
                        batchSizes.add(batchSize);
                    }

                    @Override
                    public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
                        if (!endOfBatch) {
                            self.value.publish(LongEvent.VALUE, 0L);
                        }
                        events.incrementAndGet();
                    }
                }))
                .build();
        self.value = disruptor;
        LongEvent.publishValues(disruptor, 3);
        disruptor.start();
        await("the handler to handle 6 events").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(events).hasValue(6));
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(batchSizes).containsExactly(3L, 2L, 1L);
    }

    @Test
    void batchStartIsNeverCalledWithNothingForTheHandlerAndCountsQueueDepthBeyondTheCap() {
        List<long[]> starts = new CopyOnWriteArrayList<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(64, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("capped", new EventHandler<LongEvent>() {
                    @Override
                    public void onBatchStart(long batchSize, long queueDepth) {
                        starts.add(new long[] {batchSize, queueDepth});
                    }

                    @Override
                    public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
                    }
                }, HandlerOptions.defaults().withMaxBatchSize(4)))
                .build();
        disruptor.publishBatch(10, (event, sequence) -> event.value = sequence);
        disruptor.start();
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(starts).extracting(start -> start[0] + "/" + start[1]).containsExactly("4/10", "4/6", "2/2");
    }

    @Test
    void aThrowingBatchStartIsCountedAndReportedAndTheBatchGoesOn() {
        List<String> reported = new CopyOnWriteArrayList<>();
        AtomicLong handled = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withExceptionHandler(new ExceptionHandler() {
                    @Override
                    public ExceptionAction handleEventException(Throwable failure, long sequence, Object event,
                            String handlerName) {
                        return ExceptionAction.HALT;
                    }

                    @Override
                    public void handleCallbackException(Throwable failure, String handlerName, String callback) {
                        reported.add(handlerName + " " + callback + ": " + failure.getMessage());
                    }
                })
                .withBarrier(scope -> scope.handleEvents("h", new EventHandler<LongEvent>() {
                    @Override
                    public void onBatchStart(long batchSize, long queueDepth) {
                        throw new IllegalStateException("no buffer");
                    }

                    @Override
                    public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
                        handled.incrementAndGet();
                    }
                }))
                .build();
        disruptor.publishBatch(5, (event, sequence) -> { });
        disruptor.start();
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(handled).hasValue(5);
        assertThat(reported).isNotEmpty().allMatch(line -> line.equals("h onBatchStart: no buffer"));
        assertThat(disruptor.monitor().handlers().get(0).errorCount()).isEqualTo(reported.size());
    }

    @Test
    void anIdleHandlerGetsOnTimeoutFromABlockingStrategyWithATimeoutAlsoBehindAnotherStage() {
        List<Long> firstTimeouts = new CopyOnWriteArrayList<>();
        List<Long> secondTimeouts = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withWaitStrategy(new BlockingWaitStrategy(Duration.ofMillis(20)))
                .withBarrier(scope -> scope.handleEvents("first", timeoutRecorder(firstTimeouts, hold)))
                .withBarrier(scope -> scope.handleEvents("second", timeoutRecorder(secondTimeouts, null)))
                .build();
        disruptor.start();
        disruptor.publish(LongEvent.VALUE, 1L);
        await("the second stage to time out 3 times").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(secondTimeouts).hasSizeGreaterThanOrEqualTo(3));
        assertThat(secondTimeouts).as("the second stage waits on the first, which is stuck").allMatch(s -> s == -1L);
        hold.countDown();
        await("both stages to time out after sequence 0").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> {
                    assertThat(firstTimeouts).as("first stage's timeouts").contains(0L);
                    assertThat(secondTimeouts).as("second stage's timeouts").contains(0L);
                });
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThatThrownBy(() -> new BlockingWaitStrategy(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive, was PT0S");
    }

    private static EventHandler<LongEvent> timeoutRecorder(List<Long> timeouts, java.util.concurrent.CountDownLatch hold) {
        return new EventHandler<>() {
            @Override
            public void onEvent(LongEvent event, long sequence, boolean endOfBatch) throws InterruptedException {
                if (hold != null) {
                    hold.await();
                }
            }

            @Override
            public void onTimeout(long sequence) {
                timeouts.add(sequence);
            }
        };
    }

    /** LMAX EventPollerTest: IDLE, GATING, PROCESSING. */
    @Test
    void aPollerIsIdleThenGatedByItsUpstreamThenProcesses() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("gate", (event, sequence, end) -> release.await()))
                .withBarrier(scope -> scope.pollEvents("agent"))
                .build();
        disruptor.start();
        EventPoller<LongEvent> agent = disruptor.poller("agent");
        List<Long> polled = new ArrayList<>();
        EventPoller.Handler<LongEvent> handler = (event, sequence, endOfBatch) -> polled.add(event.value);

        assertThat(agent.poll(handler)).isEqualTo(EventPoller.PollState.IDLE);
        disruptor.publish(LongEvent.VALUE, 7L);
        assertThat(agent.poll(handler)).isEqualTo(EventPoller.PollState.GATING);
        release.countDown();
        // polled from this thread, as an agent polls from its own loop
        await("the poller to process the released event").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).pollInSameThread()
                .until(() -> agent.poll(handler) == EventPoller.PollState.PROCESSING);
        assertThat(polled).containsExactly(7L);
        HandlerMonitor view = LifecycleTest.handler(disruptor, "agent");
        assertThat(view.state()).isEqualTo(HandlerState.POLLED);
        assertThat(view.sequence()).isZero();
        assertThat(view.isThreadAlive()).isFalse();
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
    }

    /** LMAX EventPollerTest: shouldSuccessfullyPollWhenBufferIsFull; and the ring never overwrites what was not polled. */
    @Test
    void aPollerGatesTheRingAndCanStopEarly() throws Exception {
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(4, LongEvent::new)
                .withBarrier(scope -> scope.pollEvents("agent"))
                .build();
        LongEvent.publishValues(disruptor, 4);
        assertThat(disruptor.tryPublish(LongEvent.VALUE, 4L)).as("the unpolled ring is full").isFalse();
        EventPoller<LongEvent> agent = disruptor.poller("agent");
        List<Long> polled = new ArrayList<>();
        assertThat(agent.poll((event, sequence, endOfBatch) -> polled.add(event.value) && sequence < 1))
                .isEqualTo(EventPoller.PollState.PROCESSING);
        assertThat(polled).containsExactly(0L, 1L);
        assertThat(disruptor.tryPublish(LongEvent.VALUE, 4L)).isTrue();
        agent.poll((event, sequence, endOfBatch) -> polled.add(event.value));
        assertThat(polled).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void aFailedPollHandsTheFailedEventOverAgainAndSkipsDiscardedOnes() throws Exception {
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withBarrier(scope -> scope.pollEvents("agent"))
                .build();
        disruptor.publish(LongEvent.VALUE, 0L);
        assertThatThrownBy(() -> disruptor.publish((event, sequence) -> {
            throw new IllegalStateException("translator failed");
        })).isInstanceOf(IllegalStateException.class);
        disruptor.publish(LongEvent.VALUE, 2L);
        EventPoller<LongEvent> agent = disruptor.poller("agent");
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> agent.poll((event, sequence, endOfBatch) -> {
            seen.add(event.value + (endOfBatch ? " end" : ""));
            if (event.value == 2L && seen.size() == 2) {
                throw new IllegalArgumentException("once");
            }
            return true;
        })).isInstanceOf(IllegalArgumentException.class);
        agent.poll((event, sequence, endOfBatch) -> seen.add(event.value + (endOfBatch ? " end" : "")));
        assertThat(seen).containsExactly("0", "2 end", "2 end");
        assertThat(LifecycleTest.handler(disruptor, "agent").errorCount()).isEqualTo(1);
        assertThatThrownBy(() -> disruptor.poller("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no poller named 'nope'").hasMessageContaining("agent");
    }

    private static final class AtomicReferenceHolder<T> {
        volatile T value;
    }
}
