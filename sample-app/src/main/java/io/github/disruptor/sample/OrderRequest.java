package io.github.disruptor.sample;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /orders}: {@code {"symbol":"ACME","side":"BUY","price":101.25,"quantity":10}}.
 * Numbers are read as decimals so that a fractional quantity is refused rather than silently truncated.
 *
 * @param symbol the instrument
 * @param side {@code BUY} or {@code SELL}
 * @param price the limit price, positive, at most two decimals
 * @param quantity a positive whole number
 */
public record OrderRequest(String symbol, String side, BigDecimal price, BigDecimal quantity) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.]{0,11}");
    private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000_000);

    /** The side, checked. */
    Side checkedSide() {
        if ("BUY".equals(side)) {
            return Side.BUY;
        }
        if ("SELL".equals(side)) {
            return Side.SELL;
        }
        throw new InvalidOrderException("side must be BUY or SELL, was " + shown(side));
    }

    /** The symbol, checked for form; whether it is listed is validation's business. */
    String checkedSymbol() {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new InvalidOrderException("symbol must be 1 to 12 upper-case letters, digits or dots, starting with"
                    + " a letter (for example ACME), was " + shown(symbol));
        }
        return symbol;
    }

    /** The price in cents, checked. */
    long checkedPrice() {
        if (price == null || price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0
                || price.stripTrailingZeros().scale() > Prices.DECIMALS) {
            throw new InvalidOrderException("price must be a number above 0 and up to " + MAX_PRICE
                    + " with at most " + Prices.DECIMALS + " decimals (for example 101.25), was " + shown(price));
        }
        return Prices.toCents(price);
    }

    /** The quantity, checked. */
    long checkedQuantity() {
        if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0
                || quantity.stripTrailingZeros().scale() > 0) {
            throw new InvalidOrderException("quantity must be a whole number from 1 to " + MAX_QUANTITY
                    + ", was " + shown(quantity));
        }
        return quantity.longValueExact();
    }

    private static String shown(Object value) {
        if (value == null) {
            return "missing";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : "'" + value + "'";
    }

    /** A request that is not an order at all: answered with 400 and never published. */
    static final class InvalidOrderException extends RuntimeException {

        InvalidOrderException(String message) {
            super(message);
        }
    }
}
