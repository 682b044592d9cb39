package io.github.disruptor.core;

/**
 * Spins briefly, then calls {@link Thread#yield()} between checks: near busy-spin latency while
 * letting other runnable threads use the core. A good default when handlers may outnumber cores.
 */
public final class YieldingWaitStrategy implements WaitStrategy {

    private static final int SPIN_TRIES = 100;

    @Override
    public long waitFor(long sequence, Sequence dependency, SequenceBarrier barrier) throws AlertException {
        long available;
        int counter = SPIN_TRIES;
        while ((available = dependency.get()) < sequence) {
            barrier.checkAlert();
            if (counter > 0) {
                counter--;
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
    }

    @Override
    public String name() {
        return "yielding";
    }
}
