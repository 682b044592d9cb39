package io.github.disruptor.core;

/**
 * Spins briefly, then calls {@link Thread#yield()} between checks: near busy-spin latency while
 * letting other runnable threads use the core. A good default when handlers may outnumber cores.
 */
public final class YieldingWaitStrategy implements WaitStrategy {

    /**
     * Few, because each {@link Thread#onSpinWait()} is a PAUSE that lasts 28 ns on AMD Zen 3 and
     * about 40 ns on Intel since Skylake: ten of them spin about as long (0.3 to 0.4 µs) as a hundred
     * plain checks do. A hundred made the first yield come after 3 to 4 µs, core time that the
     * producer or another handler needs when threads outnumber cores.
     */
    private static final int SPIN_TRIES = 10;

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
