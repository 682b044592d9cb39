package io.github.disruptor.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.springframework.stereotype.Component;

/**
 * What the HTTP API reads: the latest orders with their status, and the latest trades. One thread
 * writes (the results stage, or the journal replay before the ring starts); HTTP threads read.
 * Bounded, so a load generator running for days does not fill the heap: the oldest orders and
 * trades make room for new ones.
 */
@Component
public class ReadModel {

    private final int maxOrders;
    private final int maxTrades;
    private final Map<Long, OrderView> orders = new ConcurrentHashMap<>();
    private final ArrayDeque<Long> orderIdsOldestFirst = new ArrayDeque<>();
    private final ConcurrentLinkedDeque<TradeView> tradesNewestFirst = new ConcurrentLinkedDeque<>();
    private int tradeCount;
    private volatile long highestEvictedId;

    public ReadModel(SampleProperties properties) {
        this.maxOrders = properties.readModel().maxOrders();
        this.maxTrades = properties.readModel().maxTrades();
    }

    /** Records a matched order, its trades, and what they did to the resting orders they hit. */
    void record(OrderEvent order) {
        if (orders.containsKey(order.orderId())) {
            return; // Kafka mode: matched again after a failed transaction, with the same outcome
        }
        put(OrderView.of(order));
        List<Trade> trades = order.trades();
        for (int i = 0; i < trades.size(); i++) {
            Trade trade = trades.get(i);
            long makerId = order.side() == Side.BUY ? trade.sellOrderId() : trade.buyOrderId();
            orders.computeIfPresent(makerId, (id, maker) -> maker.filled(trade.quantity()));
            addTrade(TradeView.of(trade));
        }
    }

    /** The order with this id, unless it is older than the latest {@code sample.read-model.max-orders}. */
    public Optional<OrderView> order(long id) {
        return Optional.ofNullable(orders.get(id));
    }

    /** Whether the order with this id was shown once and has made room for newer orders since. */
    public boolean evicted(long id) {
        return id <= highestEvictedId && !orders.containsKey(id);
    }

    /** Up to {@code limit} of the latest trades, newest first, of one symbol or of all when {@code symbol} is null. */
    public List<TradeView> trades(String symbol, int limit) {
        List<TradeView> result = new ArrayList<>(Math.min(limit, 256));
        for (Iterator<TradeView> it = tradesNewestFirst.iterator(); it.hasNext() && result.size() < limit;) {
            TradeView trade = it.next();
            if (symbol == null || symbol.equals(trade.symbol())) {
                result.add(trade);
            }
        }
        return result;
    }

    private void put(OrderView order) {
        orders.put(order.id(), order);
        orderIdsOldestFirst.addLast(order.id());
        if (orderIdsOldestFirst.size() > maxOrders) {
            long evicted = orderIdsOldestFirst.pollFirst();
            orders.remove(evicted);
            highestEvictedId = Math.max(highestEvictedId, evicted);
        }
    }

    private void addTrade(TradeView trade) {
        tradesNewestFirst.addFirst(trade);
        if (++tradeCount > maxTrades) {
            tradesNewestFirst.pollLast();
            tradeCount--;
        }
    }
}
