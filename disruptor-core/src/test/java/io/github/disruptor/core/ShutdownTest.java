package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Drain, timeout, fail-fast after shutdown, release of blocked producers, lifecycle misuse. */
class ShutdownTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void shutdownDrainsEveryPublishedEventThroughEveryStage() {
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(1024, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("first", (event, sequence, end) -> {
                    Thread.onSpinWait();
                    first.incrementAndGet();
                }))
                .withBarrier(scope -> scope.handleEvents("last", (event, sequence, end) -> last.incrementAndGet()))
                .build();
        disruptor.start();
        LongEvent.publishValues(disruptor, 1000);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(first).hasValue(1000);
        assertThat(last).hasValue(1000);
        assertThat(disruptor.monitor().state()).isEqualTo(DisruptorState.TERMINATED);
        assertThat(disruptor.monitor().handlers()).allSatisfy(handler -> {
            assertThat(handler.state()).isEqualTo(HandlerState.STOPPED);
            assertThat(handler.isThreadAlive()).isFalse();
        });
    }

    @Test
    void shutdownRightAfterStartStillDrains() {
        AtomicLong handled = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(64, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("counter", (event, sequence, end) -> handled.incrementAndGet()))
                .build();
        LongEvent.publishValues(disruptor, 50);
        disruptor.start();
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(handled).hasValue(50);
    }

    @Test
    void shutdownTimesOutOnAStuckHandlerReportsFalseAndStopsTheOthers() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withBarrier(scope -> scope
                        .handleEvents("stuck", (event, sequence, end) -> stuck.await())
                        .handleEvents("fine", (event, sequence, end) -> { }))
                .build();
        disruptor.start();
        disruptor.publish(LongEvent.VALUE, 1L);
        long started = System.nanoTime();
        assertThat(disruptor.shutdown(Duration.ofMillis(300))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        HandlerMonitor fine = handler(disruptor, "fine");
        await("the idle handler's thread to end").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).until(() -> !fine.isThreadAlive());
        // the stuck handler was interrupted by the timed-out shutdown: its await() threw, so it ends too
        HandlerMonitor stuckHandler = handler(disruptor, "stuck");
        await("the stuck handler's thread to end after its interrupt").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).until(() -> !stuckHandler.isThreadAlive());
        assertThat(disruptor.shutdown(Duration.ofSeconds(1))).as("a second call repeats the answer").isFalse();
    }

    @Test
    void publishingAfterShutdownFailsFastWithTheRingName() {
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withName("orders")
                .withBarrier(scope -> scope.handleEvents("noop", (event, sequence, end) -> { }))
                .build();
        disruptor.start();
        assertThat(disruptor.shutdown(Duration.ofSeconds(5))).isTrue();
        assertThatThrownBy(() -> disruptor.publish(LongEvent.VALUE, 1L))
                .isInstanceOf(DisruptorClosedException.class)
                .hasMessageContaining("'orders' is shut down");
        assertThatThrownBy(() -> disruptor.tryPublish(LongEvent.VALUE, 1L))
                .isInstanceOf(DisruptorClosedException.class);
        assertThatThrownBy(() -> disruptor.publishBatch(2, (event, sequence) -> { }))
                .isInstanceOf(DisruptorClosedException.class);
    }

    @Test
    void aProducerBlockedOnAFullRingIsReleasedByShutdown() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(2, LongEvent::new)
                .withName("tiny")
                .withBarrier(scope -> scope.handleEvents("gate", (event, sequence, end) -> release.await(20, TimeUnit.SECONDS)))
                .build();
        disruptor.start();
        disruptor.publish(LongEvent.VALUE, 0L);
        disruptor.publish(LongEvent.VALUE, 1L);
        AtomicReference<Thread> producer = new AtomicReference<>();
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            producer.set(Thread.currentThread());
            disruptor.publish(LongEvent.VALUE, 2L);
        });
        await("the producer to block on the full ring").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).untilAsserted(() ->
                assertThat(producer.get()).extracting(Thread::getState).isEqualTo(Thread.State.TIMED_WAITING));
        CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(() -> disruptor.shutdown(Duration.ofSeconds(20)));
        assertThatThrownBy(() -> blocked.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(DisruptorClosedException.class).hasMessageContaining("'tiny'");
        release.countDown();
        assertThat(shutdown.get(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anInterruptedProducerGivesUpAndKeepsItsInterruptStatus() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(1, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("gate", (event, sequence, end) -> release.await(20, TimeUnit.SECONDS)))
                .build();
        disruptor.start();
        disruptor.publish(LongEvent.VALUE, 0L);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                disruptor.publish(LongEvent.VALUE, 1L);
            } catch (Throwable t) {
                failure.set(t);
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            }
        });
        producer.start();
        await("the producer to block").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(producer.getState()).isEqualTo(Thread.State.TIMED_WAITING));
        producer.interrupt();
        producer.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(failure.get()).isInstanceOf(PublishInterruptedException.class).hasMessageContaining("nothing was published");
        assertThat(interruptedAfter.get()).isTrue();
        release.countDown();
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(disruptor.ringBuffer().cursor()).as("the interrupted publish claimed nothing").isZero();
    }

    @Test
    void startIsRefusedWhileRunningAndHaltStopsWithoutDraining() {
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withName("once")
                .withBarrier(scope -> scope.handleEvents("noop", (event, sequence, end) -> { }))
                .build();
        disruptor.start();
        assertThatThrownBy(disruptor::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("Disruptor 'once' cannot start: it is RUNNING; start() is accepted on a new or stopped disruptor");
        disruptor.halt();
        assertThat(disruptor.monitor().state()).isEqualTo(DisruptorState.TERMINATED);
        await("handler threads to end after halt").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).untilAsserted(() ->
                assertThat(disruptor.monitor().handlers()).extracting(HandlerMonitor::isThreadAlive).containsOnly(false));
        assertThatThrownBy(() -> disruptor.publish(LongEvent.VALUE, 1L)).isInstanceOf(DisruptorClosedException.class);
        assertThat(disruptor.shutdown(Duration.ofSeconds(1))).as("a halted disruptor did not drain").isFalse();
    }

    @Test
    void shutdownOfANeverStartedRingReportsWhetherEventsWereLeft() {
        Disruptor<LongEvent> empty = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("noop", (event, sequence, end) -> { })).build();
        assertThat(empty.shutdown(Duration.ofSeconds(1))).isTrue();
        Disruptor<LongEvent> loaded = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("noop", (event, sequence, end) -> { })).build();
        loaded.publish(LongEvent.VALUE, 1L);
        assertThat(loaded.shutdown(Duration.ofSeconds(1))).isFalse();
    }

    private static HandlerMonitor handler(Disruptor<?> disruptor, String name) {
        return disruptor.monitor().handlers().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }
}
