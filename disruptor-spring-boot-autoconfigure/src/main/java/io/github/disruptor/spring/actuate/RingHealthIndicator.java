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
 * when a handler has halted or a handler thread died, when a handler has kept retrying without
 * progress longer than the retrying threshold, when the ring is not running while the application
 * runs, or when the ring has stayed full longer than the full threshold.
 *
 * <p>Both thresholds are measured by the checks themselves, with no work on the ring's threads: a ring
 * is full from the first check that finds no free slot until one finds a free slot; a handler retries
 * without progress from the first check that finds its retry count risen while its sequence has not
 * moved, until a check finds its sequence moved.
 */
final class RingHealthIndicator implements HealthIndicator {

    private final Disruptor<?> disruptor;
    private final Duration fullThreshold;
    private final Duration retryingThreshold;
    private final BooleanSupplier applicationRunning;
    private final LongSupplier nanoClock;
    /** Since when every check has seen the ring full, or {@code null}. */
    private @Nullable Long fullSince;
    /** What the checks have seen of each handler, by position in {@code monitor().handlers()}. */
    private final List<Progress> progress = new ArrayList<>();

    RingHealthIndicator(Disruptor<?> disruptor, Duration fullThreshold, Duration retryingThreshold,
            BooleanSupplier applicationRunning, LongSupplier nanoClock) {
        this.disruptor = disruptor;
        this.fullThreshold = fullThreshold;
        this.retryingThreshold = retryingThreshold;
        this.applicationRunning = applicationRunning;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized Health health() {
        DisruptorMonitor ring = disruptor.monitor();
        DisruptorState state = ring.state();
        long now = nanoClock.getAsLong();
        List<String> problems = new ArrayList<>();
        if (state != DisruptorState.RUNNING && applicationRunning.getAsBoolean()) {
            problems.add("the ring is " + state + " while the application runs");
        }
        Map<String, Object> handlers = new LinkedHashMap<>();
        List<HandlerMonitor> monitors = ring.handlers();
        for (int i = 0; i < monitors.size(); i++) {
            HandlerMonitor handler = monitors.get(i);
            HandlerState handlerState = handler.state();
            Duration retryingFor = progress(i).retryingFor(handler, now);
            if (handlerState == HandlerState.HALTED) {
                problems.add("handler '" + handler.name() + "' halted before sequence " + (handler.sequence() + 1)
                        + " after " + handler.errorCount() + " error(s); see the log");
            } else if (state == DisruptorState.RUNNING) {
                deadThreads(handler).forEach(thread -> problems.add("the thread of " + thread + " died"));
            }
            if (retryingFor != null && retryingFor.compareTo(retryingThreshold) >= 0) {
                problems.add("handler '" + handler.name() + "' has retried the event at sequence "
                        + (handler.sequence() + 1) + " for " + retryingFor + " without progress ("
                        + handler.retryCount() + " retries so far), which reaches "
                        + "management.health.disruptor.retrying-threshold (" + retryingThreshold + ")");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("stage", handler.stage());
            details.put("lag", handler.lag());
            details.put("state", handlerState);
            details.put("errors", handler.errorCount());
            details.put("retries", handler.retryCount());
            details.put("discarded", handler.discardedCount());
            if (retryingFor != null) {
                details.put("retryingFor", retryingFor.toString());
            }
            handlers.put(handler.name(), details);
        }
        long remainingCapacity = ring.remainingCapacity();
        Health.Builder health = Health.up().withDetail("state", state).withDetail("ringSize", ring.ringSize())
                .withDetail("remainingCapacity", remainingCapacity);
        Duration fullFor = fullFor(remainingCapacity, now);
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

    /**
     * The running threads of {@code handler} that have died: {@code handler 'name'}, or for a handler on
     * several threads each dead one as {@code shard 'name[i]' of handler 'name'}. A poller has no thread.
     */
    private static List<String> deadThreads(HandlerMonitor handler) {
        if (handler.shards().isEmpty()) {
            return handler.state() == HandlerState.RUNNING && !handler.isThreadAlive()
                    ? List.of("handler '" + handler.name() + "'") : List.of();
        }
        return handler.shards().stream().filter(shard -> shard.state() == HandlerState.RUNNING && !shard.isThreadAlive())
                .map(shard -> "shard '" + shard.name() + "' of handler '" + handler.name() + "'").toList();
    }

    private Progress progress(int handler) {
        while (progress.size() <= handler) {
            progress.add(new Progress());
        }
        return progress.get(handler);
    }

    /** How long every check in a row has seen the ring full, or {@code null} if this one did not. */
    private @Nullable Duration fullFor(long remainingCapacity, long now) {
        if (remainingCapacity > 0) {
            fullSince = null;
            return null;
        }
        if (fullSince == null) {
            fullSince = now;
        }
        return Duration.ofNanos(now - fullSince);
    }

    /** What the checks have seen of one handler's sequence and retries. */
    private static final class Progress {

        private boolean seen;
        private long sequence;
        private long retriesAtLastProgress;
        private @Nullable Long retryingSince;

        /** How long the handler has retried without moving, or {@code null} if it has moved or does not retry. */
        @Nullable Duration retryingFor(HandlerMonitor handler, long now) {
            long currentSequence = handler.sequence();
            long retries = handler.retryCount();
            if (!seen || currentSequence != sequence) {
                seen = true;
                sequence = currentSequence;
                retriesAtLastProgress = retries;
                retryingSince = null;
                return null;
            }
            if (retryingSince == null && retries > retriesAtLastProgress) {
                retryingSince = now;
            }
            return retryingSince == null ? null : Duration.ofNanos(now - retryingSince);
        }
    }
}
