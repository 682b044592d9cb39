package io.github.disruptor.sample;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A sequence that one thread advances and other threads wait for, each with a deadline. Like the ring's
 * blocking wait strategy, the advancing thread takes the lock only while someone waits: with no waiter,
 * advancing is a volatile write and a volatile read.
 */
final class AwaitableSequence {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicInteger waiters = new AtomicInteger();
    private volatile long value = -1;

    long get() {
        return value;
    }

    /** Advances the sequence; only one thread may call it. */
    void set(long newValue) {
        value = newValue;
        wakeWaiters();
    }

    /** Makes every waiter check again, for example whether it should give up. */
    void wakeWaiters() {
        // a waiter registers before it reads the value, and this reads the count after writing it: no lost wake-up
        if (waiters.get() > 0) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until the sequence reaches {@code target}, {@code giveUp} says to stop waiting, or the time runs out.
     *
     * @return whether the sequence reached {@code target}
     */
    boolean awaitAtLeast(long target, long timeout, TimeUnit unit, BooleanSupplier giveUp) throws InterruptedException {
        if (value >= target) {
            return true;
        }
        long remaining = unit.toNanos(timeout);
        waiters.incrementAndGet();
        lock.lock();
        try {
            while (value < target) {
                if (remaining <= 0 || giveUp.getAsBoolean()) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
            waiters.decrementAndGet();
        }
    }
}
