package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link RetryPolicy} as a value, beyond what {@link DiscardAndRetryTest} checks (the growth to a cap,
 * the main argument errors and the policy at work in a disruptor).
 */
class RetryPolicyTest {

    @Test
    void everyWithReturnsACopyAndLeavesThePolicyItStartedFromAsItWas() {
        RetryPolicy base = RetryPolicy.of(3, Duration.ofMillis(10));
        RetryPolicy growing = base.withMultiplier(2);
        RetryPolicy capped = growing.withMaxBackOff(Duration.ofMillis(15));

        assertThat(base).isNotSameAs(growing).hasToString("RetryPolicy(3 attempts, back-off PT0.01S)");
        assertThat(base.backOffAfter(2)).isEqualTo(Duration.ofMillis(10));
        assertThat(growing).hasToString("RetryPolicy(3 attempts, back-off PT0.01S x2.0)");
        assertThat(growing.backOffAfter(2)).isEqualTo(Duration.ofMillis(20));
        assertThat(capped).hasToString("RetryPolicy(3 attempts, back-off PT0.01S x2.0 up to PT0.015S)");
        assertThat(capped.backOffAfter(2)).isEqualTo(Duration.ofMillis(15));
        assertThat(capped.maxAttempts()).isEqualTo(3);
    }

    @Test
    void oneAttemptMeansNoRetryAndAZeroBackOffRetriesAtOnce() {
        assertThat(RetryPolicy.of(1, Duration.ofSeconds(1)).maxAttempts()).isOne();
        RetryPolicy immediate = RetryPolicy.of(5, Duration.ZERO).withMultiplier(10);
        assertThat(immediate.backOffAfter(1)).isZero();
        assertThat(immediate.backOffAfter(4_000)).as("zero times a huge factor").isZero();
    }

    @Test
    void anUncappedBackOffGrowsWithoutEverOverflowing() {
        RetryPolicy policy = RetryPolicy.of(Integer.MAX_VALUE, Duration.ofMillis(10)).withMultiplier(10);
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 400; attempt++) {
            Duration backOff = policy.backOffAfter(attempt);
            assertThat(backOff).as("the back-off after attempt %d", attempt).isGreaterThanOrEqualTo(previous);
            previous = backOff;
        }
        assertThat(previous).as("about 146 years, not a negative overflow").isGreaterThan(Duration.ofDays(365L * 100));
        assertThat(RetryPolicy.of(2, ChronoUnit.FOREVER.getDuration()).backOffAfter(1)).isEqualTo(previous);
    }

    @Test
    void theCapMayEqualTheFirstBackOff() {
        RetryPolicy flat = RetryPolicy.of(4, Duration.ofMillis(5)).withMultiplier(3).withMaxBackOff(Duration.ofMillis(5));
        assertThat(flat.backOffAfter(1)).isEqualTo(Duration.ofMillis(5));
        assertThat(flat.backOffAfter(3)).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void everyFailureIsRetriedUntilRetryOnlySaysWhichAndLaterWithsKeepThat() {
        RetryPolicy all = RetryPolicy.of(3, Duration.ofMillis(1));
        assertThat(all.retries(new IllegalStateException("transient"))).isTrue();
        assertThat(all.retries(new AssertionError("even an error"))).isTrue();

        RetryPolicy ioOnly = all.retryOnly(failure -> failure instanceof UncheckedIOException)
                .withMultiplier(2).withMaxBackOff(Duration.ofMillis(3));
        assertThat(ioOnly.retries(new UncheckedIOException(new IOException("network")))).isTrue();
        assertThat(ioOnly.retries(new IllegalStateException("a bug a retry cannot mend"))).isFalse();
        assertThat(all.retries(new IllegalStateException("transient"))).as("the policy it started from").isTrue();
        assertThatThrownBy(() -> all.retryOnly(null)).isInstanceOf(NullPointerException.class).hasMessage("retryable");
    }

    @Test
    void missingDurationsAndAnInfiniteMultiplierAreRefusedByName() {
        assertThatThrownBy(() -> RetryPolicy.of(2, null)).isInstanceOf(NullPointerException.class).hasMessage("backOff");
        RetryPolicy policy = RetryPolicy.of(2, Duration.ofMillis(1));
        assertThatThrownBy(() -> policy.withMaxBackOff(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("maxBackOff");
        assertThatThrownBy(() -> policy.withMaxBackOff(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackOff must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> policy.withMultiplier(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multiplier must be a finite number of at least 1, was Infinity");
    }
}
