package io.github.disruptor.spring.actuate;

import org.springframework.context.SmartLifecycle;

/**
 * Whether the application is running, as the health contributor needs it: true from the last
 * lifecycle phase of startup to the first of shutdown. Rings start in an earlier phase and stop in a
 * later one, so a ring that is not running while this says true has stopped or never started.
 */
final class ApplicationRunningState implements SmartLifecycle {

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
