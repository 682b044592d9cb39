package io.github.disruptor.core;

/**
 * A wait strategy that does not wait: it returns what the dependency shows right now. It lets a
 * jcstress actor go through the real barrier (the multi-producer availability check included) without
 * blocking, so every interleaving ends and can be graded.
 */
final class PeekWaitStrategy implements WaitStrategy {

    @Override
    public long waitFor(long sequence, Sequence dependency, SequenceBarrier barrier) {
        return dependency.get();
    }

    @Override
    public void signalAllWhenBlocking() {
    }

    @Override
    public String name() {
        return "peek";
    }
}
