package io.github.disruptor.core;

import java.lang.System.Logger.Level;

/**
 * Decides what happens when an {@link EventHandler} throws. Every exception is counted in the
 * handler's {@link HandlerMonitor#errorCount()}; under a {@link RetryPolicy} the handler first gets
 * the event again, and the exception handler is asked only once the attempts have run out. An
 * exception handler that itself throws halts the handler, and that is logged too: a handler thread
 * never dies silently.
 *
 * <p>Set one per disruptor ({@link DisruptorBuilder#withExceptionHandler}) or per handler
 * ({@link HandlerOptions#withExceptionHandler}). The default is {@link #logAndContinue()}.
 *
 * <p>A dead-letter handler copies what it needs out of the event (the event belongs to the ring and
 * is overwritten on the next lap), hands the copy on, and answers {@link ExceptionAction#DISCARD} so
 * that no handler behind the failed one sees the event.
 */
@FunctionalInterface
public interface ExceptionHandler {

    /**
     * Called on the handler's thread with the exception {@code onEvent} threw (the last one, under a
     * retry policy).
     *
     * @param failure what the handler threw
     * @param sequence the sequence of the event
     * @param event the event (owned by the ring: copy what you keep)
     * @param handlerName the name of the handler that failed
     * @return whether the handler goes on ({@code CONTINUE}), goes on with the event hidden from the
     *         handlers behind it ({@code DISCARD}) or halts before it ({@code HALT}); {@code null} is
     *         taken as {@code CONTINUE}
     */
    ExceptionAction handleEventException(Throwable failure, long sequence, Object event, String handlerName);

    /**
     * Called when a callback other than {@code onEvent} throws: {@code onStart}, {@code onShutdown},
     * {@code onBatchStart} or {@code onTimeout}. The default logs it at level ERROR; the handler goes on
     * either way, and the failure is counted in its {@link HandlerMonitor#errorCount()}.
     *
     * @param callback the name of the callback, such as {@code onStart}
     */
    default void handleCallbackException(Throwable failure, String handlerName, String callback) {
        LoggingExceptionHandler.LOGGER.log(Level.ERROR,
                () -> "Disruptor handler '" + handlerName + "' failed in " + callback, failure);
    }

    /** Logs the exception (level WARNING, with the handler's name and the sequence) and moves on. */
    static ExceptionHandler logAndContinue() {
        return LoggingExceptionHandler.CONTINUE;
    }

    /**
     * Logs the exception (level WARNING) and discards the event: no handler behind the failed one
     * sees it.
     */
    static ExceptionHandler logAndDiscard() {
        return LoggingExceptionHandler.DISCARD;
    }

    /** Logs the exception (level ERROR) and halts the handler before the failed event. */
    static ExceptionHandler logAndHalt() {
        return LoggingExceptionHandler.HALT;
    }
}
