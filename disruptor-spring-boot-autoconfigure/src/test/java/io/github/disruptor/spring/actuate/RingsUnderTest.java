package io.github.disruptor.spring.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.spring.DisruptorRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The rings of one test, as a JUnit extension ({@code @RegisterExtension}): {@link #start} starts rings
 * and registers them in {@link #registry()}; after the test, {@link #release()} is counted down, so no
 * handler stays blocked, and every started ring is shut down.
 */
final class RingsUnderTest implements AfterEachCallback {

    private final DisruptorRegistry registry = new DisruptorRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<TestRings> started = new ArrayList<>();

    /** The registry the rings are registered in. */
    DisruptorRegistry registry() {
        return registry;
    }

    /** What a {@link TestRings#blockedUntil} ring of this test waits for. */
    CountDownLatch release() {
        return release;
    }

    /** Starts {@code rings} and registers them. */
    void start(Disruptor<?>... rings) {
        started.add(TestRings.startAndRegister(registry, rings));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        release.countDown();
        started.forEach(TestRings::close);
    }
}
