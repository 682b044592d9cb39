package io.github.disruptor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Parks waiting threads on a lock condition until a producer publishes or an upstream handler moves:
 * no CPU at all while idle, also for a stage that waits behind a slow or stalled upstream stage
 * (LMAX's blocking strategy spins in that case).
 *
 * <p>Signalling costs a full fence and one read while nobody waits; the lock is taken only when a
 * thread is parked. Lost wake-ups are excluded by a Dekker-style handshake: a waiter announces
 * itself ({@code waiters}, a volatile increment) before it re-checks the dependency under the lock,
 * and a signaller fences between its sequence store and its read of {@code waiters}. Either the
 * waiter sees the new sequence, or the signaller sees the waiter and signals under the lock the
 * waiter holds until it is parked.
 *
 * <p>With a timeout, a wait that sees no progress for that long ends in a
 * {@link WaitTimeoutException}, so the handler's {@link EventHandler#onTimeout(long)} can do periodic
 * work while idle; this applies to a stage waiting behind an upstream stage as well (LMAX's timeout
 * strategy only times out on the cursor).
 */
public final class BlockingWaitStrategy implements WaitStrategy {

    private static final VarHandle WAITERS;

    static {
        try {
            WAITERS = MethodHandles.lookup().findVarHandle(BlockingWaitStrategy.class, "waiters", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    /** 0 for none. */
    private final long timeoutNanos;
    @SuppressWarnings("unused") // accessed through WAITERS
    private volatile int waiters;

    /** Waits as long as it takes. */
    public BlockingWaitStrategy() {
        this.timeoutNanos = 0L;
    }

    /**
     * Ends a wait that saw no event for {@code timeout} with {@link WaitTimeoutException}.
     *
     * @param timeout positive
     */
    public BlockingWaitStrategy(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeoutNanos = BackOff.saturatedNanos(timeout);
    }

    @Override
    public long waitFor(long sequence, Sequence dependency, SequenceBarrier barrier)
            throws AlertException, InterruptedException, WaitTimeoutException {
        long available = dependency.get();
        if (available >= sequence) {
            return available;
        }
        lock.lockInterruptibly();
        try {
            WAITERS.getAndAdd(this, 1);
            try {
                long remaining = timeoutNanos;
                while ((available = dependency.get()) < sequence) {
                    barrier.checkAlert();
                    if (timeoutNanos == 0L) {
                        progressed.await();
                    } else if (remaining > 0L) {
                        remaining = progressed.awaitNanos(remaining);
                    } else {
                        throw WaitTimeoutException.INSTANCE;
                    }
                }
            } finally {
                WAITERS.getAndAdd(this, -1);
            }
        } finally {
            lock.unlock();
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        VarHandle.fullFence();
        if ((int) WAITERS.getOpaque(this) != 0) {
            lock.lock();
            try {
                progressed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String name() {
        return "blocking";
    }
}
