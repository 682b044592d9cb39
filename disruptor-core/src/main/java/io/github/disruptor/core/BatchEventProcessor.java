package io.github.disruptor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Runs one handler (or one shard of a handler) on its own thread: waits on its barrier for the
 * highest available sequence, hands every event up to it to the handler in order, then releases its
 * own sequence once for the whole batch. Batching is what lets a handler catch up after a burst:
 * the more it lags, the larger the batch and the fewer the release stores and wake-ups.
 *
 * <p>Memory ordering: the barrier's acquire read of the dependency makes the producers' (or the
 * upstream handlers') writes to the events visible; the release store of {@code sequence} after the
 * batch publishes this handler's own writes to the stages behind it and frees the slots for producers.
 *
 * <p>An exception from the handler is counted and given to the exception handler, and the event
 * counts as done either way: if the policy says halt, the processor stops with its sequence on the
 * failing event, so the stages behind it still get every event before it. Nothing thrown by user code
 * can end the thread unseen. A halt takes effect between batches; cap the batch size where a batch
 * could take long.
 *
 * @param <E> the event type
 */
final class BatchEventProcessor<E> implements Runnable, HandlerMonitor {

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int HALTED = 2;
    private static final int STOPPED = 3;
    private static final VarHandle STATE;
    private static final VarHandle ERROR_COUNT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(BatchEventProcessor.class, "state", int.class);
            ERROR_COUNT = lookup.findVarHandle(BatchEventProcessor.class, "errorCount", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final int stage;
    private final RingBuffer<E> ringBuffer;
    private final Sequencer sequencer;
    private final ProcessingSequenceBarrier barrier;
    private final EventHandler<? super E> handler;
    private final ExceptionHandler exceptionHandler;
    private final int maxBatchSize;
    private final int shardCount;
    private final int shardIndex;
    private final Sequence sequence = new Sequence();
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = IDLE;
    /** Written only by the processor thread (opaque), read by monitors. */
    @SuppressWarnings("unused") // accessed through ERROR_COUNT
    private long errorCount;
    private volatile Thread thread;

    BatchEventProcessor(String name, int stage, RingBuffer<E> ringBuffer, Sequencer sequencer,
            ProcessingSequenceBarrier barrier, EventHandler<? super E> handler, ExceptionHandler exceptionHandler,
            int maxBatchSize, int shardCount, int shardIndex) {
        this.name = name;
        this.stage = stage;
        this.ringBuffer = ringBuffer;
        this.sequencer = sequencer;
        this.barrier = barrier;
        this.handler = handler;
        this.exceptionHandler = exceptionHandler;
        this.maxBatchSize = maxBatchSize;
        this.shardCount = shardCount;
        this.shardIndex = shardIndex;
    }

    Sequence sequenceRef() {
        return sequence;
    }

    /** Stops the processor after its current event; wakes it if it is waiting or backing off. */
    void halt() {
        int current;
        do {
            current = (int) STATE.getVolatile(this);
            if (current == HALTED || current == STOPPED) {
                break;
            }
        } while (!STATE.compareAndSet(this, current, STOPPED));
        barrier.alert();
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
        notifyLifecycle(true);
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
            notifyLifecycle(false);
        }
    }

    private void processEvents() {
        long nextSequence = sequence.get() + 1;
        while (true) {
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
                    while (nextSequence <= batchEnd) {
                        eventSequence = nextSequence;
                        handler.onEvent(ringBuffer.get(nextSequence), nextSequence, nextSequence == batchEnd);
                        nextSequence++;
                    }
                } else {
                    long lastForThisHandler = batchEnd;
                    while (lastForThisHandler >= nextSequence && !isMine(lastForThisHandler)) {
                        lastForThisHandler--;
                    }
                    while (nextSequence <= batchEnd) {
                        eventSequence = nextSequence;
                        if (isMine(nextSequence)) {
                            handler.onEvent(ringBuffer.get(nextSequence), nextSequence,
                                    nextSequence == lastForThisHandler);
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
            } catch (Throwable failure) {
                ERROR_COUNT.setOpaque(this, (long) ERROR_COUNT.getOpaque(this) + 1);
                ExceptionAction action = decide(failure, eventSequence);
                sequence.set(eventSequence);
                sequencer.waitStrategy.signalAllWhenBlocking();
                nextSequence = eventSequence + 1;
                if (action == ExceptionAction.HALT) {
                    STATE.compareAndSet(this, RUNNING, HALTED);
                    return;
                }
            }
        }
    }

    private boolean isMine(long candidate) {
        return candidate % shardCount == shardIndex && !ringBuffer.isDiscarded(candidate);
    }

    private ExceptionAction decide(Throwable failure, long failedSequence) {
        try {
            ExceptionAction action = exceptionHandler.handleEventException(failure, failedSequence,
                    ringBuffer.get(failedSequence), name);
            return action == null ? ExceptionAction.CONTINUE : action;
        } catch (Throwable handlerFailure) {
            handlerFailure.addSuppressed(failure);
            LoggingExceptionHandler.LOGGER.log(System.Logger.Level.ERROR, () -> "The exception handler of disruptor handler '"
                    + name + "' threw on sequence " + failedSequence + "; halting the handler", handlerFailure);
            return ExceptionAction.HALT;
        }
    }

    private void notifyLifecycle(boolean starting) {
        try {
            if (starting) {
                handler.onStart();
            } else {
                handler.onShutdown();
            }
        } catch (Throwable failure) {
            try {
                exceptionHandler.handleLifecycleException(failure, name, starting ? "onStart" : "onShutdown");
            } catch (Throwable ignored) {
                failure.addSuppressed(ignored);
                LoggingExceptionHandler.LOGGER.log(System.Logger.Level.ERROR,
                        () -> "Disruptor handler '" + name + "' failed in a lifecycle callback", failure);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int stage() {
        return stage;
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
        return (long) ERROR_COUNT.getOpaque(this);
    }

    @Override
    public boolean isThreadAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    @Override
    public String toString() {
        return "handler '" + name + "' (stage " + stage + ") at sequence " + sequence() + ", " + state();
    }
}
