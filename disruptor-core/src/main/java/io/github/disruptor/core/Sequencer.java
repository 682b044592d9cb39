package io.github.disruptor.core;

import java.util.concurrent.atomic.LongAdder;

/**
 * Hands out sequences to producers and publishes them to processors: the coordination point between
 * the two sides of a ring.
 *
 * <p>A claim never overtakes the slowest last-stage handler (the gating sequences): a producer that
 * would wrap onto an unfinished slot waits, which is the ring's backpressure. Waiting producers
 * follow the core's {@link BackOff} ladder (a stalled ring costs them almost no CPU) and on every
 * round check whether the sequencer was {@linkplain #close(int) closed}, the thread interrupted or
 * their deadline passed: no producer waits forever.
 */
abstract sealed class Sequencer permits SingleProducerSequencer, MultiProducerSequencer {

    /** Deadline value meaning "wait as long as it takes". */
    static final long NO_DEADLINE = Long.MIN_VALUE;
    /** Deadline value meaning "do not wait at all". */
    static final long NO_WAIT = Long.MIN_VALUE + 1;
    /** Returned by a claim that could not get capacity before its deadline (or at once, for a try). */
    static final long NO_CAPACITY = Long.MIN_VALUE;
    /** Claims are accepted. */
    static final int OPEN = 0;
    /** Claims are refused until a restart. */
    static final int STOPPED = 1;
    /** Claims are refused for good. */
    static final int SHUT_DOWN = 2;

    final int bufferSize;
    final Sequence cursor = new Sequence();
    final WaitStrategy waitStrategy;
    private final String ringName;
    private final LongAdder concurrentClaims = new LongAdder();
    private Sequence[] gatingSequences = new Sequence[0];
    /** {@link #OPEN}, {@link #STOPPED} or {@link #SHUT_DOWN}; read once per claim and once per publish. */
    private volatile int closure = OPEN;

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

    /**
     * Refuses every later claim and releases producers waiting for space, until {@link #open()}
     * ({@link #STOPPED}) or for good ({@link #SHUT_DOWN}).
     */
    final void close(int why) {
        closure = why;
    }

    /** Accepts claims again, for a restart after a stop. */
    final void open() {
        closure = OPEN;
    }

    final boolean isClosed() {
        return closure != OPEN;
    }

    final void ensureOpen() {
        if (closure != OPEN) {
            throw closedException();
        }
    }

    private DisruptorClosedException closedException() {
        return new DisruptorClosedException(closure == STOPPED
                ? "Disruptor '" + ringName + "' is stopped and refuses events until start() runs it again "
                        + "(last claimed sequence: " + cursor() + ")"
                : "Disruptor '" + ringName + "' is shut down and accepts no more events (last claimed sequence: "
                        + cursor() + ")");
    }

    /** How many claims were refused because another thread was claiming at the same time. */
    final long concurrentClaims() {
        return concurrentClaims.sum();
    }

    /** Counts and describes a claim made while another thread's claim was in flight. */
    final IllegalStateException concurrentClaim() {
        concurrentClaims.increment();
        return new IllegalStateException("Disruptor '" + ringName + "' uses the single-producer sequencer, but two "
                + "threads claimed slots at the same time (claimed up to " + claimedSoFar() + ", published up to "
                + cursor() + "); this call published nothing. Publish from one thread at a time, or use the "
                + "multi-producer sequencer (DisruptorBuilder.withMultiProducerSequencer(), or "
                + "disruptor.rings." + ringName + ".sequencer: multi with the Spring Boot starter).");
    }

    /** The highest sequence handed out to a producer, published or not. */
    abstract long claimedSoFar();

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
     * One round of waiting for space: checks for shutdown, interrupt and deadline, then backs off.
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
        BackOff.pause(attempt);
        return true;
    }
}
