package io.github.disruptor.core;

import java.util.concurrent.locks.LockSupport;

/**
 * The one back-off ladder for every wait in the core outside the wait strategies: a producer waiting
 * for space, a producer that raced a shutdown, {@code stop}, {@code shutdown} and {@code awaitIdle}
 * waiting for the handlers. It spins a few times, parks a microsecond at a time (the timer slack
 * makes that tens of microseconds), and once the wait has lasted tens of milliseconds, parks a
 * millisecond at a time, so a long wait costs almost no CPU.
 *
 * <p>Few spins: a waiter polling the handlers' sequences keeps pulling the cache lines they are
 * writing, and on a small machine it also takes the core a handler needs to make progress.
 */
final class BackOff {

    private static final int SPINS = 16;
    private static final int SHORT_PARKS = 1_000;

    private BackOff() {
    }

    /** Waits once; {@code attempt} counts the rounds of this wait from 0. */
    static void pause(int attempt) {
        if (attempt < SPINS) {
            Thread.onSpinWait();
        } else if (attempt < SPINS + SHORT_PARKS) {
            LockSupport.parkNanos(1_000L);
        } else {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /**
     * {@code duration} in nanoseconds, saturated toward its sign instead of overflowing (146 years is as
     * good as forever, and as good as long ago), with room left to add it to {@link System#nanoTime()}.
     */
    static long saturatedNanos(java.time.Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException overflow) {
            return duration.isNegative() ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
    }
}
