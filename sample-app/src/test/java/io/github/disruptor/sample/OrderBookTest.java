package io.github.disruptor.sample;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OrderBookTest {

    private final OrderBook book = new OrderBook("ACME");
    private long nextTradeId = 1;

    @Test
    void ordersThatDoNotCrossRestOnTheirSide() {
        assertThat(match(1, Side.BUY, 99_00, 10).status()).isEqualTo(OrderStatus.RESTING);
        assertThat(match(2, Side.SELL, 101_00, 5).status()).isEqualTo(OrderStatus.RESTING);

        BookView view = book.snapshot(MarketData.DEPTH);
        assertThat(view.bids()).containsExactly(level("99.00", 10, 1));
        assertThat(view.asks()).containsExactly(level("101.00", 5, 1));
    }

    @Test
    void aCrossingOrderTradesAtTheRestingPriceAndRestsItsRemainder() {
        match(1, Side.SELL, 100_00, 4);

        OrderEvent buy = match(2, Side.BUY, 101_00, 10);

        assertThat(buy.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(buy.filledQuantity()).isEqualTo(4);
        assertThat(buy.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.price()).isEqualTo(100_00);
            assertThat(trade.quantity()).isEqualTo(4);
            assertThat(trade.buyOrderId()).isEqualTo(2);
            assertThat(trade.sellOrderId()).isEqualTo(1);
            assertThat(trade.takerSide()).isEqualTo(Side.BUY);
        });
        BookView view = book.snapshot(MarketData.DEPTH);
        assertThat(view.asks()).isEmpty();
        assertThat(view.bids()).containsExactly(level("101.00", 6, 1));
    }

    @Test
    void bestPriceFirstThenEarliestOrderWithinAPrice() {
        match(1, Side.SELL, 101_00, 5);
        match(2, Side.SELL, 100_00, 5);
        match(3, Side.SELL, 100_00, 5);

        OrderEvent buy = match(4, Side.BUY, 101_00, 12);

        assertThat(buy.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(buy.trades()).extracting(Trade::sellOrderId, Trade::price, Trade::quantity)
                .containsExactly(tuple(2L, 100_00L, 5L), tuple(3L, 100_00L, 5L), tuple(1L, 101_00L, 2L));
        assertThat(buy.trades()).extracting(Trade::id).containsExactly(1L, 2L, 3L);
        assertThat(book.snapshot(MarketData.DEPTH).asks()).containsExactly(level("101.00", 3, 1));
    }

    @Test
    void aSellSweepsBidsFromTheHighestDownToItsLimit() {
        match(1, Side.BUY, 98_00, 5);
        match(2, Side.BUY, 99_00, 5);
        match(3, Side.BUY, 97_00, 5);

        OrderEvent sell = match(4, Side.SELL, 98_00, 20);

        assertThat(sell.trades()).extracting(Trade::buyOrderId).containsExactly(2L, 1L);
        assertThat(sell.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        BookView view = book.snapshot(MarketData.DEPTH);
        assertThat(view.bids()).containsExactly(level("97.00", 5, 1));
        assertThat(view.asks()).containsExactly(level("98.00", 10, 1));
    }

    @Test
    void snapshotsAggregateLevelsAndStopAtTheDepth() {
        for (int i = 0; i < MarketData.DEPTH + 5; i++) {
            match(2 * i + 1, Side.BUY, 50_00 + i, 1);
            match(2 * i + 2, Side.BUY, 50_00 + i, 2);
        }

        List<BookView.Level> bids = book.snapshot(MarketData.DEPTH).bids();

        assertThat(bids).hasSize(MarketData.DEPTH);
        assertThat(bids.get(0)).isEqualTo(level("50.24", 3, 2));
        assertThat(bids.get(MarketData.DEPTH - 1)).isEqualTo(level("50.05", 3, 2));
    }

    @Test
    void reportsWhetherTheBookChangedSinceItWasLastAsked() {
        assertThat(book.takeChanged()).isFalse();
        match(1, Side.BUY, 99_00, 1);
        assertThat(book.takeChanged()).isTrue();
        assertThat(book.takeChanged()).isFalse();
    }

    private OrderEvent match(long id, Side side, long price, long quantity) {
        OrderEvent event = new OrderEvent();
        event.place(id, 1_700_000_000_000L + id, "ACME", side, price, quantity, null);
        event.resetOutcome();
        nextTradeId = book.match(event, nextTradeId);
        return event;
    }

    private static BookView.Level level(String price, long quantity, int orders) {
        return new BookView.Level(new BigDecimal(price), quantity, orders);
    }
}
