package io.github.disruptor.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the handlers of one stage, inside {@code DisruptorBuilder.withBarrier(scope -> ...)}.
 * The handlers of a stage run in parallel, each on its own thread, and see an event only after every
 * handler of the previous stage has finished with it.
 *
 * @param <E> the event type
 */
public final class BarrierScope<E> {

    /**
     * One declared handler, as the builder will wire it. A derived name (from the class) is made
     * unique by the builder; an explicit one must be unique already.
     */
    record HandlerSpec<E>(String name, boolean explicitName, EventHandler<? super E> handler, HandlerOptions options,
            int stage) {

        /** An event poller is declared without a handler. */
        boolean isPoller() {
            return handler == null;
        }
    }

    private final int stage;
    private final List<HandlerSpec<E>> handlers = new ArrayList<>();

    BarrierScope(int stage) {
        this.stage = stage;
    }

    /**
     * Adds a handler named after its class ({@code Recorder} is {@code recorder}), or
     * {@code handler-<stage>-<index>} for a lambda. Several handlers of one class get {@code recorder},
     * {@code recorder-2}, {@code recorder-3}, in the order they are declared; a derived name never takes
     * a name given explicitly anywhere in the disruptor.
     */
    public BarrierScope<E> handleEvents(EventHandler<? super E> handler) {
        Objects.requireNonNull(handler, "handler");
        handlers.add(new HandlerSpec<>(defaultName(handler), false, handler, HandlerOptions.defaults(), stage));
        return this;
    }

    /** Adds a handler under {@code name}, which must be unique within the disruptor. */
    public BarrierScope<E> handleEvents(String name, EventHandler<? super E> handler) {
        return handleEvents(name, handler, HandlerOptions.defaults());
    }

    /** Adds a handler under {@code name}, which must be unique within the disruptor, with the given options. */
    public BarrierScope<E> handleEvents(String name, EventHandler<? super E> handler, HandlerOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("handler name must not be blank, was '" + name + "'");
        }
        handlers.add(new HandlerSpec<>(name, true, handler, options, stage));
        return this;
    }

    /**
     * Adds an {@link EventPoller} under {@code name}, unique within the disruptor: a consumer the
     * application polls from its own thread, gated like a handler. Get it with
     * {@link Disruptor#poller(String)}.
     */
    public BarrierScope<E> pollEvents(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("poller name must not be blank, was '" + name + "'");
        }
        handlers.add(new HandlerSpec<>(name, true, null, HandlerOptions.defaults(), stage));
        return this;
    }

    List<HandlerSpec<E>> handlers() {
        return handlers;
    }

    private String defaultName(EventHandler<?> handler) {
        Class<?> type = handler.getClass();
        String simpleName = type.getSimpleName();
        if (type.isSynthetic() || simpleName.isEmpty() || simpleName.contains("$$")) {
            return "handler-" + stage + "-" + handlers.size();
        }
        return Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
    }
}
