package io.github.disruptor.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The event of the {@code orders} ring: one slot, pre-allocated once and reused on every lap.
 *
 * <p>Each stage writes only its own fields, so stages never race on a field: the publisher writes the
 * order, validation (stage 0) the rejection, the matching engine (stage 1) the outcome and trades;
 * the journal (stage 0) and the read model (stage 2) only read. A stage sees an event only after
 * every earlier stage has finished with it, which makes the earlier writes visible.
 */
public final class OrderEvent {

    private long orderId;
    private long acceptedAt;
    private String symbol;
    private Side side;
    private long price;
    private long quantity;

    private String rejection;

    private OrderStatus status;
    private long filledQuantity;
    private final List<Trade> trades = new ArrayList<>();

    /** Publisher: the order as accepted. */
    void place(long orderId, long acceptedAt, String symbol, Side side, long price, long quantity) {
        this.orderId = orderId;
        this.acceptedAt = acceptedAt;
        this.symbol = symbol;
        this.side = side;
        this.price = price;
        this.quantity = quantity;
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
