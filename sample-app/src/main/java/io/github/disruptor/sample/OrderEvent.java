package io.github.disruptor.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The event of the {@code orders} ring: one slot, pre-allocated once and reused on every lap.
 *
 * <p>Each stage writes only its own fields, so stages never race on a field: the publisher writes the
 * order, validation (stage 0) the rejection, the matching engine (stage 1) the outcome and trades;
 * the journal (stage 0) and the read model (stage 2) only read. A stage sees an event only after
 * every earlier stage has finished with it, which makes the earlier writes visible. In Kafka mode the
 * ring's consumer thread is the publisher: it writes the order, the rejection the accepting instance decided,
 * the partition and the replay mark; matching (stage 1) the outcome, and the rejection of a repeated
 * {@code Idempotency-Key}.
 */
public final class OrderEvent {

    private long orderId;
    private long acceptedAt;
    private String symbol;
    private Side side;
    private long price;
    private long quantity;
    private String idempotencyKey;
    private int partition;
    private boolean replay;

    private String rejection;

    private OrderStatus status;
    private long filledQuantity;
    private final List<Trade> trades = new ArrayList<>();

    /** Publisher: the order as accepted, with the client's {@code Idempotency-Key} or {@code null}. */
    void place(long orderId, long acceptedAt, OrderTicket order, String idempotencyKey) {
        place(orderId, acceptedAt, order.symbol(), order.side(), order.price(), order.quantity(), idempotencyKey);
    }

    /** Publisher, or the journal's replay: the order as accepted. */
    void place(long orderId, long acceptedAt, String symbol, Side side, long price, long quantity,
            String idempotencyKey) {
        this.orderId = orderId;
        this.acceptedAt = acceptedAt;
        this.symbol = symbol;
        this.side = side;
        this.price = price;
        this.quantity = quantity;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * Kafka mode's translator: the partition of the orders topic the order came from, and whether it is a replay
     * (matched before, read again to rebuild the books: its trades were written then).
     */
    void readFrom(int partition, boolean replay) {
        this.partition = partition;
        this.replay = replay;
    }

    /** Validation: {@code null} when the order may trade. */
    void rejection(String reason) {
        this.rejection = reason;
    }

    /** Matching engine: starts the outcome of this order. */
    void resetOutcome() {
        status = null;
        filledQuantity = 0;
        trades.clear();
    }

    /** Matching engine: records a trade of this (taker) order. */
    void addTrade(Trade trade) {
        trades.add(trade);
        filledQuantity += trade.quantity();
    }

    /** Matching engine: the final status of this order after matching. */
    void status(OrderStatus status) {
        this.status = status;
    }

    public long orderId() {
        return orderId;
    }

    /** Epoch milliseconds at which the order was accepted; journaled, so replay reproduces it. */
    public long acceptedAt() {
        return acceptedAt;
    }

    public String symbol() {
        return symbol;
    }

    public Side side() {
        return side;
    }

    /** Limit price in cents. */
    public long price() {
        return price;
    }

    public long quantity() {
        return quantity;
    }

    /** The key the client sent with {@code POST /orders}, or {@code null}; journaled, so retries are answered after a restart too. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** Kafka mode: the partition of the orders topic that holds the order (0 in standalone mode). */
    public int partition() {
        return partition;
    }

    /** Kafka mode: a replayed order, matched again only to rebuild its book; never in standalone mode. */
    public boolean replay() {
        return replay;
    }

    /** The order's fields as the client sent them. */
    OrderTicket ticket() {
        return new OrderTicket(symbol, side, price, quantity);
    }

    /** Why validation refused the order, or {@code null}. */
    public String rejection() {
        return rejection;
    }

    public OrderStatus status() {
        return status;
    }

    public long filledQuantity() {
        return filledQuantity;
    }

    /** The trades this order caused, in execution order; valid until the slot is reused. */
    public List<Trade> trades() {
        return trades;
    }

    @Override
    public String toString() {
        return "order " + orderId + " " + side + " " + quantity + " " + symbol + " @ " + Prices.toAmount(price);
    }
}
