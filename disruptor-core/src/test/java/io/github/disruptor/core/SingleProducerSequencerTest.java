package io.github.disruptor.core;

import static io.github.disruptor.core.Sequencer.NO_CAPACITY;
import static io.github.disruptor.core.Sequencer.NO_DEADLINE;
import static io.github.disruptor.core.Sequencer.NO_WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * {@link SingleProducerSequencer}: besides what {@link SequencerTest} checks, a cursor that moves
 * only on publish, and the check that refuses a claim made while another claim is in flight.
 */
class SingleProducerSequencerTest extends SequencerTest {

    @Override
    Sequencer newSequencer(String ringName, int size, WaitStrategy waitStrategy) {
        return new SingleProducerSequencer(ringName, size, waitStrategy);
    }

    @Test
    void theCursorMovesOnlyWhenTheClaimIsPublishedSoProcessorsNeedNoPerSlotCheck() {
        long claimed = sequencer.next(3, NO_DEADLINE);
        assertThat(claimed).isEqualTo(2);
        assertThat(sequencer.claimedSoFar()).isEqualTo(2);
        assertThat(sequencer.cursor()).as("claimed, not yet published").isEqualTo(Sequence.INITIAL_VALUE);

        sequencer.publish(0, 2);
        assertThat(sequencer.cursor()).isEqualTo(2);
        assertThat(sequencer.cursorMayRunAhead()).isFalse();
        assertThat(sequencer.highestPublished(0, 2)).as("whatever the cursor reached is published").isEqualTo(2);
    }

    @Test
    void aClaimFromAnotherThreadWhileOneIsInFlightIsRefused() throws Exception {
        assertThat(sequencer.next(1, NO_DEADLINE)).isZero();

        Background<Long> intruder = inBackground(() -> sequencer.next(1, NO_WAIT));
        assertThatThrownBy(intruder::result)
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Disruptor 'ring' uses the single-producer sequencer, but two threads claimed "
                        + "slots at the same time (claimed up to 0, published up to -1); this call published nothing")
                .hasMessageContaining("DisruptorBuilder.withMultiProducerSequencer()")
                .hasMessageContaining("disruptor.rings.ring.sequencer: multi");
        assertThat(sequencer.concurrentClaims()).isOne();
        assertThat(sequencer.claimedSoFar()).as("the refused claim took no slot").isZero();

        sequencer.publish(0, 0);
        assertThat(sequencer.next(1, NO_DEADLINE)).isOne();
    }

    @Test
    void aClaimThatGotNoSpaceOrWasRefusedLeavesNoClaimInFlight() {
        claimAndPublish(SIZE);
        assertThat(sequencer.next(1, NO_WAIT)).isEqualTo(NO_CAPACITY);
        sequencer.close(Sequencer.STOPPED);
        assertThatThrownBy(() -> sequencer.next(1, NO_WAIT)).isInstanceOf(DisruptorClosedException.class);
        sequencer.open();
        slowest.set(0);
        fast.set(0);

        assertThat(sequencer.next(1, NO_WAIT)).isEqualTo(SIZE);
        assertThat(sequencer.concurrentClaims()).isZero();
    }
}
