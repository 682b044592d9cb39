package io.github.disruptor.core;

/**
 * A sequence whose value is the minimum of several others: the progress of a whole stage, as seen by
 * the stage behind it or by the producers that must not overwrite unfinished slots. Only barriers
 * hold a group, and they only read it.
 *
 * <p>It overrides nothing but {@link #get()} on purpose: while no loaded class overrides
 * {@link Sequence#set}, the JIT binds the cursor's and the handlers' release stores statically, with
 * no type check on the hot path.
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
}
