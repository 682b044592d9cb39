package io.github.disruptor.core;

import static io.github.disruptor.core.Sequencer.NO_CAPACITY;
import static io.github.disruptor.core.Sequencer.NO_DEADLINE;
import static io.github.disruptor.core.Sequencer.NO_WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Sequencer} does, run once per sequencer by its subclass: claims, the wrap that
 * never overtakes the slowest gating sequence, the no-wait and deadline answers, close releasing a
 * waiting claim, capacity, and the signal to the wait strategy.
 *
 * <p>The ring has {@value #SIZE} slots and two gating sequences, {@code fast} and {@code slowest}
 * (the last-stage handlers), both at -1: nothing has been handled yet.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a broken claim or wait fails, not hangs
abstract class SequencerTest {

    static final int SIZE = 8;
    static final Duration PATIENCE = Background.PATIENCE;

    final SignalCounter waitStrategy = new SignalCounter();
    final Sequence fast = new Sequence();
    final Sequence slowest = new Sequence();
    final Sequencer sequencer = newSequencer("ring", SIZE, waitStrategy);
    private Background<?> background;

    SequencerTest() {
        sequencer.setGatingSequences(new Sequence[] {fast, slowest});
    }

    abstract Sequencer newSequencer(String ringName, int size, WaitStrategy waitStrategy);

    @AfterEach
    void stopTheBackgroundProducer() throws InterruptedException {
        if (background != null) {
            sequencer.close(Sequencer.SHUT_DOWN);
            background.awaitEnd();
        }
    }

    @Test
    void aFreshSequencerHasClaimedNothingAndTheWholeRingIsFree() {
        assertThat(sequencer.cursor()).isEqualTo(Sequence.INITIAL_VALUE);
        assertThat(sequencer.claimedSoFar()).isEqualTo(Sequence.INITIAL_VALUE);
        assertThat(sequencer.remainingCapacity()).isEqualTo(SIZE);
        assertThat(sequencer.isClosed()).isFalse();
    }

    @Test
    void claimsHandOutConsecutiveSequencesAndABatchClaimAnswersItsHighest() {
        assertThat(claimAndPublish(1)).isZero();
        assertThat(claimAndPublish(3)).isEqualTo(3);
        assertThat(claimAndPublish(1)).isEqualTo(4);
        assertThat(sequencer.cursor()).isEqualTo(4);
        assertThat(sequencer.claimedSoFar()).isEqualTo(4);
    }

    @Test
    void aClaimNeverOvertakesTheSlowestGatingSequence() {
        claimAndPublish(SIZE);
        fast.set(SIZE - 1);
        assertThat(sequencer.next(1, NO_WAIT)).as("slot 0 is still unhandled by the slowest").isEqualTo(NO_CAPACITY);

        slowest.set(0);
        long claimed = sequencer.next(1, NO_WAIT);
        assertThat(claimed).as("slot 0 again, one lap later").isEqualTo(SIZE);
        sequencer.publish(claimed, claimed);
        assertThat(sequencer.next(1, NO_WAIT)).as("slot 1 is still unhandled by the slowest").isEqualTo(NO_CAPACITY);
        assertThat(sequencer.claimedSoFar()).isEqualTo(SIZE);
        assertThat(sequencer.cursor()).isEqualTo(SIZE);
    }

    @Test
    void aBatchClaimTakesAllItsSlotsOrNone() {
        claimAndPublish(SIZE - 1);
        assertThat(sequencer.next(2, NO_WAIT)).as("two slots wanted, one free").isEqualTo(NO_CAPACITY);
        assertThat(sequencer.claimedSoFar()).isEqualTo(SIZE - 2);
        assertThat(sequencer.remainingCapacity()).isOne();
        assertThat(sequencer.next(1, NO_WAIT)).isEqualTo(SIZE - 1);
    }

    @Test
    void aDeadlineThatPassesAnswersNoCapacityAndClaimsNothing() {
        claimAndPublish(SIZE);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(50);

        assertThat(sequencer.next(1, deadline)).isEqualTo(NO_CAPACITY);
        assertThat(System.nanoTime() - deadline).as("nanoseconds past the deadline when it gave up").isNotNegative();
        assertThat(sequencer.claimedSoFar()).isEqualTo(SIZE - 1);

        slowest.set(0);
        fast.set(0);
        assertThat(sequencer.next(1, System.nanoTime() + PATIENCE.toNanos())).as("free now: no wait at all").isEqualTo(SIZE);
    }

    @Test
    void aWaitingClaimGoesAheadOneSlotForEachSlotTheSlowestFrees() throws Exception {
        claimAndPublish(SIZE);
        fast.set(SIZE - 1);
        int claims = 3;
        Background<Void> producer = inBackground(() -> {
            for (int i = 0; i < claims; i++) {
                long claimed = sequencer.next(1, NO_DEADLINE);
                long slowestWhenClaimed = slowest.get();
                assertThat(claimed - SIZE).as("claimed %d while the slowest handler was at %d", claimed, slowestWhenClaimed)
                        .isLessThanOrEqualTo(slowestWhenClaimed);
                sequencer.publish(claimed, claimed);
            }
            return null;
        });
        for (int freed = 0; freed < claims; freed++) {
            long published = SIZE - 1 + freed;
            awaitBackgroundWaitingForSpace();
            assertThat(sequencer.cursor()).as("claimed while waiting for slot %d", freed).isEqualTo(published);
            slowest.set(freed);
            await("the producer to claim and publish " + (published + 1)).atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                    .untilAsserted(() -> assertThat(sequencer.cursor()).isEqualTo(published + 1));
        }
        producer.result();
    }

    @Test
    void aStopReleasesAWaitingClaimAndRefusesClaimsUntilTheSequencerOpensAgain() throws Exception {
        Background<Long> waiting = fillAndWaitForOneMore();

        sequencer.close(Sequencer.STOPPED);

        assertThatThrownBy(waiting::result)
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(DisruptorClosedException.class)
                .hasMessageContaining("Disruptor 'ring' is stopped and refuses events until start() runs it again")
                .hasMessageContaining("last claimed sequence: " + (SIZE - 1));
        assertThat(sequencer.claimedSoFar()).as("the released claim took nothing").isEqualTo(SIZE - 1);
        slowest.set(SIZE - 1);
        fast.set(SIZE - 1);
        assertThatThrownBy(() -> sequencer.next(1, NO_WAIT)).as("refused even with space")
                .isInstanceOf(DisruptorClosedException.class);

        sequencer.open();
        assertThat(claimAndPublish(1)).isEqualTo(SIZE);
    }

    @Test
    void aShutdownReleasesAWaitingClaimForGood() throws Exception {
        Background<Long> waiting = fillAndWaitForOneMore();

        sequencer.close(Sequencer.SHUT_DOWN);

        assertThatThrownBy(waiting::result)
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(DisruptorClosedException.class)
                .hasMessageContaining("Disruptor 'ring' is shut down and accepts no more events");
        assertThat(sequencer.isClosed()).isTrue();
        assertThat(sequencer.claimedSoFar()).isEqualTo(SIZE - 1);
    }

    @Test
    void remainingCapacityCountsTheSlotsTheSlowestGatingSequenceHasFreed() {
        claimAndPublish(3);
        assertThat(sequencer.remainingCapacity()).isEqualTo(SIZE - 3);
        fast.set(2);
        assertThat(sequencer.remainingCapacity()).as("the slowest still holds every slot").isEqualTo(SIZE - 3);
        slowest.set(1);
        assertThat(sequencer.remainingCapacity()).isEqualTo(SIZE - 1);
    }

    @Test
    void everyPublishSignalsTheWaitStrategyOnceEvenForABatch() {
        claimAndPublish(1);
        assertThat(waitStrategy.signals).hasValue(1);
        claimAndPublish(4);
        assertThat(waitStrategy.signals).hasValue(2);
    }

    /** Claims {@code n} slots without waiting for space and publishes them; answers the highest. */
    final long claimAndPublish(int n) {
        long high = sequencer.next(n, NO_WAIT);
        assertThat(high).as("a claim of %d slots", n).isNotEqualTo(NO_CAPACITY);
        sequencer.publish(high - n + 1, high);
        return high;
    }

    /** Fills the ring and starts a producer that waits for one more slot. */
    final Background<Long> fillAndWaitForOneMore() {
        claimAndPublish(SIZE);
        Background<Long> waiting = inBackground(() -> {
            long claimed = sequencer.next(1, NO_DEADLINE);
            sequencer.publish(claimed, claimed);
            return claimed;
        });
        awaitBackgroundWaitingForSpace();
        return waiting;
    }

    /** Runs {@code task} as a second producer, on a thread of its own; the test releases it at the latest when it ends. */
    final <T> Background<T> inBackground(Callable<T> task) {
        assertThat(background).as("one background producer per test").isNull();
        Background<T> started = Background.start("background producer", task);
        background = started;
        return started;
    }

    /** A waiting claim parks between its checks of the gating sequences (after a few spins). */
    final void awaitBackgroundWaitingForSpace() {
        background.awaitState(Thread.State.TIMED_WAITING);
    }

    /** Counts the signals a sequencer sends; producers never wait through the wait strategy. */
    static final class SignalCounter implements WaitStrategy {
        final AtomicInteger signals = new AtomicInteger();

        @Override
        public long waitFor(long sequence, Sequence dependency, SequenceBarrier barrier) {
            throw new UnsupportedOperationException("a sequencer does not wait through its wait strategy");
        }

        @Override
        public void signalAllWhenBlocking() {
            signals.incrementAndGet();
        }

        @Override
        public String name() {
            return "signal-counter";
        }
    }
}
