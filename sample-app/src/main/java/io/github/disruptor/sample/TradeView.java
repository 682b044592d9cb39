package io.github.disruptor.sample;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trade as {@code GET /trades} shows it; see {@link Trade}.
 *
 * @param id the trade's id, in execution order
 * @param symbol the instrument
 * @param price the execution price
 * @param quantity how many units changed hands
 * @param buyOrderId the buying order
 * @param sellOrderId the selling order
 * @param takerSide the side of the order whose arrival caused the trade
 * @param executedAt when the trade happened
 */
public record TradeView(long id, String symbol, BigDecimal price, long quantity, long buyOrderId, long sellOrderId,
        Side takerSide, Instant executedAt) {

    static TradeView of(Trade trade) {
        return new TradeView(trade.id(), trade.symbol(), Prices.toAmount(trade.price()), trade.quantity(),
                trade.buyOrderId(), trade.sellOrderId(), trade.takerSide(), trade.executedAt());
    }
}
