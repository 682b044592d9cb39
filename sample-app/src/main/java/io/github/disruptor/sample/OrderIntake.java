package io.github.disruptor.sample;

import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.core.EventTranslatorOneArg;
import org.springframework.stereotype.Component;

/**
 * The producer side of the {@code orders} ring, shared by the HTTP API and the load generator: both
 * publish from their own threads, which is why the ring uses the multi-producer sequencer.
 */
@ConditionalOnSampleMode(SampleMode.STANDALONE)
@Component
public class OrderIntake implements OrderSink {

    static final String RING_FULL = "the orders ring is full: the pipeline is behind; nothing was accepted";

    /** A constant, non-capturing translator that also tells the publisher where its order went. */
    private static final EventTranslatorOneArg<OrderEvent, NewOrder> PLACE = (event, sequence, order) -> {
        event.place(order.id, order.acceptedAt, order.ticket, order.idempotencyKey);
        order.sequence = sequence;
    };

    private final EventPublisher<OrderEvent> orders;
    private final OrderIds ids;

    public OrderIntake(EventPublisher<OrderEvent> orders, OrderIds ids) {
        this.orders = orders;
        this.ids = ids;
    }

    /**
     * Publishes a new order if the ring has space now; never waits, so a request thread is never held
     * by a full ring.
     *
     * @param idempotencyKey the client's {@code Idempotency-Key}, journaled with the order, or {@code null}
     * @return the order's id and ring sequence, or why nothing was published (the ring is full, no id can be
     *         reserved)
     * @throws io.github.disruptor.core.DisruptorClosedException if the ring has stopped
     */
    Submission tryPlace(OrderTicket ticket, String idempotencyKey) {
        long id;
        try {
            id = ids.next();
        } catch (OrderIds.OrderIdsUnavailableException ex) {
            return Submission.refused(ex.getMessage());
        }
        NewOrder order = new NewOrder(id, System.currentTimeMillis(), ticket, idempotencyKey);
        return orders.tryPublish(PLACE, order) ? Submission.placed(id, order.sequence) : Submission.refused(RING_FULL);
    }

    /** The load generator's orders: published if the ring has space, with no key and no wait for the journal. */
    @Override
    public boolean offer(OrderTicket order) {
        return tryPlace(order, null).isPlaced();
    }

    /** The publisher's order; the translator, running on the publishing thread, records its ring sequence. */
    private static final class NewOrder {

        final long id;
        final long acceptedAt;
        final OrderTicket ticket;
        final String idempotencyKey;
        long sequence;

        NewOrder(long id, long acceptedAt, OrderTicket ticket, String idempotencyKey) {
            this.id = id;
            this.acceptedAt = acceptedAt;
            this.ticket = ticket;
            this.idempotencyKey = idempotencyKey;
        }
    }
}
