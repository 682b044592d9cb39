package io.github.disruptor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The sequences one source has discarded: the producers of a ring (a translator threw) or one handler
 * (its exception handler answered {@link ExceptionAction#DISCARD}). Each slot holds the last
 * sequence discarded into it, so a mark left on an earlier lap never matches.
 *
 * <p>Memory ordering: a source marks a sequence with a plain store before it releases that sequence
 * (the producers through the cursor or the availability flags, a handler through its own sequence),
 * and only processors that acquired that release read the mark, so they see it. The slots are
 * created on the first discard, with a compare-and-set because the shards of one handler (or several
 * producers) may discard at once: most sources never discard and never pay for the array.
 */
final class DiscardMarks {

    private static final VarHandle SLOTS;

    static {
        try {
            SLOTS = MethodHandles.lookup().findVarHandle(DiscardMarks.class, "slots", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int size;
    @SuppressWarnings("unused") // accessed through SLOTS
    private long[] slots;

    DiscardMarks(int size) {
        this.size = size;
    }

    void mark(long sequence) {
        long[] marks = (long[]) SLOTS.getAcquire(this);
        if (marks == null) {
            long[] fresh = new long[size];
            Arrays.fill(fresh, Sequence.INITIAL_VALUE);
            long[] witness = (long[]) SLOTS.compareAndExchange(this, null, fresh);
            marks = witness == null ? fresh : witness;
        }
        marks[(int) sequence & (size - 1)] = sequence;
    }

    /** Whether any of {@code sources} marked {@code sequence}: the check of a consumer behind all of them. */
    static boolean anyMarked(DiscardMarks[] sources, long sequence) {
        for (DiscardMarks marks : sources) {
            if (marks.isMarked(sequence)) {
                return true;
            }
        }
        return false;
    }

    boolean isMarked(long sequence) {
        long[] marks = (long[]) SLOTS.getAcquire(this);
        return marks != null && marks[(int) sequence & (size - 1)] == sequence;
    }
}
