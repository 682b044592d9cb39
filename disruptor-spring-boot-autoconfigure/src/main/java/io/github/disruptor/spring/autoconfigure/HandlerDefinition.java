package io.github.disruptor.spring.autoconfigure;

import java.lang.reflect.Method;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.disruptor.spring.DisruptorHandler;

/**
 * One {@code @DisruptorHandler} found on a bean: a class-level handler ({@code method} is null) or a
 * handler method.
 *
 * @param name the handler's name: the bean name, or {@code beanName.methodName}
 * @param beanName the bean that handles the events
 * @param method the handler method, or null for a bean that is an {@code EventHandler}
 * @param eventType the event type the handler accepts
 * @param ring the ring named by the annotation; empty for the only ring
 * @param stage the annotation's stage
 * @param after the annotation's after
 * @param concurrency the annotation's concurrency
 * @param origin where the annotation sits, for messages
 */
record HandlerDefinition(String name, String beanName, @Nullable Method method, Class<?> eventType, String ring,
        int stage, List<String> after, int concurrency, String origin) {

    static HandlerDefinition of(String name, String beanName, @Nullable Method method, Class<?> eventType,
            DisruptorHandler annotation, String origin) {
        return new HandlerDefinition(name, beanName, method, eventType, annotation.ring(), annotation.stage(),
                List.of(annotation.after()), annotation.concurrency(), origin);
    }

    HandlerDefinition inRing(String ringName) {
        return new HandlerDefinition(name, beanName, method, eventType, ringName, stage, after, concurrency, origin);
    }

    /** How messages name the handler: {@code 'risk.check' (method com.example.Risk.check(OrderEvent))}. */
    String describe() {
        return "'" + name + "' (" + origin + ")";
    }
}
