package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * One task on a thread of its own, for the unit tests that need a second party (a producer waiting
 * for space, a processor waiting for a sequence): the test can watch that thread's state and get the
 * task's outcome with a deadline.
 */
final class Background<T> {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final String name;
    private final FutureTask<T> outcome;
    private final Thread thread;

    private Background(String name, Callable<T> task) {
        this.name = name;
        this.outcome = new FutureTask<>(task);
        this.thread = new Thread(outcome, name);
        thread.setDaemon(true); // a test that fails to release it must not keep the JVM alive
    }

    /** Starts {@code task} on a new thread named {@code name}. */
    static <T> Background<T> start(String name, Callable<T> task) {
        Background<T> background = new Background<>(name, task);
        background.thread.start();
        return background;
    }

    /**
     * What the task returned; an {@link java.util.concurrent.ExecutionException} whose cause is what
     * it threw, or a {@link java.util.concurrent.TimeoutException} if it has not ended in time.
     */
    T result() throws Exception {
        return outcome.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isDone() {
        return outcome.isDone();
    }

    /** Waits until the thread is in {@code state}, such as parked ({@code WAITING}) in a wait. */
    void awaitState(Thread.State state) {
        await(name + " to be " + state).atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(thread.getState()).isEqualTo(state));
    }

    void interrupt() {
        thread.interrupt();
    }

    /** Waits for the thread to end, once the test has released it. */
    void awaitEnd() throws InterruptedException {
        thread.join(PATIENCE.toMillis());
        assertThat(thread.isAlive()).as("%s still running", name).isFalse();
    }
}
