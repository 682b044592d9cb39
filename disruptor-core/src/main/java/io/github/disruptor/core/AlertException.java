package io.github.disruptor.core;

/**
 * Thrown by a {@link SequenceBarrier} to pull a waiting processor out of its wait strategy when the
 * processor is being stopped. It is a control signal, not an error: one shared instance without a
 * stack trace, so raising it allocates nothing.
 */
public final class AlertException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final AlertException INSTANCE = new AlertException();

    private AlertException() {
        super("processor alerted", null, false, false);
    }
}
