package io.github.disruptor.sample;

import java.math.BigDecimal;

/** Prices travel through the ring as whole cents in a {@code long}; the HTTP API shows decimal amounts. */
final class Prices {

    static final int DECIMALS = 2;

    private Prices() {
    }

    static BigDecimal toAmount(long cents) {
        return BigDecimal.valueOf(cents, DECIMALS);
    }

    /** Cents of an amount that has at most {@link #DECIMALS} decimals. */
    static long toCents(BigDecimal amount) {
        return amount.movePointRight(DECIMALS).longValueExact();
    }
}
