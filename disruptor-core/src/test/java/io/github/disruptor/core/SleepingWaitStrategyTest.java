package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link SleepingWaitStrategy}: the contract of {@link WaitStrategyTest} and
 * {@link PollingWaitStrategyTest} with the default settings, and the parked phase on its own.
 */
class SleepingWaitStrategyTest extends PollingWaitStrategyTest {

    @Override
    WaitStrategy newStrategy() {
        return new SleepingWaitStrategy();
    }

    @Override
    String expectedName() {
        return "sleeping";
    }

    @Test
    void onceItParksItStillSeesAMoveThatNobodySignals() throws Exception {
        Background<Long> waiting = waitInBackground(new SleepingWaitStrategy(0, 1_000_000L), 3, dependency);
        waiting.awaitState(Thread.State.TIMED_WAITING);

        dependency.set(3);

        assertThat(waiting.result()).isEqualTo(3);
    }
}
