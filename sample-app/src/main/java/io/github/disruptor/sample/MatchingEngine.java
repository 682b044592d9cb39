package io.github.disruptor.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;

/**
 * Stage 1: the business logic. One thread owns every order book, so matching needs no locks and is
 * deterministic: the same orders in the same sequence give the same trades, which is what lets a
 * restart rebuild the books by replaying the journal.
 *
 * <p>A class-level handler: the annotation makes this class a bean and the bean a handler of the
 * {@code orders} ring, named after the bean ({@code matchingEngine}).
 */
@ConditionalOnSampleMode(SampleMode.STANDALONE)
@DisruptorHandler(ring = "orders", stage = 1)
public class MatchingEngine implements EventHandler<OrderEvent> {

    private final MarketData marketData;
    private final Map<String, OrderBook> books = new HashMap<>();
    private final List<OrderBook> bookList = new ArrayList<>();
    private long nextTradeId = 1;

    public MatchingEngine(MarketData marketData) {
        this.marketData = marketData;
    }

    @Override
    public void onEvent(OrderEvent order, long sequence, boolean endOfBatch) {
        order.resetOutcome();
        if (order.rejection() != null) {
            order.status(OrderStatus.REJECTED);
        } else {
            nextTradeId = book(order.symbol()).match(order, nextTradeId);
        }
        if (endOfBatch) {
            publishMarketData();
        }
    }

    private OrderBook book(String symbol) {
        OrderBook book = books.get(symbol);
        if (book == null) {
            book = new OrderBook(symbol);
            books.put(symbol, book);
            bookList.add(book);
        }
        return book;
    }

    /**
     * Snapshots every book that changed. Once per batch rather than per order: snapshots cost a little, and
     * batches grow when the ring is busy; the journal's replay calls it once at its end.
     */
    void publishMarketData() {
        for (int i = 0; i < bookList.size(); i++) {
            OrderBook book = bookList.get(i);
            if (book.takeChanged()) {
                marketData.update(book.snapshot(MarketData.DEPTH));
            }
        }
    }
}
