package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Injects the failures that hurt LMAX users: handlers that throw under every exception policy,
 * exception handlers that throw, translators that throw half-way, interrupted producers and handler
 * threads, shutdown with producers stuck on a full ring, a handler that never returns, and publishing
 * while the disruptor shuts down. Nothing may hang, and nothing accepted may be lost.
 */
class FaultInjectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** An event with two fields, so a half-written one is recognisable. */
    static final class Cell {
        long value = -1;
        long copy = -1;

        void write(long v) {
            value = v;
            copy = v;
        }

        boolean isComplete() {
            return value == copy;
        }
    }

    private final List<Disruptor<?>> started = new ArrayList<>();
    private final List<Thread> handlerThreads = new CopyOnWriteArrayList<>();
    private final AtomicBoolean releaseStuckHandlers = new AtomicBoolean();

    @AfterEach
    void stopEverything() throws InterruptedException {
        releaseStuckHandlers.set(true);
        started.forEach(Disruptor::halt);
        for (Thread thread : handlerThreads) {
            thread.interrupt();
            thread.join(PATIENCE.toMillis());
            assertThat(thread.isAlive()).as("handler thread %s still alive after the test", thread.getName()).isFalse();
        }
    }

    private DisruptorBuilder<Cell> ring(int size, ProducerType type) {
        return DisruptorBuilder.withRingBuffer(size, Cell::new)
                .withName("fault")
                .withProducerType(type)
                .withBlockingWaitStrategy()
                .withThreadFactory(processor -> {
                    Thread thread = new Thread(processor, "fault-handler-" + handlerThreads.size());
                    handlerThreads.add(thread);
                    return thread;
                });
    }

    private <E> Disruptor<E> start(Disruptor<E> disruptor) {
        started.add(disruptor);
        disruptor.start();
        return disruptor;
    }

    private static HandlerMonitor handler(Disruptor<?> disruptor, String name) {
        return disruptor.monitor().handlers().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static void publishValues(Disruptor<Cell> disruptor, int from, int to) {
        for (int i = from; i < to; i++) {
            long v = i;
            disruptor.publish((cell, sequence) -> cell.write(v));
        }
    }

    // ------------------------------------------------------------------ exception policies

    @Test
    void logAndContinueKeepsTheHandlerAndEveryStageBehindItGoing() throws Exception {
        AtomicInteger downstream = new AtomicInteger();
        Disruptor<Cell> disruptor = start(ring(8, ProducerType.MULTI)
                .withExceptionHandler(ExceptionHandler.logAndContinue())
                .withBarrier(s -> s.handleEvents("flaky", (cell, sequence, end) -> {
                    if (cell.value % 10 == 3) {
                        throw new IllegalStateException("injected failure on " + cell.value);
                    }
                }))
                .withBarrier(s -> s.handleEvents("after", (cell, sequence, end) -> downstream.incrementAndGet()))
                .build());

        publishValues(disruptor, 0, 100);

        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(downstream).hasValue(100);
        assertThat(handler(disruptor, "flaky").errorCount()).isEqualTo(10);
        assertThat(handler(disruptor, "flaky").sequence()).isEqualTo(99);
    }

    @Test
    void logAndHaltStopsOnlyThatHandlerBeforeTheFailingEventAndNothingHangs() throws Exception {
        Queue<Long> downstream = new ConcurrentLinkedQueue<>();
        Disruptor<Cell> disruptor = start(ring(4, ProducerType.MULTI)
                .withExceptionHandler(ExceptionHandler.logAndHalt())
                .withBarrier(s -> s.handleEvents("fragile", (cell, sequence, end) -> {
                    if (sequence == 5) {
                        throw new IllegalStateException("injected failure");
                    }
                }))
                .withBarrier(s -> s.handleEvents("after", (cell, sequence, end) -> downstream.add(sequence)))
                .build());

        publishValues(disruptor, 0, 6);
        await("the handler halts").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(handler(disruptor, "fragile").state()).isEqualTo(HandlerState.HALTED));
        await("the stage behind to get every event before the failing one").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(downstream).hasSize(5));

        assertThat(handler(disruptor, "fragile").sequence()).isEqualTo(4);
        assertThat(handler(disruptor, "fragile").errorCount()).isEqualTo(1);
        assertThat(downstream).containsExactly(0L, 1L, 2L, 3L, 4L);
        // The ring fills behind the halted handler: producers are told, they do not hang.
        int accepted = 0;
        while (disruptor.tryPublish((cell, sequence) -> cell.write(sequence))) {
            accepted++;
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(disruptor.tryPublish((cell, sequence) -> { }, Duration.ofMillis(20))).isFalse();
        assertThat(disruptor.monitor().rejectedPublishes()).isEqualTo(2);
        assertThat(disruptor.shutdown(Duration.ofMillis(200))).as("cannot drain behind a halted handler").isFalse();
    }

    @Test
    void aCustomExceptionHandlerSeesTheFailureAndChoosesPerException() throws Exception {
        record Seen(String failure, long sequence, long value, String handler) {
        }
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        ExceptionHandler policy = (failure, sequence, event, handlerName) -> {
            seen.add(new Seen(failure.getMessage(), sequence, ((Cell) event).value, handlerName));
            return failure instanceof IllegalArgumentException ? ExceptionAction.CONTINUE : ExceptionAction.HALT;
        };
        Disruptor<Cell> disruptor = start(ring(16, ProducerType.SINGLE)
                .withBarrier(s -> s.handleEvents("picky", (cell, sequence, end) -> {
                    if (cell.value == 2) {
                        throw new IllegalArgumentException("tolerable");
                    }
                    if (cell.value == 4) {
                        throw new IllegalStateException("fatal");
                    }
                }, HandlerOptions.defaults().withExceptionHandler(policy)))
                .build());

        publishValues(disruptor, 0, 8);
        await("the handler halts").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(handler(disruptor, "picky").state()).isEqualTo(HandlerState.HALTED));

        assertThat(seen).containsExactly(new Seen("tolerable", 2, 2, "picky"), new Seen("fatal", 4, 4, "picky"));
        assertThat(handler(disruptor, "picky").sequence()).as("halted before the fatal event").isEqualTo(3);
        assertThat(handler(disruptor, "picky").errorCount()).isEqualTo(2);
    }

    @Test
    void anExceptionHandlerThatThrowsHaltsTheHandlerVisiblyInsteadOfKillingItSilently() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        Disruptor<Cell> disruptor = start(ring(16, ProducerType.MULTI)
                .withExceptionHandler((failure, sequence, event, name) -> {
                    throw new IllegalStateException("the exception handler itself failed");
                })
                .withBarrier(s -> s.handleEvents("doomed", (cell, sequence, end) -> {
                    handled.incrementAndGet();
                    if (sequence == 1) {
                        throw new IllegalArgumentException("injected");
                    }
                }))
                .build());

        publishValues(disruptor, 0, 4);
        await("the handler halts").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(handler(disruptor, "doomed").state()).isEqualTo(HandlerState.HALTED));

        assertThat(handled).hasValue(2);
        assertThat(handler(disruptor, "doomed").errorCount()).isEqualTo(1);
        assertThat(handler(disruptor, "doomed").sequence()).as("halted before the event it failed on").isEqualTo(0);
        await("the halted handler's thread to end").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).until(() -> !handler(disruptor, "doomed").isThreadAlive());
    }

    // ------------------------------------------------------------------ throwing translators

    @ParameterizedTest
    @EnumSource(ProducerType.class)
    void aThrowingTranslatorPublishesNothingAHandlerCanSeeAndTheRingKeepsWorking(ProducerType type) throws Exception {
        Queue<Long> values = new ConcurrentLinkedQueue<>();
        AtomicInteger incomplete = new AtomicInteger();
        Disruptor<Cell> disruptor = start(ring(4, type)
                .withBarrier(s -> s.handleEvents("reader", (cell, sequence, end) -> {
                    if (!cell.isComplete()) {
                        incomplete.incrementAndGet();
                    }
                    values.add(cell.value);
                }))
                .withBarrier(s -> s.handleEvents("sharded", (cell, sequence, end) -> {
                    if (!cell.isComplete()) {
                        incomplete.incrementAndGet();
                    }
                }, HandlerOptions.defaults().withConcurrency(2)))
                .build());
        RuntimeException injected = new IllegalStateException("translator failed half-way");
        EventTranslatorOneArg<Cell, Long> halfThenThrow = (cell, sequence, v) -> {
            cell.value = v;
            throw injected;
        };

        long next = 0;
        for (int round = 0; round < 20; round++) {
            long v = next++;
            disruptor.publish((cell, sequence) -> cell.write(v));
            assertThatThrownBy(() -> disruptor.publish(halfThenThrow, 1_000L)).isSameAs(injected);
            // this thread is the only producer: once a slot is free, the next tryPublish gets it and runs the translator
            await("a free slot").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                    .untilAsserted(() -> assertThat(disruptor.ringBuffer().remainingCapacity()).isPositive());
            assertThatThrownBy(() -> disruptor.tryPublish(halfThenThrow, 2_000L)).isSameAs(injected);
            assertThatThrownBy(() -> disruptor.publish((cell, sequence, a, b) -> {
                cell.value = a;
                throw injected;
            }, 3_000L, 0L)).isSameAs(injected);
            assertThatThrownBy(() -> disruptor.tryPublish((cell, sequence) -> {
                cell.value = 4_000L;
                throw injected;
            }, PATIENCE)).isSameAs(injected);
            int failAt = round % 3;
            int[] index = {0};
            assertThatThrownBy(() -> disruptor.publishBatch(3, (cell, sequence) -> {
                cell.value = 5_000L;
                if (index[0]++ == failAt) {
                    throw injected;
                }
                cell.copy = 5_000L;
            })).isSameAs(injected);
            Long[] args = {6_000L, 6_001L, 6_002L, 6_003L};
            assertThatThrownBy(() -> disruptor.publishBatch((cell, sequence, a) -> {
                cell.value = a;
                if (a == 6_002L) {
                    throw injected;
                }
                cell.copy = a;
            }, args, 1, 3)).isSameAs(injected);
            disruptor.publishBatch((cell, sequence, a) -> cell.write(a), new Long[] {next, next + 1}, 0, 2);
            next += 2;
        }

        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(incomplete).as("half-written events handed to a handler").hasValue(0);
        assertThat(values).as("exactly the events whose translator returned, in order")
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 60).boxed().toList());
        assertThat(handler(disruptor, "reader").sequence()).isEqualTo(disruptor.ringBuffer().cursor());
    }

    // ------------------------------------------------------------------ interrupts

    @ParameterizedTest
    @EnumSource(ProducerType.class)
    void aProducerInterruptedOnAFullRingGivesUpCleanlyAndKeepsItsInterruptFlag(ProducerType type) throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        Disruptor<Cell> disruptor = start(ring(2, type)
                .withBarrier(s -> s.handleEvents("gate", (cell, sequence, end) -> {
                    unblock.await();
                    handled.incrementAndGet();
                }))
                .build());
        publishValues(disruptor, 0, 2);
        await("the ring to fill").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(disruptor.ringBuffer().remainingCapacity()).isZero());

        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicBoolean interruptFlag = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            try {
                disruptor.publish((cell, sequence) -> cell.write(99));
            } catch (Throwable failure) {
                outcome.set(failure);
                interruptFlag.set(Thread.currentThread().isInterrupted());
            }
        });
        producer.start();
        await("the producer to wait for space").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).untilAsserted(() ->
                assertThat(producer.getState()).isIn(Thread.State.TIMED_WAITING, Thread.State.WAITING));
        producer.interrupt();
        producer.join(PATIENCE.toMillis());

        assertThat(producer.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(PublishInterruptedException.class)
                .hasMessageContaining("interrupted").hasMessageContaining("nothing was published");
        assertThat(interruptFlag).isTrue();
        assertThat(disruptor.ringBuffer().cursor()).isEqualTo(1);

        unblock.countDown();
        publishValues(disruptor, 2, 10);
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(handled).hasValue(10);
    }

    @Test
    void anInterruptedHandlerThreadKeepsHandling() throws Exception {
        Queue<Long> seen = new ConcurrentLinkedQueue<>();
        Disruptor<Cell> disruptor = start(ring(8, ProducerType.MULTI)
                .withBarrier(s -> s.handleEvents("sturdy", (cell, sequence, end) -> seen.add(cell.value)))
                .build());
        publishValues(disruptor, 0, 3);
        await("the first events to be handled").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).untilAsserted(() -> assertThat(seen).hasSize(3));

        for (int i = 0; i < 5; i++) {
            await("the handler to park").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                    .untilAsserted(() -> assertThat(handlerThreads.get(0).getState()).isEqualTo(Thread.State.WAITING));
            handlerThreads.get(0).interrupt();
            publishValues(disruptor, 3 + i, 4 + i);
        }

        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(handler(disruptor, "sturdy").state()).isEqualTo(HandlerState.STOPPED);
    }

    // ------------------------------------------------------------------ shutdown under stress

    @ParameterizedTest
    @EnumSource(ProducerType.class)
    void shutdownReleasesProducersBlockedOnAFullRingAndStillDrainsWhatWasAccepted(ProducerType type) throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        Disruptor<Cell> disruptor = start(ring(4, type)
                .withBarrier(s -> s.handleEvents("gate", (cell, sequence, end) -> {
                    unblock.await();
                    handled.incrementAndGet();
                }))
                .build());
        int producers = type == ProducerType.SINGLE ? 1 : 3;
        ExecutorService pool = Executors.newFixedThreadPool(producers + 1);
        try {
            List<Future<?>> blocked = new ArrayList<>();
            AtomicInteger accepted = new AtomicInteger();
            for (int p = 0; p < producers; p++) {
                blocked.add(pool.submit(() -> {
                    while (true) {
                        disruptor.publish((cell, sequence) -> cell.write(sequence));
                        accepted.incrementAndGet();
                    }
                }));
            }
            await("the ring to fill").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).untilAsserted(() -> {
                assertThat(disruptor.ringBuffer().remainingCapacity()).as("remaining capacity").isZero();
                assertThat(accepted).as("publishes that returned").hasValue(4);
            });
            Future<Boolean> shutdown = pool.submit(() -> disruptor.shutdown(PATIENCE));

            for (Future<?> producer : blocked) {
                assertThatThrownBy(() -> producer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                        .hasCauseInstanceOf(DisruptorClosedException.class)
                        .hasMessageContaining("fault").hasMessageContaining("shut down");
            }
            assertThat(shutdown.isDone()).as("shutdown still waits for the accepted events").isFalse();
            unblock.countDown();
            assertThat(shutdown.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(handled).hasValue(4);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        }
    }

    @Test
    void haltReleasesAProducerBlockedOnAFullRing() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        Disruptor<Cell> disruptor = start(ring(2, ProducerType.MULTI)
                .withBarrier(s -> s.handleEvents("gate", (cell, sequence, end) -> unblock.await()))
                .build());
        publishValues(disruptor, 0, 2);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                disruptor.publish((cell, sequence) -> cell.write(2));
            } catch (Throwable failure) {
                outcome.set(failure);
            }
        });
        producer.start();
        await("the producer to wait for space").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(producer.getState()).isEqualTo(Thread.State.TIMED_WAITING));

        disruptor.halt();
        producer.join(PATIENCE.toMillis());
        unblock.countDown();

        assertThat(producer.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(DisruptorClosedException.class).hasMessageContaining("shut down");
    }

    @Test
    void shutdownRightAfterStartDrainsWhatWasPublishedBeforeStart() {
        for (int round = 0; round < 50; round++) {
            AtomicInteger handled = new AtomicInteger();
            Disruptor<Cell> disruptor = ring(64, ProducerType.MULTI)
                    .withBarrier(s -> s.handleEvents("first", (cell, sequence, end) -> { }))
                    .withBarrier(s -> s.handleEvents("last", (cell, sequence, end) -> handled.incrementAndGet()))
                    .build();
            publishValues(disruptor, 0, 64);
            start(disruptor);
            assertThat(disruptor.shutdown(PATIENCE)).as("round %d", round).isTrue();
            assertThat(handled).as("round %d", round).hasValue(64);
        }
    }

    @Test
    void failingLifecycleCallbacksNeitherStopTheHandlerNorTheShutdown() {
        AtomicInteger handled = new AtomicInteger();
        Queue<String> phases = new ConcurrentLinkedQueue<>();
        EventHandler<Cell> grumpy = new EventHandler<>() {
            @Override
            public void onEvent(Cell cell, long sequence, boolean endOfBatch) {
                handled.incrementAndGet();
            }

            @Override
            public void onStart() {
                throw new IllegalStateException("onStart failed");
            }

            @Override
            public void onShutdown() {
                throw new IllegalStateException("onShutdown failed");
            }
        };
        ExceptionHandler policy = new ExceptionHandler() {
            @Override
            public ExceptionAction handleEventException(Throwable failure, long sequence, Object event, String name) {
                return ExceptionAction.CONTINUE;
            }

            @Override
            public void handleCallbackException(Throwable failure, String handlerName, String phase) {
                phases.add(handlerName + " " + phase + ": " + failure.getMessage());
            }
        };
        Disruptor<Cell> disruptor = start(ring(8, ProducerType.SINGLE)
                .withExceptionHandler(policy)
                .withBarrier(s -> s.handleEvents("grumpy", grumpy))
                .build());

        publishValues(disruptor, 0, 20);

        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        assertThat(handled).hasValue(20);
        assertThat(phases).containsExactly("grumpy onStart: onStart failed", "grumpy onShutdown: onShutdown failed");
    }

    @Test
    void aHandlerThatNeverReturnsMakesShutdownTimeOutReportFalseAndHalt() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        Disruptor<Cell> disruptor = start(ring(8, ProducerType.MULTI)
                .withBarrier(s -> s.handleEvents("stuck", (cell, sequence, end) -> {
                    inside.countDown();
                    while (!releaseStuckHandlers.get()) {
                        Thread.onSpinWait(); // deaf to interrupts, like a handler stuck in a native call
                    }
                }))
                .build());
        publishValues(disruptor, 0, 3);
        assertThat(inside.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        long start = System.nanoTime();
        boolean drained = disruptor.shutdown(Duration.ofMillis(300));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(drained).isFalse();
        assertThat(tookMillis).isBetween(250L, 5_000L);
        assertThat(disruptor.monitor().state()).isEqualTo(DisruptorState.TERMINATED);
        assertThat(handler(disruptor, "stuck").state()).isEqualTo(HandlerState.STOPPED);
        assertThat(handler(disruptor, "stuck").isThreadAlive()).isTrue();
        assertThat(disruptor.shutdown(PATIENCE)).as("a second shutdown repeats the answer").isFalse();
        assertThatThrownBy(() -> disruptor.publish((cell, sequence) -> { }))
                .isInstanceOf(DisruptorClosedException.class);

        releaseStuckHandlers.set(true);
        await("the released handler's thread to end").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).until(() -> !handler(disruptor, "stuck").isThreadAlive());
    }

    @ParameterizedTest
    @EnumSource(ProducerType.class)
    void everyPublishThatReturnsDuringAConcurrentShutdownIsHandledAndNoneHangs(ProducerType type) throws Exception {
        for (int round = 0; round < 10; round++) {
            shutdownWhilePublishing(type, round);
            handlerThreads.clear();
        }
    }

    private void shutdownWhilePublishing(ProducerType type, int round) throws Exception {
        int producers = type == ProducerType.SINGLE ? 1 : 3;
        int perProducer = 1 << 20;
        AtomicIntegerArray[] handled = new AtomicIntegerArray[producers];
        for (int p = 0; p < producers; p++) {
            handled[p] = new AtomicIntegerArray(perProducer);
        }
        Disruptor<Cell> disruptor = start(ring(64, type)
                .withYieldingWaitStrategy()
                .withBarrier(s -> s.handleEvents("first", (cell, sequence, end) -> { }))
                .withBarrier(s -> s.handleEvents("last", (cell, sequence, end) ->
                        handled[(int) (cell.value >>> 32)].incrementAndGet((int) cell.value)))
                .build());
        int[] returned = new int[producers];
        Throwable[] endedWith = new Throwable[producers];
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads[p] = new Thread(() -> {
                try {
                    for (int i = 0; i < perProducer; i++) {
                        long value = ((long) producer << 32) | i;
                        disruptor.publish((cell, sequence, v) -> cell.write(v), value);
                        returned[producer]++;
                    }
                } catch (Throwable failure) {
                    endedWith[producer] = failure;
                }
            });
            threads[p].start();
        }
        // moves the shutdown to a later point of the producers' run each round (the first round shuts
        // down as they start); the assertions below hold wherever it lands
        long claimedBeforeShutdown = round * 4_096L;
        await("the producers to claim " + claimedBeforeShutdown + " slots").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(disruptor.ringBuffer().cursor() + 1).isGreaterThanOrEqualTo(claimedBeforeShutdown));
        assertThat(disruptor.shutdown(PATIENCE)).isTrue();
        for (int p = 0; p < producers; p++) {
            threads[p].join(PATIENCE.toMillis());
            assertThat(threads[p].isAlive()).as("producer %d hangs", p).isFalse();
            if (returned[p] < perProducer) {
                assertThat(endedWith[p]).as("round %d producer %d", round, p)
                        .isInstanceOf(DisruptorClosedException.class);
            }
            for (int i = 0; i < returned[p]; i++) {
                if (handled[p].get(i) != 1) {
                    throw new AssertionError("round " + round + ": producer " + p + "'s publish #" + i
                            + " returned normally but was handled " + handled[p].get(i) + " times");
                }
            }
        }
    }
}
