package io.github.disruptor.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorMonitor;
import io.github.disruptor.core.HandlerMonitor;

/**
 * Every ring of the application by name: the bean to look rings up at run time, and the one place
 * the observability layer (endpoint, metrics, health) learns about rings, including rings built after
 * it was configured.
 *
 * <p>Rings are kept in registration order. The auto-configuration registers a ring as soon as it is
 * built, and a ring that another ring's handlers publish to is built, and so registered, first; the
 * lifecycle starts rings in this order and drains them in reverse, so upstream rings drain into
 * downstream rings that still accept events.
 */
public final class DisruptorRegistry {

    private static final Log logger = LogFactory.getLog(DisruptorRegistry.class);
    /** Far enough to mean "no deadline", near enough that {@code System.nanoTime()} arithmetic cannot overflow. */
    private static final long MAX_TIMEOUT_NANOS = Long.MAX_VALUE / 4;

    private final Map<String, Disruptor<?>> rings = new LinkedHashMap<>();
    private final List<Consumer<Disruptor<?>>> listeners = new ArrayList<>();

    /**
     * Adds a ring and tells every listener.
     *
     * @throws IllegalStateException if another ring of the same name is registered already
     */
    public void register(Disruptor<?> disruptor) {
        synchronized (rings) {
            Disruptor<?> previous = rings.putIfAbsent(disruptor.name(), disruptor);
            if (previous != null && previous != disruptor) {
                throw new IllegalStateException("a ring named '" + disruptor.name() + "' is registered already");
            }
            if (previous == null) {
                listeners.forEach(listener -> listener.accept(disruptor));
            }
        }
    }

    /**
     * Calls {@code listener} for every ring registered so far and for every ring registered later,
     * exactly once per ring.
     */
    public void onRegistration(Consumer<Disruptor<?>> listener) {
        synchronized (rings) {
            listeners.add(listener);
            rings.values().forEach(listener);
        }
    }

    /** The ring named {@code name}, if any. */
    public Optional<Disruptor<?>> find(String name) {
        synchronized (rings) {
            return Optional.ofNullable(rings.get(name));
        }
    }

    /** Every registered ring, in registration order. */
    public Collection<Disruptor<?>> disruptors() {
        synchronized (rings) {
            return List.copyOf(rings.values());
        }
    }

    /**
     * Waits until every ring's handlers have handled every event published before this call, and every
     * event those handlers published into other rings on the way: for tests and batch jobs. Rings are
     * awaited upstream first (the reverse of registration order, since a ring that another ring's
     * handlers publish to is registered first), each within what is left of one overall {@code timeout}.
     *
     * @param timeout the most time to wait for all rings together
     * @return {@code true} once every ring is idle; {@code false} if the time ran out first or a halted
     *         handler makes it impossible, after logging (level WARN) each ring that is behind, with the
     *         sequence, lag and state of each handler that has not caught up
     */
    public boolean awaitIdle(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("awaitIdle timeout must not be negative, was " + timeout
                    + "; pass Duration.ZERO or more");
        }
        long timeoutNanos = timeout.compareTo(Duration.ofNanos(MAX_TIMEOUT_NANOS)) > 0 ? MAX_TIMEOUT_NANOS
                : timeout.toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        List<Disruptor<?>> upstreamFirst = new ArrayList<>(disruptors());
        Collections.reverse(upstreamFirst);
        for (Disruptor<?> ring : upstreamFirst) {
            if (!ring.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                logger.warn(notIdleReport(timeout, upstreamFirst));
                return false;
            }
        }
        return true;
    }

    private static String notIdleReport(Duration timeout, List<Disruptor<?>> rings) {
        StringBuilder report = new StringBuilder("Rings not idle within ").append(timeout).append(':');
        for (Disruptor<?> ring : rings) {
            DisruptorMonitor monitor = ring.monitor();
            long cursor = monitor.cursor();
            List<HandlerMonitor> behind = monitor.handlers().stream().filter(handler -> handler.sequence() < cursor)
                    .toList();
            if (behind.isEmpty()) {
                continue;
            }
            report.append("\n  ring '").append(ring.name()).append("' (").append(monitor.state()).append(", cursor ")
                    .append(cursor).append("):");
            for (HandlerMonitor handler : behind) {
                long lag = cursor - handler.sequence();
                report.append(" handler '").append(handler.name()).append("' (stage ").append(handler.stage())
                        .append(") at sequence ").append(handler.sequence()).append(", ").append(lag)
                        .append(lag == 1 ? " event" : " events").append(" behind, ").append(handler.state()).append(';');
            }
            report.setLength(report.length() - 1);
        }
        return report.toString();
    }

    /** The names of every registered ring, in registration order. */
    public Collection<String> names() {
        synchronized (rings) {
            return List.copyOf(rings.keySet());
        }
    }
}
