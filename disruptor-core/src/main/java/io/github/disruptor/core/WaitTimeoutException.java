package io.github.disruptor.core;

/**
 * Thrown by a wait strategy with a timeout when no event arrived in time; the processor then calls
 * its handler's {@link EventHandler#onTimeout(long)} and waits again. A control signal, not an error:
 * one shared instance without a stack trace, so raising it allocates nothing.
 */
public final class WaitTimeoutException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final WaitTimeoutException INSTANCE = new WaitTimeoutException();

    private WaitTimeoutException() {
        super("no event within the wait strategy's timeout", null, false, false);
    }
}
