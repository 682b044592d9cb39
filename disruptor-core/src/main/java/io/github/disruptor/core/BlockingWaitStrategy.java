package io.github.disruptor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
    @SuppressWarnings("unused") // accessed through WAITERS
    private volatile int waiters;

    @Override
    public long waitFor(long sequence, Sequence dependency, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        long available = dependency.get();
        if (available >= sequence) {
            return available;
        }
        lock.lockInterruptibly();
        try {
            WAITERS.getAndAdd(this, 1);
            try {
                while ((available = dependency.get()) < sequence) {
                    barrier.checkAlert();
                    progressed.await();
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
