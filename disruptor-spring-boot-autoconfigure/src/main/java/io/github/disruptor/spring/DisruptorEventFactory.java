package io.github.disruptor.spring;

import java.util.function.Supplier;

/**
 * Creates the pre-allocated events of every ring whose event type is {@code E}. Declare one as a bean
 * when {@code E} has no accessible no-argument constructor, or to pre-size buffers inside the events:
 *
 * <pre>{@code
 * @Bean
 * DisruptorEventFactory<OrderEvent> orderEvents() {
 *     return () -> new OrderEvent(256);
 * }
 * }</pre>
 *
 * Each ring calls it once per slot, when the ring is built; never per published event.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface DisruptorEventFactory<E> extends Supplier<E> {
}
