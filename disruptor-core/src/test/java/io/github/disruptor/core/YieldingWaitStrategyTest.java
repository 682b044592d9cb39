package io.github.disruptor.core;

/** {@link YieldingWaitStrategy}: the contract of {@link WaitStrategyTest} and {@link PollingWaitStrategyTest}. */
class YieldingWaitStrategyTest extends PollingWaitStrategyTest {

    @Override
    WaitStrategy newStrategy() {
        return new YieldingWaitStrategy();
    }

    @Override
    String expectedName() {
        return "yielding";
    }
}
