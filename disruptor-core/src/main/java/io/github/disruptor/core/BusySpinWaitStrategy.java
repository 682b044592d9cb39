package io.github.disruptor.core;

/**
 * Spins on the dependency with {@link Thread#onSpinWait()}: the lowest latency, and one core fully
 * busy per handler. Use it only when every handler thread has a core of its own.
 */
public final class BusySpinWaitStrategy implements WaitStrategy {

    @Override
    public long waitFor(long sequence, Sequence dependency, SequenceBarrier barrier) throws AlertException {
        long available;
        while ((available = dependency.get()) < sequence) {
            barrier.checkAlert();
            Thread.onSpinWait();
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
    }

    @Override
    public String name() {
        return "busy-spin";
    }
}
