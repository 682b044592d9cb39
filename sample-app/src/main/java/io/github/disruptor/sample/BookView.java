package io.github.disruptor.sample;

import java.math.BigDecimal;
import java.util.List;

/**
 * A snapshot of the best price levels of one symbol's book, as {@code GET /books/{symbol}} shows it.
 *
 * @param symbol the instrument
 * @param bids buy levels, best (highest) price first
 * @param asks sell levels, best (lowest) price first
 */
public record BookView(String symbol, List<Level> bids, List<Level> asks) {

    /** An empty book. */
    static BookView empty(String symbol) {
        return new BookView(symbol, List.of(), List.of());
    }

    /**
     * One price level.
     *
     * @param price the limit price
     * @param quantity the total quantity resting at this price
     * @param orders how many orders rest at this price
     */
    public record Level(BigDecimal price, long quantity, int orders) {
    }
}
