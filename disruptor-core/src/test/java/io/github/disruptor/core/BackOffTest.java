package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link BackOff}'s conversion of a caller's {@link Duration} into the nanoseconds every deadline in
 * the core is computed from. (The ladder itself, {@link BackOff#pause}, is timing only: the
 * behaviour tests see it through producers, stop, shutdown and awaitIdle.)
 */
class BackOffTest {

    @Test
    void aDurationThatFitsIsConvertedExactly() {
        assertThat(BackOff.saturatedNanos(Duration.ZERO)).isZero();
        assertThat(BackOff.saturatedNanos(Duration.ofMillis(1500))).isEqualTo(1_500_000_000L);
        assertThat(BackOff.saturatedNanos(Duration.ofNanos(-7))).isEqualTo(-7L);
        assertThat(BackOff.saturatedNanos(Duration.ofNanos(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aDurationTooLongForNanosecondsSaturatesToAbout146Years() {
        long forever = BackOff.saturatedNanos(ChronoUnit.FOREVER.getDuration());
        assertThat(forever).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(BackOff.saturatedNanos(Duration.ofDays(365L * 1_000))).isEqualTo(Long.MAX_VALUE / 2);
    }

    /**
     * A negative duration is a deadline in the past whatever its size: one too negative for
     * nanoseconds must not come back as 146 years in the future. Through
     * {@code tryPublish(translator, timeout)} on a full ring that is a publish that should give up at
     * once and instead waits for 146 years (see {@link BackpressureTest}).
     */
    @Test
    void aDurationTooNegativeForNanosecondsSaturatesToTheNegativeSide() {
        assertThat(BackOff.saturatedNanos(Duration.ofSeconds(Long.MIN_VALUE))).isNegative();
        assertThat(BackOff.saturatedNanos(Duration.ofDays(-365L * 1_000))).isNegative();
    }
}
