package io.github.disruptor.core;

/**
 * Thrown to a producer when the disruptor no longer accepts events: it was shut down or halted, or it
 * stopped before an event that the producer had already written could be handled.
 */
public class DisruptorClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DisruptorClosedException(String message) {
        super(message);
    }
}
