package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle callbacks whatever the timing, restart after a non-terminal stop, early answers from
 * shutdown, and awaitIdle. The loop counts are what it takes to hit the start/stop races reliably:
 * before the fix, 920 of 1,000 start-then-halt rounds skipped both callbacks.
 */
class LifecycleTest {

    private static final int ROUNDS = 2_000;

    /** Records the order of its callbacks; every handler thread must produce exactly [start, shutdown]. */
    static final class CallbackRecorder implements EventHandler<LongEvent> {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
        }

        @Override
        public void onStart() {
            calls.add("start");
        }

        @Override
        public void onShutdown() {
            calls.add("shutdown");
        }
    }

    private static Disruptor<LongEvent> twoStages(CallbackRecorder first, CallbackRecorder second) {
        return DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("first", first))
                .withBarrier(scope -> scope.handleEvents("second", second))
                .build();
    }

    @Test
    void haltRightAfterStartStillCallsOnStartThenOnShutdownOnEveryThread() {
        for (int round = 0; round < ROUNDS; round++) {
            CallbackRecorder first = new CallbackRecorder();
            CallbackRecorder second = new CallbackRecorder();
            Disruptor<LongEvent> disruptor = twoStages(first, second);
            disruptor.start();
            disruptor.halt();
            int r = round;
            await("round " + r + ": both handlers called onShutdown").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(1)).until(() -> first.calls.size() == 2 && second.calls.size() == 2);
            assertThat(first.calls).as("round %d", round).containsExactly("start", "shutdown");
            assertThat(second.calls).as("round %d", round).containsExactly("start", "shutdown");
        }
    }

    @Test
    void shutdownRightAfterStartReturnsOnlyAfterEveryOnShutdownReturned() {
        for (int round = 0; round < ROUNDS; round++) {
            CallbackRecorder first = new CallbackRecorder();
            CallbackRecorder second = new CallbackRecorder();
            Disruptor<LongEvent> disruptor = twoStages(first, second);
            disruptor.start();
            assertThat(disruptor.shutdown(Duration.ofSeconds(10))).as("round %d drained", round).isTrue();
            assertThat(first.calls).as("round %d", round).containsExactly("start", "shutdown");
            assertThat(second.calls).as("round %d", round).containsExactly("start", "shutdown");
        }
    }

    @Test
    void shutdownReturnsFalseAtOnceWhenAHaltedHandlerMakesDrainingImpossible() {
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(64, LongEvent::new)
                .withExceptionHandler(ExceptionHandler.logAndHalt())
                .withBarrier(scope -> scope.handleEvents("failing", (event, sequence, end) -> {
                    if (sequence == 3) {
                        throw new IllegalStateException("poison at 3");
                    }
                }))
                .withBarrier(scope -> scope.handleEvents("after", (event, sequence, end) -> { }))
                .build();
        disruptor.start();
        LongEvent.publishValues(disruptor, 10);
        await("the failing handler to halt").atMost(Duration.ofSeconds(10)).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(handler(disruptor, "failing").state()).isEqualTo(HandlerState.HALTED));

        long started = System.nanoTime();
        assertThat(disruptor.shutdown(Duration.ofSeconds(30))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void stopDrainsAndStartResumesFromTheSameSequencesWithTheSameObject() {
        AtomicLong handled = new AtomicLong();
        List<Long> seen = new CopyOnWriteArrayList<>();
        CallbackRecorder callbacks = new CallbackRecorder();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withName("orders")
                .withBarrier(scope -> scope.handleEvents("recorder", (event, sequence, end) -> seen.add(event.value)))
                .withBarrier(scope -> scope.handleEvents("callbacks", callbacks)
                        .handleEvents("counter", (event, sequence, end) -> handled.incrementAndGet()))
                .build();
        EventPublisher<LongEvent> publisher = disruptor;
        disruptor.start();
        LongEvent.publishValues(publisher, 40);

        assertThat(disruptor.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(handled).hasValue(40);
        assertThat(disruptor.monitor().state()).isEqualTo(DisruptorState.STOPPED);
        assertThat(disruptor.monitor().handlers()).allSatisfy(handler -> {
            assertThat(handler.state()).isEqualTo(HandlerState.STOPPED);
            assertThat(handler.isThreadAlive()).isFalse();
        });
        assertThatThrownBy(() -> publisher.publish(LongEvent.VALUE, 99L))
                .isInstanceOf(DisruptorClosedException.class)
                .hasMessageContaining("'orders' is stopped")
                .hasMessageContaining("start()");
        assertThatThrownBy(() -> publisher.tryPublish(LongEvent.VALUE, 99L))
                .isInstanceOf(DisruptorClosedException.class);

        disruptor.start();
        assertThat(disruptor.monitor().state()).isEqualTo(DisruptorState.RUNNING);
        for (long value = 40; value < 80; value++) {
            publisher.publish(LongEvent.VALUE, value);
        }
        assertThat(disruptor.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).hasSize(80).isSorted();
        assertThat(seen.get(79)).isEqualTo(79L);
        assertThat(handled).hasValue(80);
        assertThat(callbacks.calls).containsExactly("start", "shutdown", "start", "shutdown");
    }

    @Test
    void stopAndStartRepeatedlyUnderAPublisherLosesNothing() throws Exception {
        AtomicLong handled = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(64, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("counter", (event, sequence, end) -> handled.incrementAndGet()))
                .build();
        disruptor.start();
        AtomicLong accepted = new AtomicLong();
        AtomicInteger refused = new AtomicInteger();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 200_000; i++) {
                try {
                    disruptor.publish(LongEvent.VALUE, (long) i);
                    accepted.incrementAndGet();
                } catch (DisruptorClosedException stopped) {
                    refused.incrementAndGet();
                }
            }
        });
        producer.start();
        for (int cycle = 0; cycle < 50; cycle++) {
            assertThat(disruptor.stop(Duration.ofSeconds(10))).as("cycle %d drained", cycle).isTrue();
            disruptor.start();
        }
        producer.join(Duration.ofSeconds(60).toMillis());
        assertThat(producer.isAlive()).isFalse();
        assertThat(disruptor.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(handled).hasValue(accepted.get());
        assertThat(accepted.get() + refused.get()).isEqualTo(200_000);
    }

    @Test
    void startIsRefusedWhileRunningAndAfterShutdown() {
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withName("orders")
                .withBarrier(scope -> scope.handleEvents("noop", (event, sequence, end) -> { }))
                .build();
        disruptor.start();
        assertThatThrownBy(disruptor::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'orders'").hasMessageContaining("RUNNING");
        disruptor.shutdown(Duration.ofSeconds(5));
        assertThatThrownBy(disruptor::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TERMINATED");
        assertThatThrownBy(() -> disruptor.stop(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TERMINATED");
    }

    @Test
    void awaitIdleIsTrueOnceEveryHandlerHasHandledWhatWasPublishedBefore() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicLong last = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(64, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("gate", (event, sequence, end) -> release.await()))
                .withBarrier(scope -> scope.handleEvents("last", (event, sequence, end) -> last.incrementAndGet()))
                .build();
        disruptor.start();
        LongEvent.publishValues(disruptor, 20);
        assertThat(disruptor.awaitIdle(Duration.ofMillis(50))).isFalse();
        release.countDown();
        assertThat(disruptor.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(last).hasValue(20);
        assertThat(disruptor.shutdown(Duration.ofSeconds(5))).isTrue();
        assertThat(disruptor.awaitIdle(Duration.ZERO)).as("nothing left to handle").isTrue();
    }

    static HandlerMonitor handler(Disruptor<?> disruptor, String name) {
        return disruptor.monitor().handlers().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }
}
