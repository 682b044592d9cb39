package io.github.disruptor.sample;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The limit order book of one symbol, matched by price-time priority: an incoming order trades with
 * the best opposite price first and, within a price, with the order that arrived first; trades take
 * the resting order's price; what is left of the incoming order rests in the book.
 *
 * <p>Not thread-safe: only the matching engine's thread touches it.
 */
final class OrderBook {

    private final String symbol;
    private final NavigableMap<Long, ArrayDeque<RestingOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, ArrayDeque<RestingOrder>> asks = new TreeMap<>();
    private boolean changed;

    OrderBook(String symbol) {
        this.symbol = symbol;
    }

    /**
     * Matches the order in {@code event} against the book, records its trades and status in the event,
     * and rests what is left.
     *
     * @param nextTradeId the id of the first trade this order may cause
     * @return the id of the next trade after this order's trades
     */
    long match(OrderEvent event, long nextTradeId) {
        NavigableMap<Long, ArrayDeque<RestingOrder>> opposite = event.side() == Side.BUY ? asks : bids;
        long remaining = event.quantity();
        long tradeId = nextTradeId;
        while (remaining > 0 && !opposite.isEmpty()) {
            Map.Entry<Long, ArrayDeque<RestingOrder>> best = opposite.firstEntry();
            if (!crosses(event.side(), event.price(), best.getKey())) {
                break;
            }
            long price = best.getKey();
            ArrayDeque<RestingOrder> level = best.getValue();
            while (remaining > 0 && !level.isEmpty()) {
                RestingOrder maker = level.peekFirst();
                long quantity = Math.min(remaining, maker.remaining);
                event.addTrade(trade(tradeId++, event, maker, price, quantity));
                remaining -= quantity;
                maker.remaining -= quantity;
                if (maker.remaining == 0) {
                    level.pollFirst();
                }
            }
            if (level.isEmpty()) {
                opposite.pollFirstEntry();
            }
            changed = true;
        }
        if (remaining > 0) {
            (event.side() == Side.BUY ? bids : asks)
                    .computeIfAbsent(event.price(), price -> new ArrayDeque<>())
                    .addLast(new RestingOrder(event.orderId(), remaining));
            changed = true;
        }
        event.status(remaining == 0 ? OrderStatus.FILLED
                : remaining == event.quantity() ? OrderStatus.RESTING : OrderStatus.PARTIALLY_FILLED);
        return tradeId;
    }

    /** Whether the book changed since the last call; resets the flag. */
    boolean takeChanged() {
        boolean result = changed;
        changed = false;
        return result;
    }

    /** The best {@code depth} price levels of each side, aggregated. */
    BookView snapshot(int depth) {
        return new BookView(symbol, levels(bids, depth), levels(asks, depth));
    }

    private static boolean crosses(Side side, long limit, long bestOpposite) {
        return side == Side.BUY ? bestOpposite <= limit : bestOpposite >= limit;
    }

    private Trade trade(long id, OrderEvent taker, RestingOrder maker, long price, long quantity) {
        boolean takerBuys = taker.side() == Side.BUY;
        return new Trade(id, symbol, price, quantity,
                takerBuys ? taker.orderId() : maker.orderId,
                takerBuys ? maker.orderId : taker.orderId(),
                taker.side(), Instant.ofEpochMilli(taker.acceptedAt()));
    }

    private static List<BookView.Level> levels(NavigableMap<Long, ArrayDeque<RestingOrder>> side, int depth) {
        List<BookView.Level> levels = new ArrayList<>(Math.min(depth, side.size()));
        for (Map.Entry<Long, ArrayDeque<RestingOrder>> level : side.entrySet()) {
            if (levels.size() == depth) {
                break;
            }
            long quantity = 0;
            for (RestingOrder order : level.getValue()) {
                quantity += order.remaining;
            }
            levels.add(new BookView.Level(Prices.toAmount(level.getKey()), quantity, level.getValue().size()));
        }
        return levels;
    }

    /** An order waiting in the book; its price is the key of the level that holds it. */
    private static final class RestingOrder {

        final long orderId;
        long remaining;

        RestingOrder(long orderId, long remaining) {
            this.orderId = orderId;
            this.remaining = remaining;
        }
    }
}
