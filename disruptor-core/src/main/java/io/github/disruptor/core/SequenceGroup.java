package io.github.disruptor.core;

/**
 * A read-only sequence whose value is the minimum of several others: the progress of a whole stage,
 * as seen by the stage behind it or by the producers that must not overwrite unfinished slots.
 */
final class SequenceGroup extends Sequence {

    private final Sequence[] members;

    private SequenceGroup(Sequence[] members) {
        this.members = members;
    }

    /** The sequence itself if there is only one, otherwise a group over all of them. */
    static Sequence of(Sequence[] members) {
        return members.length == 1 ? members[0] : new SequenceGroup(members.clone());
    }

    /** The smallest value among {@code sequences}, or {@code ceiling} if that is smaller still. */
    static long minimum(Sequence[] sequences, long ceiling) {
        long minimum = ceiling;
        for (Sequence sequence : sequences) {
            long value = sequence.get();
            if (value < minimum) {
                minimum = value;
            }
        }
        return minimum;
    }

    @Override
    public long get() {
        return minimum(members, Long.MAX_VALUE);
    }

    @Override
    public void set(long value) {
        throw new UnsupportedOperationException("a sequence group is read-only");
    }

    @Override
    public void setVolatile(long value) {
        throw new UnsupportedOperationException("a sequence group is read-only");
    }

    @Override
    public boolean compareAndSet(long expected, long newValue) {
        throw new UnsupportedOperationException("a sequence group is read-only");
    }

    @Override
    public long addAndGet(long increment) {
        throw new UnsupportedOperationException("a sequence group is read-only");
    }
}
