package io.github.disruptor.core;

import java.lang.System.Logger.Level;

/**
 * The built-in exception policies: log, then continue, discard or halt. They and every other report of a
 * failing handler write to the logger {@code io.github.disruptor.core.ExceptionHandler}.
 */
enum LoggingExceptionHandler implements ExceptionHandler {
    CONTINUE(Level.WARNING, ExceptionAction.CONTINUE),
    DISCARD(Level.WARNING, ExceptionAction.DISCARD),
    HALT(Level.ERROR, ExceptionAction.HALT);

    static final System.Logger LOGGER = System.getLogger(ExceptionHandler.class.getName());

    private final Level level;
    private final ExceptionAction action;

    LoggingExceptionHandler(Level level, ExceptionAction action) {
        this.level = level;
        this.action = action;
    }

    @Override
    public ExceptionAction handleEventException(Throwable failure, long sequence, Object event, String handlerName) {
        LOGGER.log(level, () -> "Disruptor handler '" + handlerName + "' failed on sequence " + sequence
                + switch (action) {
                    case CONTINUE -> "; moving on";
                    case DISCARD -> "; discarding the event: no handler behind this one will see it";
                    case HALT -> "; halting the handler before this event";
                }, failure);
        return action;
    }
}
