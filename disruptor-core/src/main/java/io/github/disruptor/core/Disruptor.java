package io.github.disruptor.core;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A running ring: the ring buffer, its sequencer, and one processor thread per handler, wired into
 * stages. Build one with {@link DisruptorBuilder}; it is the {@link EventPublisher} producers use.
 *
 * <p>Life cycle: {@link #start()} once; publish from any thread (from one thread at a time with the
 * single-producer sequencer); then {@link #shutdown(Duration)} to drain and stop, or {@link #halt()}
 * to stop at once. Events published before {@code start()} wait in the ring.
 *
 * <p>Publishing: claim, translate in place, publish. If the translator throws, the claimed slots are
 * published as discarded, so the sequence has no hole and no handler sees a half-written event; the
 * exception reaches the caller. After publishing, the producer reads the sequencer's closed flag once
 * (on the cache line it read to claim, and a field that never changes while the ring runs): if a
 * shutdown has begun, it waits until its event has been handled or the disruptor has stopped, so a
 * publish that returns normally has always been handled, and one that raced a shutdown and lost gets
 * a {@link DisruptorClosedException}.
 *
 * @param <E> the event type
 */
public final class Disruptor<E> implements EventPublisher<E> {

    private static final System.Logger LOGGER = System.getLogger(Disruptor.class.getName());
    private static final long DRAIN_CONFIRMATION_NANOS = 200_000L;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Disruptor.class, "state", DisruptorState.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final EventTranslatorTwoArg<Object, EventTranslator<Object>, Object> PLAIN =
            (event, sequence, translator, unused) -> translator.translateTo(event, sequence);
    private static final EventTranslatorTwoArg<Object, EventTranslatorOneArg<Object, Object>, Object> ONE_ARG =
            (event, sequence, translator, arg) -> translator.translateTo(event, sequence, arg);
    private static final BatchTranslator<Object, EventTranslator<Object>, Object> PLAIN_BATCH =
            (event, sequence, index, translator, unused) -> translator.translateTo(event, sequence);
    private static final BatchTranslator<Object, EventTranslatorOneArg<Object, Object>, Object[]> ARRAY_BATCH =
            (event, sequence, index, translator, args) -> translator.translateTo(event, sequence, args[index]);

    /**
     * Fills one slot of a batch. The public publishing variants funnel into two claim-translate-publish
     * paths, one for single events and one for batches, through static adapters of this shape or of
     * {@link EventTranslatorTwoArg}, so that none of them allocates a capturing lambda.
     */
    @FunctionalInterface
    private interface BatchTranslator<E, A, B> {
        void translateTo(E event, long sequence, int index, A first, B second);
    }

    private final String name;
    private final RingBuffer<E> ringBuffer;
    private final Sequencer sequencer;
    private final ProducerType producerType;
    private final List<BatchEventProcessor<E>> processors;
    private final List<HandlerMonitor> handlerViews;
    private final ThreadFactory threadFactory;
    private final LongAdder rejectedPublishes = new LongAdder();
    private final Monitor monitor = new Monitor();
    private final Object lifecycleLock = new Object();
    @SuppressWarnings("unused") // accessed through STATE
    private volatile DisruptorState state = DisruptorState.NEW;
    private boolean drained;

    Disruptor(String name, RingBuffer<E> ringBuffer, Sequencer sequencer, ProducerType producerType,
            List<BatchEventProcessor<E>> processors, ThreadFactory threadFactory) {
        this.name = name;
        this.ringBuffer = ringBuffer;
        this.sequencer = sequencer;
        this.producerType = producerType;
        this.processors = processors;
        this.handlerViews = List.copyOf(processors);
        this.threadFactory = threadFactory;
    }

    /** The disruptor's name. */
    public String name() {
        return name;
    }

    /** The ring buffer, for reading events by sequence and for its cursor and capacity. */
    public RingBuffer<E> ringBuffer() {
        return ringBuffer;
    }

    /** A live, read-only view for metrics and health checks. */
    public DisruptorMonitor monitor() {
        return monitor;
    }

    /**
     * Starts one thread per handler.
     *
     * @throws IllegalStateException if already started, shut down or halted
     */
    public void start() {
        synchronized (lifecycleLock) {
            if (!STATE.compareAndSet(this, DisruptorState.NEW, DisruptorState.RUNNING)) {
                throw new IllegalStateException("Disruptor '" + name + "' cannot start: it is " + state
                        + "; start() may be called once, on a new disruptor");
            }
            for (BatchEventProcessor<E> processor : processors) {
                Thread thread = Objects.requireNonNull(threadFactory.newThread(processor),
                        () -> "the thread factory of disruptor '" + name + "' returned null");
                thread.start();
            }
        }
    }

    /**
     * Stops accepting events, waits until every event published so far has passed every handler,
     * then stops the handler threads and joins them, all within {@code timeout}. Producers waiting for
     * space are released with a {@link DisruptorClosedException}. If the timeout runs out, the
     * handlers are halted and the log says, per handler, how far it got.
     *
     * <p>Calling it again returns the first call's answer.
     *
     * @param timeout the most time to spend draining and joining
     * @return {@code true} if every published event was handled and every thread ended in time
     */
    public boolean shutdown(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("shutdown timeout must not be negative, was " + timeout);
        }
        long deadline = System.nanoTime() + saturatedNanos(timeout);
        synchronized (lifecycleLock) {
            DisruptorState before = state;
            if (before == DisruptorState.TERMINATED) {
                return drained;
            }
            sequencer.close();
            STATE.setVolatile(this, DisruptorState.DRAINING);
            boolean allHandled = before == DisruptorState.RUNNING ? awaitDrained(deadline) : nothingPublished();
            processors.forEach(BatchEventProcessor::halt);
            boolean allJoined = joinThreads(deadline);
            STATE.setVolatile(this, DisruptorState.TERMINATED);
            drained = allHandled && allJoined;
            if (!drained) {
                LOGGER.log(Level.WARNING, () -> progressReport(before));
            }
            return drained;
        }
    }

    /**
     * Stops every handler after the batch in hand, without draining, and refuses further publishes.
     * Events not yet handled stay unhandled. Does not wait for the threads.
     */
    public void halt() {
        synchronized (lifecycleLock) {
            sequencer.close();
            STATE.setVolatile(this, DisruptorState.TERMINATED);
            processors.forEach(BatchEventProcessor::halt);
        }
    }

    // ---------------------------------------------------------------- publishing

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void publish(EventTranslator<E> translator) {
        Objects.requireNonNull(translator, "translator");
        publish((EventTranslatorTwoArg) PLAIN, translator, null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean tryPublish(EventTranslator<E> translator) {
        Objects.requireNonNull(translator, "translator");
        return tryPublish((EventTranslatorTwoArg) PLAIN, translator, null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean tryPublish(EventTranslator<E> translator, Duration timeout) {
        Objects.requireNonNull(translator, "translator");
        Objects.requireNonNull(timeout, "timeout");
        return publishBefore(System.nanoTime() + saturatedNanos(timeout), (EventTranslatorTwoArg) PLAIN, translator, null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <A> void publish(EventTranslatorOneArg<E, A> translator, A arg) {
        Objects.requireNonNull(translator, "translator");
        publish((EventTranslatorTwoArg) ONE_ARG, translator, arg);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <A> boolean tryPublish(EventTranslatorOneArg<E, A> translator, A arg) {
        Objects.requireNonNull(translator, "translator");
        return tryPublish((EventTranslatorTwoArg) ONE_ARG, translator, arg);
    }

    @Override
    public <A, B> void publish(EventTranslatorTwoArg<E, A, B> translator, A first, B second) {
        Objects.requireNonNull(translator, "translator");
        translateAndPublish(translator, first, second, sequencer.next(1, Sequencer.NO_DEADLINE));
    }

    @Override
    public <A, B> boolean tryPublish(EventTranslatorTwoArg<E, A, B> translator, A first, B second) {
        Objects.requireNonNull(translator, "translator");
        return publishBefore(Sequencer.NO_WAIT, translator, first, second);
    }

    /** Publishes one event if a slot frees up before {@code deadlineNanos}; counts a refusal. */
    private <A, B> boolean publishBefore(long deadlineNanos, EventTranslatorTwoArg<E, A, B> translator, A first,
            B second) {
        long sequence = sequencer.next(1, deadlineNanos);
        if (sequence == Sequencer.NO_CAPACITY) {
            rejectedPublishes.increment();
            return false;
        }
        translateAndPublish(translator, first, second, sequence);
        return true;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void publishBatch(int count, EventTranslator<E> translator) {
        Objects.requireNonNull(translator, "translator");
        publishRange(count, (BatchTranslator) PLAIN_BATCH, translator, null, 0);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <A> void publishBatch(EventTranslatorOneArg<E, A> translator, A[] args, int from, int count) {
        Objects.requireNonNull(translator, "translator");
        Objects.requireNonNull(args, "args");
        Objects.checkFromIndexSize(from, count, args.length);
        publishRange(count, (BatchTranslator) ARRAY_BATCH, translator, args, from);
    }

    /** Claims {@code count} slots, fills slot {@code i} through {@code fill} with index {@code firstIndex + i}. */
    private <A, B> void publishRange(int count, BatchTranslator<E, A, B> fill, A first, B second, int firstIndex) {
        sequencer.checkClaimSize(count);
        long high = sequencer.next(count, Sequencer.NO_DEADLINE);
        long low = high - count + 1;
        try {
            for (int i = 0; i < count; i++) {
                fill.translateTo(ringBuffer.get(low + i), low + i, firstIndex + i, first, second);
            }
        } catch (Throwable failure) {
            discard(low, high);
            throw rethrow(failure);
        }
        commit(low, high);
    }

    private <A, B> void translateAndPublish(EventTranslatorTwoArg<E, A, B> translator, A first, B second,
            long sequence) {
        try {
            translator.translateTo(ringBuffer.get(sequence), sequence, first, second);
        } catch (Throwable failure) {
            discard(sequence, sequence);
            throw rethrow(failure);
        }
        commit(sequence, sequence);
    }

    /**
     * Rethrows whatever a translator threw, checked exceptions included (a translator written in
     * another JVM language can throw one): the slot is already discarded, the caller gets the original.
     */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable failure) throws T {
        throw (T) failure;
    }

    private void discard(long low, long high) {
        ringBuffer.discard(low, high);
        sequencer.publish(low, high);
    }

    private void commit(long low, long high) {
        Sequencer claims = sequencer;
        claims.publish(low, high);
        // closed before the state leaves RUNNING, by shutdown() and halt() alike
        if (claims.isClosed()) {
            awaitHandledOrRefuse(high);
        }
    }

    /** The slow path of a publish that raced a shutdown: see the class comment. */
    private void awaitHandledOrRefuse(long sequence) {
        int attempt = 0;
        while (state != DisruptorState.TERMINATED) {
            if (sequencer.minimumGatingSequence(Long.MAX_VALUE) >= sequence) {
                return;
            }
            backOff(attempt++);
        }
        if (sequencer.minimumGatingSequence(Long.MAX_VALUE) < sequence) {
            throw new DisruptorClosedException("Disruptor '" + name + "' stopped before handling sequence "
                    + sequence + ", published while it shut down; the event was not handled");
        }
    }

    // ---------------------------------------------------------------- shutdown helpers

    private boolean nothingPublished() {
        return sequencer.cursor() == Sequence.INITIAL_VALUE;
    }

    /**
     * Waits until every handler has passed the cursor, and the cursor still stands there after a short
     * pause. The pause is for a single producer that raced this shutdown: its publication is a release
     * store of the cursor followed by its read of the closed flag, and the processor may let that read
     * pass the store (a full fence there would cost every publish). Such a producer can read "open"
     * while its store still waits in its store buffer; the store lands within nanoseconds, so a drain
     * that holds across the pause has seen it. Multi-producer claims are compare-and-sets and need no
     * pause.
     */
    private boolean awaitDrained(long deadline) {
        int attempt = 0;
        while (true) {
            long target = sequencer.cursor();
            if (allHandlersReached(target)) {
                LockSupport.parkNanos(DRAIN_CONFIRMATION_NANOS);
                if (sequencer.cursor() == target) {
                    return true;
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            backOff(attempt++);
        }
    }

    private boolean allHandlersReached(long target) {
        for (BatchEventProcessor<E> processor : processors) {
            if (processor.sequence() < target) {
                return false;
            }
        }
        return true;
    }

    private boolean joinThreads(long deadline) {
        boolean allEnded = true;
        for (BatchEventProcessor<E> processor : processors) {
            Thread thread = processor.thread();
            if (thread == null) {
                continue;
            }
            long remaining = deadline - System.nanoTime();
            try {
                if (remaining > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
                allEnded = false;
            }
        }
        return allEnded;
    }

    private String progressReport(DisruptorState before) {
        long cursor = sequencer.cursor();
        StringBuilder report = new StringBuilder("Disruptor '").append(name);
        if (before == DisruptorState.NEW) {
            report.append("' was shut down without being started; ").append(cursor + 1)
                    .append(" published events were never handled");
            return report.toString();
        }
        report.append("' did not drain in time; cursor at ").append(cursor).append(':');
        for (BatchEventProcessor<E> processor : processors) {
            report.append("\n  ").append(processor.name()).append(" (stage ").append(processor.stage())
                    .append("): sequence ").append(processor.sequence()).append(", ")
                    .append(Math.max(0, cursor - processor.sequence())).append(" events not handled, ")
                    .append(processor.state()).append(processor.isThreadAlive() ? ", thread still alive" : "");
        }
        return report.toString();
    }

    private static void backOff(int attempt) {
        if (attempt < 64) {
            Thread.onSpinWait();
        } else if (attempt < 128) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(1_000_000L, 1_000L << Math.min(attempt - 128, 10)));
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE / 2;
        }
    }

    @Override
    public String toString() {
        return "Disruptor '" + name + "' (" + ringBuffer.size() + " slots, " + producerType + " producer, "
                + sequencer.waitStrategy.name() + ", " + state + ")";
    }

    /** The {@link DisruptorMonitor} of this disruptor. */
    private final class Monitor implements DisruptorMonitor {

        @Override
        public String name() {
            return name;
        }

        @Override
        public int ringSize() {
            return ringBuffer.size();
        }

        @Override
        public ProducerType producerType() {
            return producerType;
        }

        @Override
        public String waitStrategy() {
            return sequencer.waitStrategy.name();
        }

        @Override
        public long cursor() {
            return sequencer.cursor();
        }

        @Override
        public long remainingCapacity() {
            return sequencer.remainingCapacity();
        }

        @Override
        public long rejectedPublishes() {
            return rejectedPublishes.sum();
        }

        @Override
        public DisruptorState state() {
            return state;
        }

        @Override
        public List<HandlerMonitor> handlers() {
            return handlerViews;
        }
    }
}
