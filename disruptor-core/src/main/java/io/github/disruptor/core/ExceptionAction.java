package io.github.disruptor.core;

/** What a handler does after an {@link ExceptionHandler} has seen one of its exceptions. */
public enum ExceptionAction {
    /** Treat the event as handled and go on with the next one. */
    CONTINUE,
    /** Stop this handler: its sequence stays where it is and the stages behind it wait. */
    HALT
}
