package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingWaitStrategy} with a timeout: everything {@link BlockingWaitStrategyTest} checks,
 * with a timeout too long to matter (so the timed park is exercised, and its saturated length), and
 * the timeout itself: a wait that sees no progress ends in {@link WaitTimeoutException}, also behind
 * an upstream stage and however often unrelated signals wake it.
 */
class BlockingWaitStrategyWithTimeoutTest extends BlockingWaitStrategyTest {

    private static final Duration TIMEOUT = Duration.ofMillis(50);

    @Override
    WaitStrategy newStrategy() {
        return new BlockingWaitStrategy(ChronoUnit.FOREVER.getDuration());
    }

    @Override
    Thread.State parkedState() {
        return Thread.State.TIMED_WAITING;
    }

    @Test
    void aWaitThatSeesNoProgressEndsInAWaitTimeoutOnceTheTimeoutHasPassed() {
        long start = System.nanoTime();
        Background<Long> waiting = waitInBackground(new BlockingWaitStrategy(TIMEOUT), 0, dependency);

        assertThatThrownBy(waiting::result).isInstanceOf(ExecutionException.class).cause()
                .isSameAs(WaitTimeoutException.INSTANCE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void aWaitBehindAStalledUpstreamStageTimesOutToo() {
        Sequence stalledStage = SequenceGroup.of(new Sequence[] {new Sequence(0), new Sequence()});
        Background<Long> waiting = waitInBackground(new BlockingWaitStrategy(TIMEOUT), 0, stalledStage);

        assertThatThrownBy(waiting::result).isInstanceOf(ExecutionException.class).cause()
                .isSameAs(WaitTimeoutException.INSTANCE);
    }

    /**
     * Other stages keep signalling, far more often than the timeout, while this waiter's dependency
     * stays put: the timeout still counts from the start of the wait. (A timeout restarted on every
     * wake-up would never run out here.)
     */
    @Test
    void signalsWithoutProgressForThisWaiterDoNotPutTheTimeoutOff() throws Exception {
        BlockingWaitStrategy timing = new BlockingWaitStrategy(Duration.ofMillis(300));
        Background<Long> waiting = waitInBackground(timing, 0, dependency);
        Background<Integer> otherStages = Background.start("other stages", () -> {
            int signals = 0;
            while (!waiting.isDone()) {
                timing.signalAllWhenBlocking(); // another handler moved: every waiter wakes and checks
                signals++;
                Thread.yield();
            }
            return signals;
        });

        assertThatThrownBy(waiting::result).isInstanceOf(ExecutionException.class).cause()
                .isSameAs(WaitTimeoutException.INSTANCE);
        assertThat(otherStages.result()).as("signals sent while it waited").isPositive();
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> new BlockingWaitStrategy(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive, was PT-0.001S");
        assertThatThrownBy(() -> new BlockingWaitStrategy(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("timeout");
    }
}
