package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.disruptor.core.RetryPolicy;

/**
 * The retry settings of one source: a handler's {@code @DisruptorHandler(retry...)} attributes, a
 * ring's {@code retry.*} keys, or {@code disruptor.defaults.retry.*}. Each is {@code null} when that
 * source leaves it unset; sources are merged key by key, the handler's own first. Every value is
 * checked where it is read, so a report can name the attribute or key; {@link #policy} checks what
 * only the merged settings can show.
 *
 * @param attempts how many times a handler gets a failing event in all, the first time included
 * @param backOff the pause before the first retry
 * @param multiplier what the pause is multiplied by after each failed retry
 * @param maxBackOff the longest pause
 */
record RetrySettings(@Nullable Integer attempts, @Nullable Duration backOff, @Nullable Double multiplier,
        @Nullable Duration maxBackOff) {

    /** A source that sets nothing. */
    static final RetrySettings UNSET = new RetrySettings(null, null, null, null);

    /** Each key of this source, else {@code fallback}'s. */
    RetrySettings orElse(RetrySettings fallback) {
        return new RetrySettings(attempts != null ? attempts : fallback.attempts,
                backOff != null ? backOff : fallback.backOff, multiplier != null ? multiplier : fallback.multiplier,
                maxBackOff != null ? maxBackOff : fallback.maxBackOff);
    }

    /**
     * The retry policy of {@code handler} in ring {@code ring}: its own attributes, then the ring's keys
     * (which already fall back to {@code disruptor.defaults}); {@code null} when it does not retry (one
     * attempt, the core's default). An unset back-off is {@link DisruptorProperties#DEFAULT_RETRY_BACK_OFF};
     * an unset multiplier or cap is the core's ({@code RetryPolicy}: 1, no cap).
     */
    static @Nullable RetryPolicy policy(HandlerDefinition handler, RingSettings ring) {
        RetrySettings merged = handler.retry().orElse(ring.retry());
        if (merged.attempts == null || merged.attempts == 1) {
            return null;
        }
        Duration backOff = merged.backOff != null ? merged.backOff : DisruptorProperties.DEFAULT_RETRY_BACK_OFF;
        RetryPolicy policy = RetryPolicy.of(merged.attempts, backOff);
        if (merged.multiplier != null) {
            policy = policy.withMultiplier(merged.multiplier);
        }
        if (merged.maxBackOff != null) {
            if (merged.maxBackOff.compareTo(backOff) < 0) {
                String ringKeys = "disruptor.rings." + ring.ringName() + ".retry";
                throw new DisruptorConfigurationException("Handler " + handler.describe() + " of ring '"
                        + ring.ringName() + "' would retry with a back-off of " + backOff + " and a max back-off of "
                        + merged.maxBackOff + "; the max back-off caps a growing back-off, so it cannot be below it.",
                        "Set the max back-off (@DisruptorHandler(retryMaxBackOff) of " + handler.origin() + ", or "
                                + ringKeys + ".max-back-off) to " + backOff + " or more, or lower the back-off "
                                + "(retryBackOff, or " + ringKeys + ".back-off).");
            }
            policy = policy.withMaxBackOff(merged.maxBackOff);
        }
        return policy;
    }

    /** Whether {@code attempts} counts attempts (at least the first one). */
    static boolean validAttempts(int attempts) {
        return attempts >= 1;
    }

    /** Whether {@code multiplier} can multiply a back-off: a finite number of at least 1. */
    static boolean validMultiplier(double multiplier) {
        return multiplier >= 1.0 && !Double.isInfinite(multiplier);
    }
}
