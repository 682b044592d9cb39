package io.github.disruptor.spring.actuate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import io.github.disruptor.spring.DisruptorRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * The {@code disruptor} health contributor: one component per ring of a {@link DisruptorRegistry},
 * named after the ring, including rings registered later. A ring is DOWN when a handler has halted or
 * its thread died, when the ring is not running while the application runs, or when it has stayed
 * full for at least {@code fullThreshold}; its details show the state, the remaining capacity and
 * each handler's stage, lag and state.
 */
public final class DisruptorHealthContributor implements CompositeHealthContributor {

    private final Map<String, RingHealthIndicator> rings = new ConcurrentSkipListMap<>();

    /**
     * Creates the contributor.
     *
     * @param registry the rings to report
     * @param fullThreshold how long a ring may stay full before it is DOWN; not negative
     * @param retryingThreshold how long a handler may retry without progress before its ring is DOWN; not
     *        negative
     * @param applicationRunning whether the rings should be running now (false while the application
     *        starts or stops, when rings are legitimately new or stopped)
     */
    public DisruptorHealthContributor(DisruptorRegistry registry, Duration fullThreshold, Duration retryingThreshold,
            BooleanSupplier applicationRunning) {
        this(registry, fullThreshold, retryingThreshold, applicationRunning, System::nanoTime);
    }

    DisruptorHealthContributor(DisruptorRegistry registry, Duration fullThreshold, Duration retryingThreshold,
            BooleanSupplier applicationRunning, LongSupplier nanoClock) {
        DisruptorHealthProperties.checkFullThreshold(fullThreshold);
        DisruptorHealthProperties.checkRetryingThreshold(retryingThreshold);
        registry.onRegistration(ring -> rings.put(ring.name(),
                new RingHealthIndicator(ring, fullThreshold, retryingThreshold, applicationRunning, nanoClock)));
    }

    @Override
    public @Nullable HealthContributor getContributor(String name) {
        return rings.get(name);
    }

    @Override
    public Stream<Entry> stream() {
        return rings.entrySet().stream().map(ring -> new Entry(ring.getKey(), ring.getValue()));
    }
}
