package io.github.disruptor.core;

/**
 * How a processor waits for a sequence to become available: the latency-versus-CPU trade-off of a
 * ring. Built-in: {@link BusySpinWaitStrategy}, {@link YieldingWaitStrategy},
 * {@link SleepingWaitStrategy}, {@link BlockingWaitStrategy}.
 *
 * <p>One instance serves a whole disruptor. Producers call {@link #signalAllWhenBlocking()} after
 * every publication and processors after every advance of their sequence, so a strategy that parks
 * threads can wake them, whether they wait on the cursor or on an upstream stage.
 */
public interface WaitStrategy {

    /**
     * Waits until {@code dependency} reaches {@code sequence}.
     *
     * @param sequence the sequence wanted
     * @param dependency the sequence to watch (the cursor or the slowest upstream handler)
     * @param barrier checked for alerts while waiting
     * @return the value of {@code dependency} seen, normally at least {@code sequence}
     * @throws AlertException if the barrier was alerted
     * @throws InterruptedException if interrupted while parked
     * @throws WaitTimeoutException if the strategy has a timeout and it ran out first; the processor
     *         then calls its handler's {@link EventHandler#onTimeout(long)} and waits again
     */
    long waitFor(long sequence, Sequence dependency, SequenceBarrier barrier)
            throws AlertException, InterruptedException, WaitTimeoutException;

    /** Wakes waiting threads if this strategy parks them; a no-op for spinning strategies. */
    void signalAllWhenBlocking();

    /** A short name for configuration, logs and metrics, such as {@code blocking}. */
    String name();
}
