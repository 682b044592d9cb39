package io.github.disruptor.sample;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as {@code GET /orders/{id}} shows it.
 *
 * @param id the id {@code POST /orders} answered with
 * @param symbol the instrument
 * @param side buy or sell
 * @param price the limit price
 * @param quantity the ordered quantity
 * @param filledQuantity how much of it has traded so far
 * @param status where the order stands
 * @param rejection why validation refused it, or {@code null}
 * @param acceptedAt when {@code POST /orders} accepted it
 */
public record OrderView(long id, String symbol, Side side, BigDecimal price, long quantity, long filledQuantity,
        OrderStatus status, String rejection, Instant acceptedAt) {

    static OrderView of(OrderEvent order) {
        return new OrderView(order.orderId(), order.symbol(), order.side(), Prices.toAmount(order.price()),
                order.quantity(), order.filledQuantity(), order.status(), order.rejection(),
                Instant.ofEpochMilli(order.acceptedAt()));
    }

    /** This resting order after a later order traded {@code quantity} against it. */
    OrderView filled(long quantity) {
        long filled = filledQuantity + quantity;
        return new OrderView(id, symbol, side, price, this.quantity, filled,
                filled == this.quantity ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, rejection, acceptedAt);
    }
}
