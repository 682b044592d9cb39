package io.github.disruptor.core;

/**
 * A live, read-only view of one handler (or one shard of a handler with concurrency above one).
 * Every getter reads state the processor keeps anyway, so watching a handler costs it nothing.
 */
public interface HandlerMonitor {

    /** The handler's name, unique within its disruptor; shards are named {@code name[i]}. */
    String name();

    /** The index of the {@code withBarrier} call that declared the handler, from 0. */
    int stage();

    /** The sequence of the last event this handler has finished with; -1 before the first. */
    long sequence();

    /** How many published events this handler has not finished yet: cursor minus sequence. */
    long lag();

    /** The processor's state. */
    HandlerState state();

    /** How many exceptions the handler has thrown. */
    long errorCount();

    /** Whether the handler's thread is alive. */
    boolean isThreadAlive();
}
