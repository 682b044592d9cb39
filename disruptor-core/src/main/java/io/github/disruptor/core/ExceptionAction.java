package io.github.disruptor.core;

/** What a handler does after an {@link ExceptionHandler} has seen one of its exceptions. */
public enum ExceptionAction {
    /** Count the event as handled and go on: every handler behind this one still gets it. */
    CONTINUE,
    /**
     * Count the event as handled by this handler and go on, but hide it from every handler that waits
     * on this one, directly, through its dependencies or through later stages: none of them ever sees
     * it, and their sequences still pass it. Handlers that do not wait on this one (the others of its
     * stage, say) are not affected. The same mechanism hides the slots of a translator that threw.
     */
    DISCARD,
    /**
     * Stop this handler before the failed event: its sequence stays on the event before, so no handler
     * behind it sees the failed event or anything after it, and a restart hands it the failed event
     * again. The health of the ring turns DOWN; {@code shutdown} answers {@code false} at once.
     */
    HALT
}
