package io.github.disruptor.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How often a handler gets a failed event again before its {@link ExceptionHandler} decides, and how
 * long it waits in between: {@code backOff}, multiplied by {@code multiplier} after each failure, at
 * most {@code maxBackOff}. Immutable: every {@code with} method returns a copy.
 *
 * <p>While a handler retries an event, its sequence stays just before that event: every handler
 * behind it waits, so nothing downstream sees the event before a retry succeeded or the exception
 * handler gave up on it, and the ring's order is kept. Events before it in the same batch are
 * released first. Each retry is counted in {@link HandlerMonitor#retryCount()}; a halt or stop cuts a
 * back-off short, and the event is handed to the handler again after a restart.
 *
 * <pre>{@code
 * HandlerOptions.defaults().withRetry(RetryPolicy.of(3, Duration.ofMillis(10)).withMultiplier(2))
 * }</pre>
 */
public final class RetryPolicy {

    private static final long UNCAPPED = Long.MAX_VALUE / 2;

    private final int maxAttempts;
    private final long backOffNanos;
    private final double multiplier;
    private final long maxBackOffNanos;
    private final Predicate<? super Throwable> retryable;

    private RetryPolicy(int maxAttempts, long backOffNanos, double multiplier, long maxBackOffNanos,
            Predicate<? super Throwable> retryable) {
        this.maxAttempts = maxAttempts;
        this.backOffNanos = backOffNanos;
        this.multiplier = multiplier;
        this.maxBackOffNanos = maxBackOffNanos;
        this.retryable = retryable;
    }

    /**
     * @param maxAttempts how many times the handler gets the event in all, the first time included: at
     *        least 1 (1 means no retry)
     * @param backOff the wait before the first retry: zero or more
     */
    public static RetryPolicy of(int maxAttempts, Duration backOff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (the first attempt included), was "
                    + maxAttempts);
        }
        long nanos = nonNegativeNanos("backOff", backOff);
        return new RetryPolicy(maxAttempts, nanos, 1.0, UNCAPPED, failure -> true);
    }

    /** Multiplies the back-off by {@code multiplier} after each failed retry; at least 1, finite. */
    public RetryPolicy withMultiplier(double multiplier) {
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1, was " + multiplier);
        }
        return new RetryPolicy(maxAttempts, backOffNanos, multiplier, maxBackOffNanos, retryable);
    }

    /** Caps the growing back-off; at least the first back-off. */
    public RetryPolicy withMaxBackOff(Duration maxBackOff) {
        long nanos = nonNegativeNanos("maxBackOff", maxBackOff);
        if (nanos < backOffNanos) {
            throw new IllegalArgumentException("maxBackOff must be at least the first back-off ("
                    + Duration.ofNanos(backOffNanos) + "), was " + maxBackOff);
        }
        return new RetryPolicy(maxAttempts, backOffNanos, multiplier, nanos, retryable);
    }

    /**
     * Retries only the failures {@code retryable} accepts; any other goes straight to the exception
     * handler, as if the attempts had run out. For failures a retry cannot mend, or must not: a failed
     * {@code fsync}, after which a write that "succeeds" may have lost data.
     */
    public RetryPolicy retryOnly(Predicate<? super Throwable> retryable) {
        return new RetryPolicy(maxAttempts, backOffNanos, multiplier, maxBackOffNanos,
                Objects.requireNonNull(retryable, "retryable"));
    }

    /** How many times the handler gets the event in all, the first time included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether {@code failure} may be retried at all. */
    boolean retries(Throwable failure) {
        return retryable.test(failure);
    }

    /** The wait before the retry that follows failed attempt number {@code attempt} (from 1). */
    public Duration backOffAfter(int attempt) {
        return Duration.ofNanos(backOffNanosAfter(attempt));
    }

    long backOffNanosAfter(int attempt) {
        double nanos = backOffNanos * Math.pow(multiplier, Math.max(0, attempt - 1));
        return (long) Math.min(nanos, (double) maxBackOffNanos);
    }

    private static long nonNegativeNanos(String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + duration);
        }
        return BackOff.saturatedNanos(duration);
    }

    @Override
    public String toString() {
        return "RetryPolicy(" + maxAttempts + " attempts, back-off " + Duration.ofNanos(backOffNanos)
                + (multiplier == 1.0 ? "" : " x" + multiplier)
                + (maxBackOffNanos == UNCAPPED ? "" : " up to " + Duration.ofNanos(maxBackOffNanos)) + ")";
    }
}
