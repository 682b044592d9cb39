package io.github.disruptor.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Optional settings of one handler, passed to
 * {@link BarrierScope#handleEvents(String, EventHandler, HandlerOptions)}. Immutable: every
 * {@code with} method returns a copy.
 */
public final class HandlerOptions {

    private static final HandlerOptions DEFAULTS = new HandlerOptions(Integer.MAX_VALUE, null, null, false, 1, List.of());

    private final int maxBatchSize;
    private final ExceptionHandler exceptionHandler;
    private final RetryPolicy retryPolicy;
    private final boolean rewindsBatch;
    private final int concurrency;
    private final List<String> dependencies;

    private HandlerOptions(int maxBatchSize, ExceptionHandler exceptionHandler, RetryPolicy retryPolicy,
            boolean rewindsBatch, int concurrency, List<String> dependencies) {
        this.maxBatchSize = maxBatchSize;
        this.exceptionHandler = exceptionHandler;
        this.retryPolicy = retryPolicy;
        this.rewindsBatch = rewindsBatch;
        this.concurrency = concurrency;
        this.dependencies = dependencies;
    }

    /** No batch limit, the disruptor's exception handler, no retry, one thread, the whole previous stage. */
    public static HandlerOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Caps how many events the handler takes before its sequence is advanced, so downstream stages
     * and producers see progress at least that often.
     *
     * @param maxBatchSize at least 1
     */
    public HandlerOptions withMaxBatchSize(int maxBatchSize) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        return new HandlerOptions(maxBatchSize, exceptionHandler, retryPolicy, rewindsBatch, concurrency, dependencies);
    }

    /** Replaces the disruptor's exception handler for this handler. */
    public HandlerOptions withExceptionHandler(ExceptionHandler exceptionHandler) {
        return new HandlerOptions(maxBatchSize, Objects.requireNonNull(exceptionHandler, "exceptionHandler"),
                retryPolicy, rewindsBatch, concurrency, dependencies);
    }

    /**
     * Hands a failed event to the handler again, as {@code retryPolicy} says, before its exception
     * handler decides; nothing behind the handler sees the event meanwhile.
     */
    public HandlerOptions withRetry(RetryPolicy retryPolicy) {
        return new HandlerOptions(maxBatchSize, exceptionHandler, Objects.requireNonNull(retryPolicy, "retryPolicy"),
                rewindsBatch, concurrency, dependencies);
    }

    /**
     * Makes a failure rewind the handler to the first event of its batch, for a handler that does the
     * batch's work as a unit at {@code endOfBatch} (a buffered write, a transaction): a retry hands the
     * whole batch over again from its first event (after a new {@code onBatchStart}, the moment to
     * drop what was buffered), and {@code HALT} stops before the batch, so nothing behind the handler
     * sees an event of a batch that failed. {@code CONTINUE} and {@code DISCARD} still apply to the
     * failed event and count the events before it in its batch as handled.
     */
    public HandlerOptions withBatchRewind() {
        return new HandlerOptions(maxBatchSize, exceptionHandler, retryPolicy, true, concurrency, dependencies);
    }

    /**
     * Runs the handler on {@code concurrency} threads that share its events: thread {@code i} handles
     * the events whose {@code sequence % concurrency == i}, so each event is handled exactly once and
     * the events of one thread stay in order. Stages behind it wait for all threads. The handler must
     * be safe to call from several threads at once.
     *
     * @param concurrency at least 1
     */
    public HandlerOptions withConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        return new HandlerOptions(maxBatchSize, exceptionHandler, retryPolicy, rewindsBatch, concurrency, dependencies);
    }

    /**
     * Makes the handler wait for the named handlers only, instead of the whole previous stage: for
     * graphs that stages alone cannot express. Each name must belong to a handler declared before this
     * one: in an earlier {@code withBarrier} call, or earlier in the same one.
     */
    public HandlerOptions withDependencies(String... handlerNames) {
        Objects.requireNonNull(handlerNames, "handlerNames");
        for (int i = 0; i < handlerNames.length; i++) {
            if (handlerNames[i] == null) {
                throw new NullPointerException("handlerNames[" + i + "] is null in " + Arrays.toString(handlerNames)
                        + "; name a handler declared before this one");
            }
            if (handlerNames[i].isBlank()) {
                throw new IllegalArgumentException("handlerNames[" + i + "] is blank in "
                        + Arrays.toString(handlerNames) + "; name a handler declared before this one");
            }
        }
        List<String> names = List.of(handlerNames);
        return new HandlerOptions(maxBatchSize, exceptionHandler, retryPolicy, rewindsBatch, concurrency, names);
    }

    /** The batch cap, {@link Integer#MAX_VALUE} when unlimited. */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** This handler's exception handler, or {@code null} for the disruptor's. */
    public ExceptionHandler exceptionHandler() {
        return exceptionHandler;
    }

    /** This handler's retry policy, or {@code null} for none. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Whether a failure rewinds the handler to the start of its batch ({@link #withBatchRewind()}). */
    public boolean rewindsBatch() {
        return rewindsBatch;
    }

    /** How many threads share the handler's events. */
    public int concurrency() {
        return concurrency;
    }

    /** The handlers this one waits for; empty for the whole previous stage. */
    public List<String> dependencies() {
        return dependencies;
    }
}
