package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The strategies that poll the dependency and never park for a signal: nobody has to signal them. */
abstract class PollingWaitStrategyTest extends WaitStrategyTest {

    @Test
    void seesTheDependencyMoveWithoutAnySignal() throws Exception {
        Background<Long> waiting = waitInBackground(4, dependency);
        awaitReads(dependency);

        dependency.set(4);

        assertThat(waiting.result()).isEqualTo(4);
    }
}
