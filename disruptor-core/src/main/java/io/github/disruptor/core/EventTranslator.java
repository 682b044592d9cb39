package io.github.disruptor.core;

/**
 * Writes a claimed, pre-allocated event in place: the producer side of the ring.
 *
 * <p>The translator runs between claiming a slot and publishing it. If it throws, the slot is
 * published as discarded: no handler sees the half-written event and the exception reaches the
 * caller of {@code publish}.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventTranslator<E> {

    /**
     * Fills the event for {@code sequence}.
     *
     * @param event the pre-allocated event to overwrite
     * @param sequence the sequence the event will be published under
     */
    void translateTo(E event, long sequence);
}
