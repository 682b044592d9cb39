package io.github.disruptor.core;

import java.util.concurrent.locks.LockSupport;

/**
 * Hands out sequences to producers and publishes them to processors: the coordination point between
 * the two sides of a ring.
 *
 * <p>A claim never overtakes the slowest last-stage handler (the gating sequences): a producer that
 * would wrap onto an unfinished slot waits, which is the ring's backpressure. Waiting producers spin
 * briefly, then park a microsecond at a time, then a millisecond at a time once the handlers have
 * been stuck for a while (so a stalled ring costs its producers almost no CPU), and on every round
 * check whether the sequencer was
 * {@linkplain #close() closed}, the thread interrupted or their deadline passed: no producer waits
 * forever.
 */
abstract sealed class Sequencer permits SingleProducerSequencer, MultiProducerSequencer {

    /** Deadline value meaning "wait as long as it takes". */
    static final long NO_DEADLINE = Long.MIN_VALUE;
    /** Deadline value meaning "do not wait at all". */
    static final long NO_WAIT = Long.MIN_VALUE + 1;
    /** Returned by a claim that could not get capacity before its deadline (or at once, for a try). */
    static final long NO_CAPACITY = Long.MIN_VALUE;

    /**
     * Few: a producer polling the gating sequences keeps pulling the cache lines the handlers are
     * writing, and on a small machine it also takes the core a handler needs to free the space.
     */
    private static final int SPINS_BEFORE_PARKING = 16;
    private static final int SHORT_PARKS = 1_000;

    final int bufferSize;
    final Sequence cursor = new Sequence();
    final WaitStrategy waitStrategy;
    private final String ringName;
    private Sequence[] gatingSequences = new Sequence[0];
    private volatile boolean closed;

    Sequencer(String ringName, int bufferSize, WaitStrategy waitStrategy) {
        this.ringName = ringName;
        this.bufferSize = bufferSize;
        this.waitStrategy = waitStrategy;
    }

    /** Sets the sequences a claim must not overtake; called once while the disruptor is built. */
    final void setGatingSequences(Sequence[] gatingSequences) {
        this.gatingSequences = gatingSequences.clone();
    }

    final long minimumGatingSequence(long ceiling) {
        return SequenceGroup.minimum(gatingSequences, ceiling);
    }

    /**
     * Claims {@code n} consecutive sequences, waiting for space until {@code deadlineNanos}
     * ({@link System#nanoTime()} based, {@link #NO_DEADLINE} or {@link #NO_WAIT}).
     *
     * @return the highest claimed sequence, or {@link #NO_CAPACITY} if the deadline passed
     */
    abstract long next(int n, long deadlineNanos);

    /** Makes {@code [low, high]} visible to processors and wakes any that are blocked. */
    abstract void publish(long low, long high);

    /**
     * The highest sequence in {@code [low, available]} up to which every slot has been published,
     * {@code low - 1} if {@code low} itself is not published yet.
     */
    abstract long highestPublished(long low, long available);

    /** Whether processors must check per-slot availability beyond the cursor. */
    abstract boolean cursorMayRunAhead();

    /** The highest claimed sequence. */
    final long cursor() {
        return cursor.get();
    }

    /** How many slots could be claimed now without waiting. */
    final long remainingCapacity() {
        long produced = cursor();
        return bufferSize - (produced - minimumGatingSequence(produced));
    }

    /** Refuses every later claim and releases producers waiting for space. Idempotent. */
    final void close() {
        closed = true;
    }

    final boolean isClosed() {
        return closed;
    }

    final void ensureOpen() {
        if (closed) {
            throw new DisruptorClosedException("Disruptor '" + ringName
                    + "' is shut down and accepts no more events (last claimed sequence: " + cursor() + ")");
        }
    }

    final void checkClaimSize(int n) {
        if (n < 1 || n > bufferSize) {
            throw new IllegalArgumentException("cannot claim " + n + " slots at once on ring '" + ringName
                    + "'; a claim must be between 1 and the ring size, " + bufferSize);
        }
    }

    /**
     * The slow path of a claim: waits until the slowest gating sequence reaches {@code wrapPoint},
     * checking for shutdown, interrupt and deadline on every round. A method of its own, rarely
     * called, so that the JIT leaves it out of line and what it inlines into a producer's loop is a
     * compare and a store with no call in between: with this loop written inside the claim, the JIT
     * kept the publisher's references on the stack and paid a store and five loads per event.
     *
     * @param ceiling the value to report if there are no gating sequences (the producer's cursor)
     * @return the gating sequence seen, at least {@code wrapPoint}, or {@link #NO_CAPACITY} if the
     *         deadline passed first
     */
    final long awaitGating(long wrapPoint, long ceiling, long deadlineNanos) {
        long gating;
        int attempt = 0;
        while (wrapPoint > (gating = minimumGatingSequence(ceiling))) {
            if (!pauseForCapacity(attempt++, deadlineNanos)) {
                return NO_CAPACITY;
            }
        }
        return gating;
    }

    /**
     * One round of waiting for space: checks for shutdown, interrupt and deadline, then spins or
     * parks.
     *
     * @return {@code false} if the deadline has passed
     */
    private boolean pauseForCapacity(int attempt, long deadlineNanos) {
        if (deadlineNanos == NO_WAIT) {
            return false;
        }
        ensureOpen();
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new PublishInterruptedException("interrupted while waiting for space in ring '" + ringName
                    + "' (size " + bufferSize + "); nothing was published");
        }
        if (deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos >= 0) {
            return false;
        }
        if (attempt < SPINS_BEFORE_PARKING) {
            Thread.onSpinWait();
        } else if (attempt < SPINS_BEFORE_PARKING + SHORT_PARKS) {
            LockSupport.parkNanos(1_000L);
        } else {
            // the handlers have been stuck for tens of milliseconds: poll a thousand times a second
            LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }
}
