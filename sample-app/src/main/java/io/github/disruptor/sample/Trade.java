package io.github.disruptor.sample;

import java.time.Instant;

/**
 * One execution: an incoming (taker) order met a resting (maker) order at the maker's price.
 *
 * @param id assigned by the matching engine, 1, 2, 3, ... in execution order (replay assigns the same ids)
 * @param symbol the instrument
 * @param price in cents, the resting order's limit
 * @param quantity how many units changed hands
 * @param buyOrderId the buying order
 * @param sellOrderId the selling order
 * @param takerSide the side of the order whose arrival caused the trade
 * @param executedAt when the taker order was accepted
 */
public record Trade(long id, String symbol, long price, long quantity, long buyOrderId, long sellOrderId,
        Side takerSide, Instant executedAt) {
}
