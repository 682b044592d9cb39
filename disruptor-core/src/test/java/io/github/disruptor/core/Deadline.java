package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline: the only way the core tests wait for other threads. */
final class Deadline {

    static final Duration DEFAULT = Duration.ofSeconds(20);

    private Deadline() {
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, DEFAULT, condition, () -> "");
    }

    static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        await(what, DEFAULT, condition, state);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + timeout + " waiting for " + what + "; " + state.get());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
