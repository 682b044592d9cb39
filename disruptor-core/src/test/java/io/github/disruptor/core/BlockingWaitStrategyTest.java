package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingWaitStrategy} without a timeout: the contract of {@link WaitStrategyTest}, and
 * parking: a waiter parks until a signal, an interrupt ends a parked wait, and no signal is lost
 * between a waiter's last check and its park.
 */
class BlockingWaitStrategyTest extends WaitStrategyTest {

    private static final int HAND_OVERS = 10_000;

    @Override
    WaitStrategy newStrategy() {
        return new BlockingWaitStrategy();
    }

    @Override
    String expectedName() {
        return "blocking";
    }

    /** The state of a thread parked in this strategy's wait. */
    Thread.State parkedState() {
        return Thread.State.WAITING;
    }

    @Override
    void awaitWaiterInsideItsWait() {
        waiter().awaitState(parkedState());
    }

    @Test
    void parksUntilTheSignalThatFollowsTheMove() throws Exception {
        Background<Long> waiting = waitInBackground(0, dependency);
        waiting.awaitState(parkedState());

        advance(dependency, 0);

        assertThat(waiting.result()).isZero();
    }

    @Test
    void parksBehindAStalledUpstreamStageUntilItMoves() throws Exception {
        Sequence upstream = new Sequence();
        Background<Long> waiting = waitInBackground(0, SequenceGroup.of(new Sequence[] {upstream, new Sequence(5)}));
        waiting.awaitState(parkedState());

        advance(upstream, 0);

        assertThat(waiting.result()).isZero();
    }

    @Test
    void anInterruptEndsAParkedWait() {
        Background<Long> waiting = waitInBackground(0, dependency);
        waiting.awaitState(parkedState());

        waiting.interrupt();

        assertThatThrownBy(waiting::result).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(InterruptedException.class);
    }

    /**
     * Two parties hand a sequence back and forth {@value #HAND_OVERS} times, each parking on the
     * strategy until the other moves: a signal lost between a waiter's check and its park would
     * leave both parked for good (and the test failing at its deadline).
     */
    @Test
    void noSignalIsLostBetweenAWaitersLastCheckAndItsPark() throws Exception {
        Sequence ping = new Sequence();
        Sequence pong = new Sequence();
        Background<Long> echo = Background.start("echo", () -> {
            for (long round = 0; round < HAND_OVERS; round++) {
                strategy.waitFor(round, ping, barrier);
                advance(pong, round);
            }
            return pong.get();
        });
        Background<Long> caller = Background.start("caller", () -> {
            for (long round = 0; round < HAND_OVERS; round++) {
                advance(ping, round);
                strategy.waitFor(round, pong, barrier);
            }
            return ping.get();
        });
        try {
            assertThat(caller.result()).isEqualTo(HAND_OVERS - 1L);
            assertThat(echo.result()).isEqualTo(HAND_OVERS - 1L);
        } finally {
            barrier.alert(); // releases both if a lost signal left them parked
            caller.awaitEnd();
            echo.awaitEnd();
        }
    }
}
