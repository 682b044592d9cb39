package io.github.disruptor.core;

import static io.github.disruptor.core.Sequencer.NO_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ProcessingSequenceBarrier}: a first-stage barrier of a multi-producer ring hands out only
 * the slots published without a gap, a barrier behind an upstream stage trusts that stage, and an
 * alert stops every wait until it is cleared.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a broken claim or wait fails, not hangs
class ProcessingSequenceBarrierTest {

    private final WaitStrategy strategy = new BusySpinWaitStrategy();

    @Test
    void aFirstStageBarrierOfAMultiProducerRingStopsBeforeTheFirstUnpublishedSlot() throws Exception {
        MultiProducerSequencer multi = new MultiProducerSequencer("multi", 16, strategy);
        ProcessingSequenceBarrier barrier = new ProcessingSequenceBarrier(multi, multi.cursor, true);
        multi.next(10, NO_DEADLINE);
        multi.publish(0, 4);
        multi.publish(6, 9);

        assertThat(barrier.waitFor(0)).as("the cursor is at 9, slot 5 is still being written").isEqualTo(4);
        assertThat(barrier.waitFor(5)).as("one before the sequence asked for: ask again").isEqualTo(4);

        multi.publish(5, 5);
        assertThat(barrier.waitFor(5)).isEqualTo(9);
    }

    @Test
    void aFirstStageBarrierOfASingleProducerRingTrustsTheCursor() throws Exception {
        SingleProducerSequencer single = new SingleProducerSequencer("single", 16, strategy);
        ProcessingSequenceBarrier barrier = new ProcessingSequenceBarrier(single, single.cursor, true);
        single.publish(0, single.next(6, NO_DEADLINE));

        assertThat(barrier.waitFor(2)).isEqualTo(5);
    }

    @Test
    void aBarrierBehindAnUpstreamStageTrustsThatStageWithoutCheckingSlots() throws Exception {
        MultiProducerSequencer multi = new MultiProducerSequencer("multi", 16, strategy);
        Sequence first = new Sequence(7);
        Sequence second = new Sequence(4);
        ProcessingSequenceBarrier barrier =
                new ProcessingSequenceBarrier(multi, SequenceGroup.of(new Sequence[] {first, second}), false);

        assertThat(barrier.waitFor(3))
                .as("the stage's slowest handler; handlers only pass published events, so no flag is read")
                .isEqualTo(4);
    }

    @Test
    void anAlertStopsEveryWaitEvenForAnAvailableSequenceUntilItIsCleared() throws Exception {
        SingleProducerSequencer single = new SingleProducerSequencer("single", 16, strategy);
        ProcessingSequenceBarrier barrier = new ProcessingSequenceBarrier(single, single.cursor, true);
        single.publish(0, single.next(2, NO_DEADLINE));

        barrier.alert();
        assertThatThrownBy(() -> barrier.waitFor(0)).isSameAs(AlertException.INSTANCE);
        assertThatThrownBy(barrier::checkAlert).isSameAs(AlertException.INSTANCE);

        barrier.clearAlert();
        barrier.checkAlert();
        assertThat(barrier.waitFor(0)).as("a restarted processor waits again").isEqualTo(1);
    }

    @Test
    void anAlertWakesAProcessorParkedInTheWaitStrategy() throws Exception {
        BlockingWaitStrategy blocking = new BlockingWaitStrategy();
        SingleProducerSequencer single = new SingleProducerSequencer("single", 16, blocking);
        ProcessingSequenceBarrier barrier = new ProcessingSequenceBarrier(single, single.cursor, true);
        Background<Long> processor = Background.start("processor", () -> barrier.waitFor(0));
        try {
            processor.awaitState(Thread.State.WAITING);

            barrier.alert();

            assertThatThrownBy(processor::result).hasCause(AlertException.INSTANCE);
        } finally {
            processor.awaitEnd();
        }
    }
}
