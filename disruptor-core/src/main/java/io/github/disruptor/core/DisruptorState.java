package io.github.disruptor.core;

/** Where a disruptor is in its life. */
public enum DisruptorState {
    /** Built; producers may publish, handlers have not started. */
    NEW,
    /** Handlers are running. */
    RUNNING,
    /** {@code shutdown} was called: new publishes are refused, accepted events are being drained. */
    DRAINING,
    /** Handlers have stopped; nothing is accepted any more. */
    TERMINATED
}
