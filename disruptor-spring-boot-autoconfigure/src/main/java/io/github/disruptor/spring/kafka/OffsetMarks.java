package io.github.disruptor.spring.kafka;

/**
 * The offsets of one partition waiting for the handlers: a first-in first-out queue of
 * (sequence, next offset) pairs, one per record taken from the partition. The offset becomes committable
 * once every handler has passed the sequence. Owned by the consumer thread; the arrays grow by doubling
 * and are reused, so steady-state use allocates nothing.
 */
final class OffsetMarks {

    private long[] sequences = new long[64];
    private long[] offsets = new long[64];
    private int head;
    private int size;

    /** Records that {@code nextOffset} may be committed once {@code sequence} is handled; both only grow. */
    void add(long sequence, long nextOffset) {
        if (size == sequences.length) {
            grow();
        }
        int tail = (head + size) & (sequences.length - 1);
        sequences[tail] = sequence;
        offsets[tail] = nextOffset;
        size++;
    }

    /**
     * Removes every mark whose sequence is at or below {@code handled}.
     *
     * @return the highest offset among them, or -1 if there were none
     */
    long takeCommittable(long handled) {
        long committable = -1;
        while (size > 0 && sequences[head] <= handled) {
            committable = offsets[head];
            head = (head + 1) & (sequences.length - 1);
            size--;
        }
        return committable;
    }

    /** How many records wait for the handlers. */
    int size() {
        return size;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private void grow() {
        long[] newSequences = new long[sequences.length * 2];
        long[] newOffsets = new long[offsets.length * 2];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (sequences.length - 1);
            newSequences[i] = sequences[from];
            newOffsets[i] = offsets[from];
        }
        sequences = newSequences;
        offsets = newOffsets;
        head = 0;
    }
}
