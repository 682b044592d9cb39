package io.github.disruptor.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.disruptor.core.Disruptor;

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

    /** The names of every registered ring, in registration order. */
    public Collection<String> names() {
        synchronized (rings) {
            return List.copyOf(rings.keySet());
        }
    }
}
