package io.github.disruptor.core;

/**
 * The event of every jcstress test: two plain fields that a producer writes for a sequence. A reader
 * can tell a fully written slot from a stale or half-written one, because the payload is derived from
 * the sequence and neither field matches until both stores are visible.
 */
public final class Slot {

    private static final long PAYLOAD_MASK = 0x5DEECE66DL;

    long sequence = Sequence.INITIAL_VALUE;
    long payload = Sequence.INITIAL_VALUE;

    void write(long forSequence) {
        sequence = forSequence;
        payload = forSequence ^ PAYLOAD_MASK;
    }

    /** Writes only the first field: what a translator leaves behind when it throws half-way. */
    void writeHalf(long forSequence) {
        sequence = forSequence;
    }

    boolean isWrittenFor(long expectedSequence) {
        return sequence == expectedSequence && payload == (expectedSequence ^ PAYLOAD_MASK);
    }
}
