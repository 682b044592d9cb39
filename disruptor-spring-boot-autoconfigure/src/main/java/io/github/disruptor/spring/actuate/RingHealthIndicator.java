package io.github.disruptor.spring.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorMonitor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.core.HandlerState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one ring, from its monitor. DOWN, with the reasons in the {@code problems} detail,
 * when a handler has halted or its thread died, when the ring is not running while the application
 * runs, or when the ring has stayed full longer than the threshold.
 */
final class RingHealthIndicator implements HealthIndicator {

    private final Disruptor<?> disruptor;
    private final Duration fullThreshold;
    private final BooleanSupplier applicationRunning;
    private final LongSupplier nanoClock;
    private boolean full;
    private long fullSince;

    RingHealthIndicator(Disruptor<?> disruptor, Duration fullThreshold, BooleanSupplier applicationRunning,
            LongSupplier nanoClock) {
        this.disruptor = disruptor;
        this.fullThreshold = fullThreshold;
        this.applicationRunning = applicationRunning;
        this.nanoClock = nanoClock;
    }

    @Override
    public Health health() {
        DisruptorMonitor ring = disruptor.monitor();
        DisruptorState state = ring.state();
        List<String> problems = new ArrayList<>();
        if (state != DisruptorState.RUNNING && applicationRunning.getAsBoolean()) {
            problems.add("the ring is " + state + " while the application runs");
        }
        Map<String, Object> handlers = new LinkedHashMap<>();
        for (HandlerMonitor handler : ring.handlers()) {
            HandlerState handlerState = handler.state();
            if (handlerState == HandlerState.HALTED) {
                problems.add("handler '" + handler.name() + "' halted before sequence " + (handler.sequence() + 1)
                        + " after " + handler.errorCount() + " error(s); see the log");
            } else if (handlerState == HandlerState.RUNNING && state == DisruptorState.RUNNING
                    && !handler.isThreadAlive()) {
                problems.add("the thread of handler '" + handler.name() + "' died");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("stage", handler.stage());
            details.put("lag", handler.lag());
            details.put("state", handlerState);
            handlers.put(handler.name(), details);
        }
        long remainingCapacity = ring.remainingCapacity();
        Health.Builder health = Health.up().withDetail("state", state).withDetail("ringSize", ring.ringSize())
                .withDetail("remainingCapacity", remainingCapacity);
        Duration fullFor = fullFor(remainingCapacity);
        if (fullFor != null) {
            health.withDetail("fullFor", fullFor.toString());
            if (fullFor.compareTo(fullThreshold) >= 0) {
                problems.add("the ring has been full for " + fullFor + ", which reaches "
                        + "management.health.disruptor.full-threshold (" + fullThreshold + ")");
            }
        }
        health.withDetail("handlers", handlers);
        if (!problems.isEmpty()) {
            health.down().withDetail("problems", problems);
        }
        return health.build();
    }

    /** How long every check in a row has seen the ring full, or {@code null} if this one did not. */
    private synchronized @Nullable Duration fullFor(long remainingCapacity) {
        long now = nanoClock.getAsLong();
        if (remainingCapacity > 0) {
            full = false;
            return null;
        }
        if (!full) {
            full = true;
            fullSince = now;
        }
        return Duration.ofNanos(now - fullSince);
    }
}
