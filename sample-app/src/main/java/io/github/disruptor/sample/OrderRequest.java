package io.github.disruptor.sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /orders}: {@code {"symbol":"ACME","side":"BUY","price":101.25,"quantity":10}}.
 * Numbers must be JSON numbers, read as decimals so that a fractional quantity is refused rather than
 * silently truncated. Every check is bounded whatever the client sent: magnitudes are compared before
 * any arithmetic, and an error repeats at most a short prefix of the value ({@link Echo}).
 *
 * @param symbol the instrument
 * @param side {@code BUY} or {@code SELL}
 * @param price the limit price, positive, at most two decimals
 * @param quantity a positive whole number
 */
public record OrderRequest(String symbol, String side, @JsonDeserialize(using = JsonNumber.class) BigDecimal price,
        @JsonDeserialize(using = JsonNumber.class) BigDecimal quantity) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.]{0,11}");
    private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000_000);
    private static final Map<String, String> EXAMPLES = Map.of("symbol", "ACME", "side", "BUY", "price", "101.25",
            "quantity", "10");

    /** Whether {@code text} has the form of a symbol: what the HTTP API and {@code sample.symbols} accept. */
    static boolean isSymbol(String text) {
        return text != null && text.length() <= 12 && SYMBOL.matcher(text).matches();
    }

    /** A valid value of the field, to show in a message. */
    static String example(String field) {
        return EXAMPLES.getOrDefault(field, "as in " + ApiErrors.ORDER_FORMAT);
    }

    /**
     * Checks every field.
     *
     * @throws InvalidOrderException naming each field that is wrong, its value and what is accepted
     */
    OrderTicket ticket() {
        List<FieldError> errors = new ArrayList<>();
        if (!isSymbol(symbol)) {
            errors.add(new FieldError("symbol", "symbol must be 1 to 12 upper-case letters, digits or dots, starting"
                    + " with a letter (for example ACME), was " + Echo.text(symbol)));
        }
        Side checkedSide = "BUY".equals(side) ? Side.BUY : "SELL".equals(side) ? Side.SELL : null;
        if (checkedSide == null) {
            errors.add(new FieldError("side", "side must be BUY or SELL, was " + Echo.text(side)));
        }
        boolean priceValid = price != null && price.signum() > 0 && price.compareTo(MAX_PRICE) <= 0
                && price.stripTrailingZeros().scale() <= Prices.DECIMALS;
        if (!priceValid) {
            errors.add(new FieldError("price", "price must be a number above 0 and up to " + MAX_PRICE + " with at most "
                    + Prices.DECIMALS + " decimals (for example 101.25), was " + Echo.number(price)));
        }
        boolean quantityValid = quantity != null && quantity.signum() > 0 && quantity.compareTo(MAX_QUANTITY) <= 0
                && quantity.stripTrailingZeros().scale() <= 0;
        if (!quantityValid) {
            errors.add(new FieldError("quantity", "quantity must be a whole number from 1 to " + MAX_QUANTITY + ", was "
                    + Echo.number(quantity)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        return new OrderTicket(symbol, checkedSide, Prices.toCents(price), quantity.longValueExact());
    }

    /** One wrong field of a request: its name and what is wrong with it. */
    record FieldError(String field, String detail) {
    }

    /** A request that is not an order at all: answered with 400 and never published. */
    static final class InvalidOrderException extends RuntimeException {

        private final List<FieldError> errors;

        InvalidOrderException(List<FieldError> errors) {
            super(String.join("; ", errors.stream().map(FieldError::detail).toList()));
            this.errors = List.copyOf(errors);
        }

        List<FieldError> errors() {
            return errors;
        }
    }
}
