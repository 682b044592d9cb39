package io.github.disruptor.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The consumer's work, identical for every contender: add the event's value to a sum and count it.
 * The count becomes visible to the waiting producer once per batch (at the end of a ring batch, or
 * when a queue poll comes back empty), so the signal costs the same on each side and almost nothing
 * per event. Implements both disruptors' handler interfaces so both run this very class.
 */
class CountingHandler implements io.github.disruptor.core.EventHandler<LongEvent>,
        com.lmax.disruptor.EventHandler<LongEvent> {

    private static final VarHandle CONSUMED;

    static {
        try {
            CONSUMED = MethodHandles.lookup().findVarHandle(CountingHandler.class, "consumed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;
    private long sum;
    private long count;
    @SuppressWarnings("unused") // accessed through CONSUMED
    private volatile long consumed;
    @SuppressWarnings("unused")
    private long q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15;

    @Override
    public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
        consume(event);
        if (endOfBatch) {
            publishCount();
        }
    }

    void consume(LongEvent event) {
        sum += event.value;
        count++;
    }

    /** Makes the count so far visible to {@link #consumed()}. */
    void publishCount() {
        CONSUMED.setRelease(this, count);
    }

    long consumed() {
        return (long) CONSUMED.getAcquire(this);
    }

    /** The checksum, meaningful once {@link #consumed()} covers every event. */
    long sum() {
        return sum;
    }

    @Override
    public void onStart() {
    }

    /** Both interfaces have this callback: the class must choose; it does nothing, for both. */
    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
    }

    /** Both interfaces have this callback; neither disruptor here has a wait strategy that times out. */
    @Override
    public void onTimeout(long sequence) {
    }

    @Override
    public void onShutdown() {
    }
}
