package io.github.disruptor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one handler (or one shard of a handler) on its own thread: waits on its barrier for the
 * highest available sequence, hands every event up to it to the handler in order, then releases its
 * own sequence once for the whole batch. Batching is what lets a handler catch up after a burst:
 * the more it lags, the larger the batch and the fewer the release stores and wake-ups.
 *
 * <p>Memory ordering: the barrier's acquire read of the dependency makes the producers' (or the
 * upstream handlers') writes to the events, and their discard marks, visible; the release store of
 * {@code sequence} after the batch publishes this handler's own writes and marks to the stages behind
 * it and frees the slots for producers.
 *
 * <p>The common batch (one shard, nothing discarded at or above it) hands over every event with no
 * per-event check. Otherwise each event is first checked against the shard and against the discard
 * marks of every source upstream (the producers' and those of every handler this one waits on,
 * directly or not).
 *
 * <p>An exception from the handler is counted; under a {@link RetryPolicy} the same event (or, for a
 * handler that rewinds its batch, the whole batch from its first event) is handed over again after a
 * back-off, with the sequence held just before it; then the exception handler decides: continue,
 * discard (mark it so no handler behind this one sees it) or halt (stop before it, or before the
 * batch).
 * Nothing thrown by user code can end the thread unseen. A halt takes effect between events.
 *
 * <p>Counters (errors, retries, discards) are written only by this thread, with opaque stores, and
 * read by monitors: no counter is shared between threads.
 *
 * @param <E> the event type
 */
final class BatchEventProcessor<E> implements Runnable, HandlerMonitor {

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int HALTED = 2;
    private static final int STOPPED = 3;
    /** The value {@link #afterFailure} returns when the processor must leave its loop. */
    private static final long LEAVE = Long.MIN_VALUE;
    private static final VarHandle STATE;
    private static final VarHandle ERRORS;
    private static final VarHandle RETRIES;
    private static final VarHandle DISCARDS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(BatchEventProcessor.class, "state", int.class);
            ERRORS = lookup.findVarHandle(BatchEventProcessor.class, "errors", long.class);
            RETRIES = lookup.findVarHandle(BatchEventProcessor.class, "retries", long.class);
            DISCARDS = lookup.findVarHandle(BatchEventProcessor.class, "discards", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final HandlerGroup<E> group;
    private final RingBuffer<E> ringBuffer;
    private final Sequencer sequencer;
    private final ProcessingSequenceBarrier barrier;
    private final EventHandler<? super E> handler;
    private final int maxBatchSize;
    private final int shardCount;
    private final int shardIndex;
    private final DiscardMarks[] upstreamDiscards;
    private final Sequence sequence = new Sequence();
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = IDLE;
    @SuppressWarnings("unused") // accessed through ERRORS
    private long errors;
    @SuppressWarnings("unused") // accessed through RETRIES
    private long retries;
    @SuppressWarnings("unused") // accessed through DISCARDS
    private long discards;
    /** The event being retried and how many attempts it has had; touched only on the failure path. */
    private long failedSequence = Sequence.INITIAL_VALUE;
    private int attempts;
    private volatile Thread thread;

    BatchEventProcessor(String name, HandlerGroup<E> group, int shardIndex, int shardCount, RingBuffer<E> ringBuffer,
            Sequencer sequencer, ProcessingSequenceBarrier barrier) {
        this.name = name;
        this.group = group;
        this.ringBuffer = ringBuffer;
        this.sequencer = sequencer;
        this.barrier = barrier;
        this.handler = group.handler;
        this.maxBatchSize = group.maxBatchSize;
        this.shardCount = shardCount;
        this.shardIndex = shardIndex;
        this.upstreamDiscards = group.upstreamDiscards;
    }

    Sequence sequenceRef() {
        return sequence;
    }

    /** Stops the processor after the event in hand; wakes it if it is waiting or backing off. */
    void halt() {
        int current;
        do {
            current = (int) STATE.getVolatile(this);
            if (current == HALTED || current == STOPPED) {
                break;
            }
        } while (!STATE.compareAndSet(this, current, STOPPED));
        barrier.alert();
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    /** Makes a stopped processor runnable again, on a new thread, from the sequence where it stopped. */
    void prepareRestart() {
        barrier.clearAlert();
        STATE.setVolatile(this, IDLE);
    }

    /**
     * Calls {@code onStart}, handles events until halted, calls {@code onShutdown}: both callbacks run
     * exactly once per thread, also when a halt came before the thread got here.
     */
    @Override
    public void run() {
        // recorded first, so that no observer sees a RUNNING handler without a live thread
        thread = Thread.currentThread();
        boolean running = STATE.compareAndSet(this, IDLE, RUNNING);
        failedSequence = Sequence.INITIAL_VALUE;
        notify(Callback.ON_START);
        try {
            if (running) {
                processEvents();
            }
        } catch (Throwable unexpected) {
            LoggingExceptionHandler.LOGGER.log(System.Logger.Level.ERROR,
                    () -> "Disruptor handler '" + name + "' stopped on an unexpected failure at sequence "
                            + sequence.get(), unexpected);
            STATE.setVolatile(this, HALTED);
        } finally {
            notify(Callback.ON_SHUTDOWN);
        }
    }

    private void processEvents() {
        long nextSequence = sequence.get() + 1;
        while (true) {
            long batchStart = nextSequence;
            long eventSequence = nextSequence;
            try {
                long available = barrier.waitFor(nextSequence);
                if (available < nextSequence) {
                    // a multi-producer slot claimed but not yet written: its producer is mid-translation
                    Thread.onSpinWait();
                    continue;
                }
                long batchEnd = Math.min(available, nextSequence + maxBatchSize - 1);
                if (shardCount == 1 && !ringBuffer.mayHoldDiscards(nextSequence)) {
                    notifyBatchStart(batchEnd - nextSequence + 1, available - nextSequence + 1);
                    while (nextSequence <= batchEnd) {
                        eventSequence = nextSequence;
                        handler.onEvent(ringBuffer.get(nextSequence), nextSequence, nextSequence == batchEnd);
                        nextSequence++;
                    }
                } else {
                    long last = lastOfMine(nextSequence, batchEnd);
                    if (last >= nextSequence) {
                        notifyBatchStart(countOfMine(nextSequence, last), available - nextSequence + 1);
                    }
                    while (nextSequence <= batchEnd) {
                        eventSequence = nextSequence;
                        if (isMine(nextSequence)) {
                            handler.onEvent(ringBuffer.get(nextSequence), nextSequence, nextSequence == last);
                        }
                        nextSequence++;
                    }
                }
                sequence.set(batchEnd);
                sequencer.waitStrategy.signalAllWhenBlocking();
            } catch (AlertException alerted) {
                if ((int) STATE.getVolatile(this) != RUNNING) {
                    return;
                }
            } catch (InterruptedException interrupted) {
                if ((int) STATE.getVolatile(this) != RUNNING) {
                    return;
                }
                Thread.interrupted();
            } catch (WaitTimeoutException idle) {
                notify(Callback.ON_TIMEOUT);
            } catch (Throwable failure) {
                nextSequence = afterFailure(failure, eventSequence, batchStart);
                if (nextSequence == LEAVE) {
                    return;
                }
            }
        }
    }

    /**
     * Handles a failure of {@code onEvent} on {@code failed}, in the batch that began at
     * {@code batchStart}. A handler that rewinds its batch retries and halts from the batch's start,
     * and counts its attempts per batch.
     *
     * @return the next sequence to hand over, or {@link #LEAVE}
     */
    private long afterFailure(Throwable failure, long failed, long batchStart) {
        ERRORS.setOpaque(this, (long) ERRORS.getOpaque(this) + 1);
        long resumeAt = group.rewindsBatch ? batchStart : failed;
        attempts = resumeAt == failedSequence ? attempts + 1 : 1;
        failedSequence = resumeAt;
        RetryPolicy retry = group.retryPolicy;
        if (retry != null && attempts < retry.maxAttempts() && retry.retries(failure)) {
            release(resumeAt - 1);
            RETRIES.setOpaque(this, (long) RETRIES.getOpaque(this) + 1);
            return backOff(retry.backOffNanosAfter(attempts)) ? resumeAt : LEAVE;
        }
        failedSequence = Sequence.INITIAL_VALUE;
        switch (decide(failure, failed)) {
            case DISCARD -> {
                group.discards.mark(failed);
                ringBuffer.raiseDiscardWatermark(failed);
                DISCARDS.setOpaque(this, (long) DISCARDS.getOpaque(this) + 1);
                release(failed);
                return failed + 1;
            }
            case HALT -> {
                release(resumeAt - 1);
                STATE.compareAndSet(this, RUNNING, HALTED);
                return LEAVE;
            }
            default -> {
                release(failed);
                return failed + 1;
            }
        }
    }

    /** Moves this handler's sequence up to {@code handled}, if it is not there yet, and wakes waiters. */
    private void release(long handled) {
        if (handled > sequence.get()) {
            sequence.set(handled);
            sequencer.waitStrategy.signalAllWhenBlocking();
        }
    }

    /** Waits before a retry; {@code false} if the processor was halted meanwhile. */
    private boolean backOff(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while ((int) STATE.getVolatile(this) == RUNNING) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, remaining);
            Thread.interrupted(); // an interrupt while running is no reason to stop; a halt is
        }
        return false;
    }

    private boolean isMine(long candidate) {
        return (shardCount == 1 || candidate % shardCount == shardIndex)
                && !DiscardMarks.anyMarked(upstreamDiscards, candidate);
    }

    private long lastOfMine(long from, long to) {
        long last = to;
        while (last >= from && !isMine(last)) {
            last--;
        }
        return last;
    }

    private long countOfMine(long from, long to) {
        long count = 0;
        for (long candidate = from; candidate <= to; candidate++) {
            if (isMine(candidate)) {
                count++;
            }
        }
        return count;
    }

    private ExceptionAction decide(Throwable failure, long failed) {
        try {
            ExceptionAction action = group.exceptionHandler.handleEventException(failure, failed,
                    ringBuffer.get(failed), group.name());
            return action == null ? ExceptionAction.CONTINUE : action;
        } catch (Throwable handlerFailure) {
            handlerFailure.addSuppressed(failure);
            LoggingExceptionHandler.LOGGER.log(System.Logger.Level.ERROR, () -> "The exception handler of disruptor "
                    + "handler '" + name + "' threw on sequence " + failed + "; halting the handler", handlerFailure);
            return ExceptionAction.HALT;
        }
    }

    /** The callbacks other than {@code onEvent}: a failure in one is counted and reported, never fatal. */
    private enum Callback {
        ON_START("onStart"), ON_SHUTDOWN("onShutdown"), ON_TIMEOUT("onTimeout");

        final String method;

        Callback(String method) {
            this.method = method;
        }
    }

    private void notify(Callback callback) {
        try {
            switch (callback) {
                case ON_START -> handler.onStart();
                case ON_SHUTDOWN -> handler.onShutdown();
                case ON_TIMEOUT -> handler.onTimeout(sequence.get());
            }
        } catch (Throwable failure) {
            notifyFailure(failure, callback.method);
        }
    }

    private void notifyBatchStart(long batchSize, long queueDepth) {
        try {
            handler.onBatchStart(batchSize, queueDepth);
        } catch (Throwable failure) {
            notifyFailure(failure, "onBatchStart");
        }
    }

    private void notifyFailure(Throwable failure, String callback) {
        ERRORS.setOpaque(this, (long) ERRORS.getOpaque(this) + 1);
        try {
            group.exceptionHandler.handleCallbackException(failure, name, callback);
        } catch (Throwable handlerFailure) {
            failure.addSuppressed(handlerFailure);
            LoggingExceptionHandler.LOGGER.log(System.Logger.Level.ERROR,
                    () -> "Disruptor handler '" + name + "' failed in " + callback, failure);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int stage() {
        return group.stage();
    }

    @Override
    public int concurrency() {
        return 1;
    }

    @Override
    public long sequence() {
        return sequence.get();
    }

    @Override
    public long lag() {
        return Math.max(0L, sequencer.cursor() - sequence.get());
    }

    @Override
    public HandlerState state() {
        return switch ((int) STATE.getVolatile(this)) {
            case IDLE -> HandlerState.IDLE;
            case RUNNING -> HandlerState.RUNNING;
            case HALTED -> HandlerState.HALTED;
            default -> HandlerState.STOPPED;
        };
    }

    @Override
    public long errorCount() {
        return (long) ERRORS.getOpaque(this);
    }

    @Override
    public long retryCount() {
        return (long) RETRIES.getOpaque(this);
    }

    @Override
    public long discardedCount() {
        return (long) DISCARDS.getOpaque(this);
    }

    @Override
    public boolean isThreadAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    @Override
    public List<HandlerMonitor> shards() {
        return List.of();
    }

    @Override
    public String toString() {
        return "handler '" + name + "' (stage " + stage() + ") at sequence " + sequence() + ", " + state();
    }
}
