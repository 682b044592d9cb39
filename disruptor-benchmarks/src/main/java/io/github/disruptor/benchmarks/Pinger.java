package io.github.disruptor.benchmarks;

import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The pinging side's bookkeeping, shared by every contender: stamps each ping with
 * {@link System#nanoTime()}, records the round trip when its pong comes back, and tells the waiting
 * benchmark thread when a burst of round trips is complete.
 */
final class Pinger {

    private final Histogram histogram = new Histogram(10_000_000_000L, 3);
    private int remaining;
    private volatile boolean done = true;
    private Thread waiter;

    /** Starts a burst of {@code roundTrips}; call {@link #awaitBurst()} before the next one. */
    void beginBurst(int roundTrips) {
        remaining = roundTrips;
        waiter = Thread.currentThread();
        done = false;
    }

    /** Parks the benchmark thread until the pinging side has completed the burst. */
    void awaitBurst() {
        while (!done) {
            LockSupport.park(this);
        }
    }

    /**
     * Records the round trip of a pong that carried {@code sentNanos}.
     *
     * @return {@code true} if another ping should be sent
     */
    boolean onPong(long sentNanos) {
        histogram.recordValue(System.nanoTime() - sentNanos);
        if (--remaining > 0) {
            return true;
        }
        done = true;
        LockSupport.unpark(waiter);
        return false;
    }

    Histogram histogram() {
        return histogram;
    }
}
