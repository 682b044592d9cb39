package io.github.disruptor.core;

import java.util.List;

/**
 * A live, read-only view of one handler, one shard of a handler, or one event poller. Every getter
 * reads state the processor keeps anyway, so watching a handler costs it nothing.
 *
 * <p>{@link DisruptorMonitor#handlers()} has one view per handler as declared: a handler that runs on
 * several threads ({@link HandlerOptions#withConcurrency}) appears once, its sequence that of its
 * slowest shard (every event up to it has been handled, by exactly one shard) and its counts summed
 * over the shards; {@link #shards()} has the view of each thread.
 */
public interface HandlerMonitor {

    /** The handler's name, unique within its disruptor; a shard is named {@code name[i]}. */
    String name();

    /** The index of the {@code withBarrier} call that declared the handler, from 0. */
    int stage();

    /** How many threads share the handler's events; 1 for a shard and for a poller. */
    int concurrency();

    /** The sequence of the last event this handler has finished with; -1 before the first. */
    long sequence();

    /** How many published events this handler has not finished yet: cursor minus sequence. */
    long lag();

    /** The processor's state; for a handler on several threads, the most telling of its shards'. */
    HandlerState state();

    /** How many exceptions the handler has thrown from {@code onEvent}, retried ones included. */
    long errorCount();

    /** How many times the handler was given a failed event again under its {@link RetryPolicy}. */
    long retryCount();

    /** How many failed events its exception handler discarded ({@link ExceptionAction#DISCARD}). */
    long discardedCount();

    /** Whether the handler's threads are alive; always {@code false} for a poller, which has none. */
    boolean isThreadAlive();

    /** The view of each thread of a handler with a concurrency above one; empty otherwise. */
    List<HandlerMonitor> shards();
}
