package io.github.disruptor.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * An order as {@code POST /orders} checked it, before it has an id: what an {@code Idempotency-Key}
 * stands for, so a retry with the same key must carry the same ticket.
 *
 * @param symbol the instrument
 * @param side buy or sell
 * @param price the limit price in cents
 * @param quantity a positive whole number
 */
record OrderTicket(String symbol, Side side, long price, long quantity) {

    /** The fields in which {@code other} differs from this ticket, for example {@code quantity 3 -> 4}. */
    String differencesFrom(OrderTicket other) {
        List<String> differences = new ArrayList<>();
        if (!symbol.equals(other.symbol)) {
            differences.add("symbol " + other.symbol + " -> " + symbol);
        }
        if (side != other.side) {
            differences.add("side " + other.side + " -> " + side);
        }
        if (price != other.price) {
            differences.add("price " + Prices.toAmount(other.price) + " -> " + Prices.toAmount(price));
        }
        if (quantity != other.quantity) {
            differences.add("quantity " + other.quantity + " -> " + quantity);
        }
        return String.join(", ", differences);
    }

    @Override
    public String toString() {
        return side + " " + quantity + " " + symbol + " @ " + Prices.toAmount(price);
    }
}
