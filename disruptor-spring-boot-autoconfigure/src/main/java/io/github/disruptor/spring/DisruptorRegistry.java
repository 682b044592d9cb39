package io.github.disruptor.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.disruptor.core.Disruptor;

/**
 * Every ring of the application by name: the bean to look rings up at run time, and the one place
 * the observability layer (endpoint, metrics, health) learns about rings, including rings built after
 * it was configured.
 */
public final class DisruptorRegistry {

    private final Map<String, Disruptor<?>> rings = new ConcurrentHashMap<>();
    private final List<Consumer<Disruptor<?>>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Adds a ring and tells every listener.
     *
     * @throws IllegalStateException if a ring of the same name is registered already
     */
    public void register(Disruptor<?> disruptor) {
        Disruptor<?> previous = rings.putIfAbsent(disruptor.name(), disruptor);
        if (previous != null && previous != disruptor) {
            throw new IllegalStateException("a ring named '" + disruptor.name() + "' is registered already");
        }
        if (previous == null) {
            listeners.forEach(listener -> listener.accept(disruptor));
        }
    }

    /** Calls {@code listener} for every ring registered so far and for every ring registered later. */
    public void onRegistration(Consumer<Disruptor<?>> listener) {
        listeners.add(listener);
        rings.values().forEach(listener);
    }

    /** The ring named {@code name}, if any. */
    public Optional<Disruptor<?>> find(String name) {
        return Optional.ofNullable(rings.get(name));
    }

    /** Every registered ring. */
    public Collection<Disruptor<?>> disruptors() {
        return List.copyOf(new ArrayList<>(rings.values()));
    }

    /** The names of every registered ring. */
    public Collection<String> names() {
        return List.copyOf(rings.keySet());
    }
}
