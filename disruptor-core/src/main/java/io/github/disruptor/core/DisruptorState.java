package io.github.disruptor.core;

/** Where a disruptor is in its life. */
public enum DisruptorState {
    /** Built; producers may publish, handlers have not started. */
    NEW,
    /** Handlers are running. */
    RUNNING,
    /**
     * {@code stop} or {@code shutdown} was called: new publishes are refused, accepted events are
     * being drained.
     */
    DRAINING,
    /**
     * {@code stop} drained the ring and ended the handler threads; publishes are refused until
     * {@code start} runs the handlers again from where they stopped.
     */
    STOPPED,
    /** Shut down or halted: the handlers have stopped and nothing is accepted any more, for good. */
    TERMINATED
}
