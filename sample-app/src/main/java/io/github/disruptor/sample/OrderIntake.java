package io.github.disruptor.sample;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.core.EventTranslatorOneArg;
import org.springframework.stereotype.Component;

/**
 * The producer side of the {@code orders} ring, shared by the HTTP API and the load generator: both
 * publish from their own threads, which is why the ring uses the multi-producer sequencer.
 */
@Component
public class OrderIntake {

    /** A constant, non-capturing translator: publishing allocates nothing beyond the order's arguments. */
    private static final EventTranslatorOneArg<OrderEvent, NewOrder> PLACE = (event, sequence, order) ->
            event.place(order.id(), order.acceptedAt(), order.symbol(), order.side(), order.price(), order.quantity());

    private final EventPublisher<OrderEvent> orders;
    private final AtomicLong lastOrderId = new AtomicLong();

    public OrderIntake(EventPublisher<OrderEvent> orders) {
        this.orders = orders;
    }

    /**
     * Publishes a new order if the ring has space now; never waits, so a request thread is never held
     * by a full ring.
     *
     * @param price limit price in cents
     * @return the new order's id, or empty if the ring was full and nothing was published
     * @throws io.github.disruptor.core.DisruptorClosedException if the application is shutting down
     */
    public OptionalLong tryPlace(String symbol, Side side, long price, long quantity) {
        long id = lastOrderId.incrementAndGet();
        NewOrder order = new NewOrder(id, System.currentTimeMillis(), symbol, side, price, quantity);
        return orders.tryPublish(PLACE, order) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** Continues numbering after the last journaled order, so ids stay unique across restarts. */
    void resumeAfter(long orderId) {
        lastOrderId.accumulateAndGet(orderId, Math::max);
    }

    private record NewOrder(long id, long acceptedAt, String symbol, Side side, long price, long quantity) {
    }
}
