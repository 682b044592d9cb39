package io.github.disruptor.core;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins, then yields, then parks for a fixed time between checks: little CPU when idle, at the cost
 * of up to one sleep period (plus the OS timer slack) of latency after a quiet spell. Producers never
 * have to signal it.
 */
public final class SleepingWaitStrategy implements WaitStrategy {

    /** Checks made by spinning and then by yielding, before parking. */
    public static final int DEFAULT_RETRIES = 200;
    /** The default park time between checks once idle. */
    public static final long DEFAULT_SLEEP_NANOS = 100_000L;

    private final int retries;
    private final long sleepNanos;

    /** Uses {@link #DEFAULT_RETRIES} and {@link #DEFAULT_SLEEP_NANOS}. */
    public SleepingWaitStrategy() {
        this(DEFAULT_RETRIES, DEFAULT_SLEEP_NANOS);
    }

    /**
     * @param retries checks before parking, half of them spinning and half yielding (at least 0)
     * @param sleepNanos how long to park between checks once idle (at least 1)
     */
    public SleepingWaitStrategy(int retries, long sleepNanos) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be at least 0, was " + retries);
        }
        if (sleepNanos < 1) {
            throw new IllegalArgumentException("sleepNanos must be at least 1, was " + sleepNanos);
        }
        this.retries = retries;
        this.sleepNanos = sleepNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence dependency, SequenceBarrier barrier) throws AlertException {
        long available;
        int counter = retries;
        while ((available = dependency.get()) < sequence) {
            barrier.checkAlert();
            if (counter > retries / 2) {
                counter--;
                Thread.onSpinWait();
            } else if (counter > 0) {
                counter--;
                Thread.yield();
            } else {
                LockSupport.parkNanos(sleepNanos);
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
    }

    @Override
    public String name() {
        return "sleeping";
    }
}
