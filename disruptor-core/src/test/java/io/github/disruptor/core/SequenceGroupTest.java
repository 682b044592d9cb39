package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link SequenceGroup}: the progress of a whole stage, the minimum of its members' sequences. */
class SequenceGroupTest {

    @Test
    void aGroupOfOneIsThatSequenceItselfWithNoIndirection() {
        Sequence only = new Sequence(4L);
        assertThat(SequenceGroup.of(new Sequence[] {only})).isSameAs(only);
    }

    @Test
    void aGroupIsTheMinimumOfItsMembersAndFollowsThemLive() {
        Sequence fast = new Sequence(9L);
        Sequence slow = new Sequence(3L);
        Sequence stage = SequenceGroup.of(new Sequence[] {fast, slow});
        assertThat(stage.get()).isEqualTo(3L);

        slow.set(12L);
        assertThat(stage.get()).as("the other member is now the slowest").isEqualTo(9L);
        fast.set(20L);
        assertThat(stage.get()).isEqualTo(12L);
        assertThat(stage).hasToString("12");
    }

    @Test
    void aStageThatHasHandledNothingStandsAtTheInitialValue() {
        Sequence stage = SequenceGroup.of(new Sequence[] {new Sequence(), new Sequence(), new Sequence(5L)});
        assertThat(stage.get()).isEqualTo(Sequence.INITIAL_VALUE);
    }

    @Test
    void aGroupKeepsItsOwnCopyOfTheMembers() {
        Sequence first = new Sequence(1L);
        Sequence second = new Sequence(2L);
        Sequence[] members = {first, second};
        Sequence stage = SequenceGroup.of(members);

        members[0] = new Sequence(-5L);
        assertThat(stage.get()).as("replacing an element of the caller's array changes nothing").isEqualTo(1L);
    }

    @Test
    void theMinimumIsCappedByTheCeilingAndIsTheCeilingForNoSequencesAtAll() {
        Sequence[] gating = {new Sequence(7L), new Sequence(5L)};
        assertThat(SequenceGroup.minimum(gating, Long.MAX_VALUE)).isEqualTo(5L);
        assertThat(SequenceGroup.minimum(gating, 6L)).isEqualTo(5L);
        assertThat(SequenceGroup.minimum(gating, 2L)).as("a ceiling below every member").isEqualTo(2L);
        assertThat(SequenceGroup.minimum(new Sequence[0], 42L)).isEqualTo(42L);
    }
}
