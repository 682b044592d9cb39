package io.github.disruptor.sample;

import java.math.BigDecimal;

/**
 * What an error message may repeat of a client's value: a short prefix, with the full length said. A
 * value is echoed so the client sees which one was wrong, never so much that a large value turns into
 * a large answer (a 25 MB symbol, or a number such as {@code 1e900000000} written out in full).
 */
final class Echo {

    static final int MAX_CHARACTERS = 32;

    private Echo() {
    }

    /** {@code 'value'}, or {@code 'prefix…' (n characters)}; {@code missing} for {@code null}. */
    static String text(String value) {
        return text(value, MAX_CHARACTERS);
    }

    /** As {@link #text(String)}, with a longer prefix, for text that is the application's own, such as a journal line. */
    static String text(String value, int maxCharacters) {
        if (value == null) {
            return "missing";
        }
        return value.length() <= maxCharacters ? "'" + value + "'"
                : "'" + value.substring(0, maxCharacters) + "…' (" + value.length() + " characters)";
    }

    /**
     * The number as written in scientific notation when its exponent is large ({@code 1E+900000000}), so the
     * text stays as short as the digits the client sent; never {@link BigDecimal#toPlainString()}.
     */
    static String number(BigDecimal value) {
        if (value == null) {
            return "missing";
        }
        String text = value.toString();
        return text.length() <= MAX_CHARACTERS ? text
                : text.substring(0, MAX_CHARACTERS) + "… (" + value.precision() + " digits)";
    }
}
