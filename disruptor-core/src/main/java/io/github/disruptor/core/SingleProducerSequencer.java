package io.github.disruptor.core;

/**
 * The sequencer for one publishing thread at a time. The claim counter and the cached gating
 * sequence are plain fields owned by that thread; only {@link #publish} writes shared state, a single
 * release store of the cursor. Nothing is contended and there are no atomic instructions on the
 * publishing path.
 *
 * <p>Misuse: the claiming thread is compared with the last one that claimed ({@code owner}, on the
 * producer's own cache line): a plain load and a compare per claim. Only when the thread changes does
 * the claim check that everything claimed before is published ({@code nextValue == cursor}), which a
 * hand-over from one thread to the next always satisfies; a claim that finds otherwise was made while
 * another thread's claim was in flight, and is refused before it takes a slot, with an exception that
 * names the fix, and counted. It catches most, not all, such races (two threads that read the claim
 * counter at the same instant pass it together), and none on one thread: a translator that publishes
 * into its own single-producer ring is not caught. The cursor is not read on every claim because the
 * consumers keep pulling its line: a load of it per claim would wait on their traffic.
 *
 * <p>The fields the producer owns are padded away from the cursor so that consumers polling the
 * cursor do not keep pulling the producer's line.
 */
final class SingleProducerSequencer extends Sequencer {

    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;
    /** The highest sequence claimed so far, owned by the producing thread. */
    private long nextValue = Sequence.INITIAL_VALUE;
    /** The lowest gating sequence seen last time; re-read only when a claim would pass it. */
    private long cachedGatingSequence = Sequence.INITIAL_VALUE;
    /** The thread that claimed last; written only when the claiming thread changes. */
    private Thread owner;
    @SuppressWarnings("unused")
    private long q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15;

    SingleProducerSequencer(String ringName, int bufferSize, WaitStrategy waitStrategy) {
        super(ringName, bufferSize, waitStrategy);
    }

    @Override
    long next(int n, long deadlineNanos) {
        ensureOpen();
        if (Thread.currentThread() != owner) {
            adoptClaimingThread();
        }
        long claimed = nextValue + n;
        long wrapPoint = claimed - bufferSize;
        if (wrapPoint > cachedGatingSequence) {
            long gating = awaitGating(wrapPoint, nextValue, deadlineNanos);
            if (gating == NO_CAPACITY) {
                return NO_CAPACITY;
            }
            cachedGatingSequence = gating;
        }
        nextValue = claimed;
        return claimed;
    }

    /** The claiming thread changed: a hand-over finds every earlier claim published, a race does not. */
    private void adoptClaimingThread() {
        if (nextValue != cursor.getPlain()) {
            throw concurrentClaim();
        }
        owner = Thread.currentThread();
    }

    @Override
    void publish(long low, long high) {
        cursor.set(high);
        waitStrategy.signalAllWhenBlocking();
    }

    @Override
    long highestPublished(long low, long available) {
        return available;
    }

    @Override
    long claimedSoFar() {
        return nextValue;
    }

    @Override
    boolean cursorMayRunAhead() {
        return false;
    }
}
