package io.github.disruptor.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The settings validation decides an order under: the listed symbols and the maximum order quantity.
 * They are recorded in the journal, so that replay decides every order as it was decided when it was
 * accepted, whatever {@code sample.symbols} and {@code sample.max-order-quantity} say today.
 */
final class ValidationRules {

    private final List<String> symbols;
    private final Set<String> symbolSet;
    private final long maxOrderQuantity;

    ValidationRules(List<String> symbols, long maxOrderQuantity) {
        this.symbols = List.copyOf(symbols);
        this.symbolSet = Set.copyOf(symbols);
        this.maxOrderQuantity = maxOrderQuantity;
    }

    static ValidationRules of(SampleProperties properties) {
        return new ValidationRules(properties.symbols(), properties.maxOrderQuantity());
    }

    List<String> symbols() {
        return symbols;
    }

    long maxOrderQuantity() {
        return maxOrderQuantity;
    }

    /** Why these rules refuse the order, or {@code null} if it may trade. */
    String rejectionOf(OrderEvent order) {
        return rejectionOf(order.symbol(), order.quantity());
    }

    /** Why these rules refuse an order of {@code quantity} for {@code symbol}, or {@code null} if it may trade. */
    String rejectionOf(String symbol, long quantity) {
        if (!symbolSet.contains(symbol)) {
            return "unknown symbol '" + symbol + "'; listed symbols (sample.symbols): " + String.join(", ", symbols);
        }
        if (quantity > maxOrderQuantity) {
            return "quantity " + quantity + " exceeds the maximum order quantity of " + maxOrderQuantity
                    + " (sample.max-order-quantity)";
        }
        return null;
    }

    /** What differs from {@code before}, as property changes, for example {@code sample.max-order-quantity 10000 -> 500}. */
    List<String> changesSince(ValidationRules before) {
        List<String> changes = new ArrayList<>();
        if (!symbols.equals(before.symbols)) {
            changes.add("sample.symbols " + before.symbols + " -> " + symbols);
        }
        if (maxOrderQuantity != before.maxOrderQuantity) {
            changes.add("sample.max-order-quantity " + before.maxOrderQuantity + " -> " + maxOrderQuantity);
        }
        return changes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValidationRules rules && symbols.equals(rules.symbols)
                && maxOrderQuantity == rules.maxOrderQuantity;
    }

    @Override
    public int hashCode() {
        return 31 * symbols.hashCode() + Long.hashCode(maxOrderQuantity);
    }

    @Override
    public String toString() {
        return "symbols " + symbols + ", maximum order quantity " + maxOrderQuantity;
    }
}
