package io.github.disruptor.core;

import static io.github.disruptor.core.Sequencer.NO_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WaitStrategy} does, run once per strategy by its subclass: it returns what the
 * dependency reached once that is at least the sequence wanted (at once if it already is), whether the
 * dependency is the cursor or an upstream stage, and an alert ends the wait.
 *
 * <p>The dependency counts its reads, so a test knows the waiter is inside its wait loop (it has
 * read the dependency at least twice) before it moves anything. Whoever advances a dependency then
 * signals the strategy, as producers and handlers do.
 */
abstract class WaitStrategyTest {

    static final Duration PATIENCE = Background.PATIENCE;

    final WaitStrategy strategy = newStrategy();
    final MultiProducerSequencer sequencer = new MultiProducerSequencer("waits", 16, strategy);
    /** Raises the alerts; the strategy is tested directly, so the barrier's own dependency is not used. */
    final ProcessingSequenceBarrier barrier = new ProcessingSequenceBarrier(sequencer, sequencer.cursor, true);
    final WatchedSequence dependency = new WatchedSequence();
    private final List<Background<Long>> waiters = new ArrayList<>();
    private final List<WaitStrategy> waitedThrough = new ArrayList<>();

    abstract WaitStrategy newStrategy();

    /** The name configuration and the monitor use for this strategy. */
    abstract String expectedName();

    @AfterEach
    void releaseTheWaiters() throws InterruptedException {
        barrier.alert();
        waitedThrough.forEach(WaitStrategy::signalAllWhenBlocking);
        for (Background<Long> waiter : waiters) {
            waiter.awaitEnd();
        }
    }

    @Test
    void isNamedAsConfigurationNamesIt() {
        assertThat(strategy.name()).isEqualTo(expectedName());
    }

    @Test
    void returnsAtOnceWhatTheDependencyHasAlreadyReached() throws Exception {
        dependency.set(9);
        assertThat(waitInBackground(9, dependency).result()).isEqualTo(9);
        assertThat(waitInBackground(4, dependency).result()).as("what it saw, not what was asked").isEqualTo(9);
    }

    @Test
    void waitsUntilTheDependencyReachesTheSequence() throws Exception {
        Background<Long> waiting = waitInBackground(5, dependency);
        awaitReads(dependency);

        advance(dependency, 2);
        advance(dependency, 5);

        assertThat(waiting.result()).as("what the waiter saw; 2 was not enough").isEqualTo(5);
    }

    @Test
    void waitsUntilEveryHandlerOfTheUpstreamStageHasPassedTheSequence() throws Exception {
        WatchedSequence fast = new WatchedSequence();
        WatchedSequence slow = new WatchedSequence();
        Background<Long> waiting = waitInBackground(3, SequenceGroup.of(new Sequence[] {fast, slow}));
        awaitReads(fast);

        advance(fast, 7);
        advance(slow, 1);
        advance(slow, 3);

        assertThat(waiting.result()).as("the slowest of the stage").isEqualTo(3);
    }

    @Test
    void waitsUntilAProducerPublishes() throws Exception {
        Background<Long> waiting = waitInBackground(2, sequencer.cursor);
        awaitWaiterInsideItsWait();

        long high = sequencer.next(3, NO_DEADLINE);
        sequencer.publish(0, high);

        assertThat(waiting.result()).isEqualTo(2);
    }

    @Test
    void anAlertEndsTheWait() throws Exception {
        Background<Long> waiting = waitInBackground(5, dependency);
        awaitReads(dependency);

        barrier.alert();

        assertThatThrownBy(waiting::result).isInstanceOf(ExecutionException.class).cause()
                .isSameAs(AlertException.INSTANCE);
    }

    @Test
    void anAlertRaisedBeforeTheWaitEndsItAtOnce() {
        barrier.alert();
        Background<Long> waiting = waitInBackground(0, dependency);
        assertThatThrownBy(waiting::result).isInstanceOf(ExecutionException.class).cause()
                .isSameAs(AlertException.INSTANCE);
    }

    /**
     * Starts a processor thread that waits for {@code sequence} of {@code on} (on a thread of its own
     * even where the answer should come at once: a broken strategy must fail the test, not hang it).
     */
    final Background<Long> waitInBackground(long sequence, Sequence on) {
        return waitInBackground(strategy, sequence, on);
    }

    /** The same through another strategy than the one under test, such as one with a short timeout. */
    final Background<Long> waitInBackground(WaitStrategy through, long sequence, Sequence on) {
        Background<Long> waiter = Background.start("waiter " + (waiters.size() + 1) + " for " + sequence,
                () -> through.waitFor(sequence, on, barrier));
        waiters.add(waiter);
        waitedThrough.add(through);
        return waiter;
    }

    /** Moves {@code sequence} on and signals, as a producer or a handler does. */
    final void advance(Sequence sequence, long to) {
        sequence.set(to);
        strategy.signalAllWhenBlocking();
    }

    /** Waits until the waiter has read {@code watched} twice: it is inside its wait loop. */
    final void awaitReads(WatchedSequence watched) {
        await("the waiter to read its dependency twice").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(watched.reads).hasValueGreaterThanOrEqualTo(2));
    }

    /** For a dependency the test cannot watch: the strategies that park can be seen parking. */
    void awaitWaiterInsideItsWait() {
    }

    /** The waiter started last. */
    final Background<Long> waiter() {
        return waiters.get(waiters.size() - 1);
    }

    /** A sequence that counts how often it was read. */
    static final class WatchedSequence extends Sequence {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public long get() {
            reads.incrementAndGet();
            return super.get();
        }
    }
}
