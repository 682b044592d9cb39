package io.github.disruptor.core;

/**
 * The consumer side of a ring: user code that receives every event of the ring, once, in sequence order.
 *
 * <p>Each handler runs on its own thread, driven by a batch event processor. {@code onEvent} is called
 * for every event between the handler's last sequence and the highest sequence its barrier allows;
 * {@code endOfBatch} is {@code true} on the last event the processor has in hand, which is the right
 * moment to flush buffered work (a journal write, a network send) without adding latency.
 *
 * <p>An exception thrown by {@code onEvent} never kills the thread: it goes to the handler's
 * {@link ExceptionHandler}, which decides whether the handler moves on or halts.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventHandler<E> {

    /**
     * Handles one event. The event object is owned by the ring and reused on the next lap: copy what
     * must outlive this call.
     *
     * @param event the event, fully written by its publisher
     * @param sequence the event's sequence, starting at 0
     * @param endOfBatch {@code true} when no further event is in hand right now
     * @throws Exception handed to the handler's {@link ExceptionHandler}
     */
    void onEvent(E event, long sequence, boolean endOfBatch) throws Exception;

    /**
     * Called before each batch with at least one event for this handler: the moment to size a
     * buffer or start a transaction. Exceptions are reported to the exception handler's
     * {@link ExceptionHandler#handleCallbackException} and the batch goes on.
     *
     * @param batchSize how many events this handler is about to get in this batch
     * @param queueDepth how many events are available to the handler right now, this batch included
     *        (with a batch cap or shards, more than {@code batchSize})
     */
    default void onBatchStart(long batchSize, long queueDepth) {
    }

    /**
     * Called when the wait strategy has a timeout (such as {@code new BlockingWaitStrategy(timeout)})
     * and no event arrived within it: the moment for periodic work while idle, such as flushing. Runs
     * on the handler's thread, between events.
     *
     * @param sequence the sequence of the last event handled
     */
    default void onTimeout(long sequence) {
    }

    /**
     * Called once on the handler's thread before its first event, each time its thread starts: at
     * {@link Disruptor#start()} and at every restart after {@link Disruptor#stop}.
     */
    default void onStart() {
    }

    /**
     * Called once on the handler's thread after its last event, each time the thread ends (stop,
     * shutdown, halt), also when it was stopped before it handled anything.
     */
    default void onShutdown() {
    }
}
