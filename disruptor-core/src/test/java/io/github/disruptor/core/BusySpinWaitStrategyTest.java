package io.github.disruptor.core;

/** {@link BusySpinWaitStrategy}: the contract of {@link WaitStrategyTest} and {@link PollingWaitStrategyTest}. */
class BusySpinWaitStrategyTest extends PollingWaitStrategyTest {

    @Override
    WaitStrategy newStrategy() {
        return new BusySpinWaitStrategy();
    }

    @Override
    String expectedName() {
        return "busy-spin";
    }
}
