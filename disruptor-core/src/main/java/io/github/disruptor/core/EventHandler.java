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

    /** Called once on the handler's thread before the first event. */
    default void onStart() {
    }

    /** Called once on the handler's thread after the last event, when the disruptor stops. */
    default void onShutdown() {
    }
}
