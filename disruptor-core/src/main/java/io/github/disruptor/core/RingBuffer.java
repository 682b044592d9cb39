package io.github.disruptor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * The ring itself: a power-of-two array of events, all created up front by the event factory and
 * reused lap after lap, so steady-state publishing allocates nothing. A sequence maps to its slot by
 * a mask ({@code sequence & (size - 1)}), never a division.
 *
 * <p>The array is padded on both ends so that the first and last slots never share a cache line
 * with another object's hot fields.
 *
 * <p>Discarded slots: when a translator throws, its slot must still be published (a multi-producer
 * ring cannot take a claim back) but no handler may see it. The producer marks the sequence in
 * {@code producerDiscards} before publishing it, so a processor that has acquired the publication
 * sees the mark; a handler whose exception handler discards an event marks it in its own
 * {@link DiscardMarks} in the same way, for the handlers behind it. {@code highestDiscarded}, raised by
 * every discard of either kind, lets processors skip the per-slot checks for every batch that lies
 * above the last discard, which is every batch while nothing fails.
 *
 * @param <E> the event type
 */
public final class RingBuffer<E> {

    private static final int PADDING = 32;
    private static final VarHandle HIGHEST_DISCARDED;

    static {
        try {
            HIGHEST_DISCARDED = MethodHandles.lookup().findVarHandle(RingBuffer.class, "highestDiscarded", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object[] entries;
    private final DiscardMarks producerDiscards;
    private final int mask;
    private final Sequencer sequencer;
    @SuppressWarnings("unused") // accessed through HIGHEST_DISCARDED
    private volatile long highestDiscarded = Sequence.INITIAL_VALUE;

    RingBuffer(int size, Supplier<? extends E> eventFactory, Sequencer sequencer) {
        this.entries = new Object[size + 2 * PADDING];
        this.producerDiscards = new DiscardMarks(size);
        this.mask = size - 1;
        this.sequencer = sequencer;
        for (int i = 0; i < size; i++) {
            E event = eventFactory.get();
            if (event == null) {
                throw new NullPointerException(
                        "the event factory returned null for slot " + i + "; it must return a new event each call");
            }
            entries[PADDING + i] = event;
        }
    }

    /** The number of slots. */
    public int size() {
        return mask + 1;
    }

    /**
     * The event in the slot of {@code sequence}. Only meaningful for a sequence the caller owns: one it
     * claimed and has not yet published, or one its barrier has made available.
     */
    public E get(long sequence) {
        return eventAt(entries, mask, sequence);
    }

    /** The events, padded; with {@link #mask()}, what {@link #eventAt} needs. */
    Object[] entries() {
        return entries;
    }

    int mask() {
        return mask;
    }

    /**
     * The event in the slot of {@code sequence}, given this ring's {@link #entries()} and {@link #mask()}:
     * for a publisher that holds both itself, so that its loop does not load the ring buffer first.
     */
    @SuppressWarnings("unchecked")
    static <E> E eventAt(Object[] entries, int mask, long sequence) {
        return (E) entries[PADDING + (int) (sequence & mask)];
    }

    /** The highest claimed sequence, -1 before the first publish. */
    public long cursor() {
        return sequencer.cursor();
    }

    /** How many slots a producer could claim right now without waiting. */
    public long remainingCapacity() {
        return sequencer.remainingCapacity();
    }

    /** Marks {@code [low, high]} as discarded by its producer; the caller publishes the range afterwards. */
    void discard(long low, long high) {
        for (long sequence = low; sequence <= high; sequence++) {
            producerDiscards.mark(sequence);
        }
        raiseDiscardWatermark(high);
    }

    /** The marks of the slots producers discarded, which every handler respects. */
    DiscardMarks producerDiscards() {
        return producerDiscards;
    }

    /** Records that {@code sequence} was discarded (by a producer or a handler) before it is released. */
    void raiseDiscardWatermark(long sequence) {
        long seen;
        do {
            seen = (long) HIGHEST_DISCARDED.getVolatile(this);
        } while (seen < sequence && !HIGHEST_DISCARDED.compareAndSet(this, seen, sequence));
    }

    /** Whether any sequence at or above {@code sequence} has ever been discarded, by anyone. */
    boolean mayHoldDiscards(long sequence) {
        return (long) HIGHEST_DISCARDED.getAcquire(this) >= sequence;
    }
}
