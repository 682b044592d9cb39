package io.github.disruptor.core;

import java.lang.System.Logger.Level;

/**
 * Decides what happens when an {@link EventHandler} throws. Every exception is counted in the
 * handler's {@link HandlerMonitor#errorCount()} before the exception handler is asked; an exception
 * handler that itself throws halts the handler, and that is logged too: a handler thread never dies
 * silently.
 *
 * <p>Set one per disruptor ({@link DisruptorBuilder#withExceptionHandler}) or per handler
 * ({@link HandlerOptions#withExceptionHandler}). The default is {@link #logAndContinue()}.
 */
@FunctionalInterface
public interface ExceptionHandler {

    /**
     * Called on the handler's thread with the exception {@code onEvent} threw.
     *
     * @param failure what the handler threw
     * @param sequence the sequence of the event
     * @param event the event (owned by the ring: do not keep it)
     * @param handlerName the name of the handler that failed
     * @return whether the handler goes on or halts
     */
    ExceptionAction handleEventException(Throwable failure, long sequence, Object event, String handlerName);

    /**
     * Called when {@link EventHandler#onStart()} or {@link EventHandler#onShutdown()} throws. The
     * default logs it; the handler goes on either way.
     */
    default void handleLifecycleException(Throwable failure, String handlerName, String phase) {
        LoggingExceptionHandler.LOGGER.log(Level.ERROR, () -> "Disruptor handler '" + handlerName + "' failed in " + phase, failure);
    }

    /** Logs the exception (level WARNING, with the handler's name and the sequence) and moves on. */
    static ExceptionHandler logAndContinue() {
        return LoggingExceptionHandler.CONTINUE;
    }

    /** Logs the exception (level ERROR) and halts the handler. */
    static ExceptionHandler logAndHalt() {
        return LoggingExceptionHandler.HALT;
    }
}
