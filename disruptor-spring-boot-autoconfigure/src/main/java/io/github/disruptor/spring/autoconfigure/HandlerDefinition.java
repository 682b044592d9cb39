package io.github.disruptor.spring.autoconfigure;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertyResolver;

import io.github.disruptor.spring.DisruptorHandler;

/**
 * One {@code @DisruptorHandler} found on a bean: a class-level handler ({@code method} is null) or a
 * handler method.
 *
 * @param name the handler's name: the bean name, or {@code beanName.methodName}
 * @param beanName the bean that handles the events
 * @param method the handler method, or null for a bean that is an {@code EventHandler}
 * @param eventType the event type the handler accepts
 * @param ring the ring named by the annotation, placeholders resolved; empty for the only ring
 * @param stage the annotation's stage
 * @param after the annotation's after, placeholders resolved
 * @param concurrency the annotation's concurrency
 * @param exceptionHandler the name of the handler's exception handler bean, placeholders resolved; empty
 *        for the ring's policy
 * @param maxBatchSize the annotation's maxBatchSize
 * @param origin where the annotation sits, for messages
 */
record HandlerDefinition(String name, String beanName, @Nullable Method method, Class<?> eventType, String ring,
        int stage, List<String> after, int concurrency, String exceptionHandler, int maxBatchSize, String origin) {

    /** The handler an annotation declares, with the {@code ${...}} placeholders of its names resolved. */
    static HandlerDefinition of(String name, String beanName, @Nullable Method method, Class<?> eventType,
            DisruptorHandler annotation, String origin, PropertyResolver placeholders) {
        Resolver resolver = new Resolver(name, origin, placeholders);
        List<String> after = Arrays.stream(annotation.after()).map(upstream -> resolver.resolve("after", upstream)).toList();
        return new HandlerDefinition(name, beanName, method, eventType, resolver.resolve("ring", annotation.ring()),
                annotation.stage(), after, annotation.concurrency(),
                resolver.resolve("exceptionHandler", annotation.exceptionHandler()), annotation.maxBatchSize(), origin);
    }

    HandlerDefinition inRing(String ringName) {
        return new HandlerDefinition(name, beanName, method, eventType, ringName, stage, after, concurrency,
                exceptionHandler, maxBatchSize, origin);
    }

    /** How messages name the handler: {@code 'risk.check' (method com.example.Risk.check(OrderEvent))}. */
    String describe() {
        return "'" + name + "' (" + origin + ")";
    }

    /** Resolves the placeholders of one annotation, naming it and the attribute when one cannot be resolved. */
    private record Resolver(String name, String origin, PropertyResolver placeholders) {

        String resolve(String attribute, String value) {
            try {
                return placeholders.resolveRequiredPlaceholders(value);
            } catch (IllegalArgumentException unresolvable) {
                int start = value.indexOf("${");
                int end = value.indexOf('}', start);
                String placeholder = start >= 0 && end > start ? value.substring(start + 2, end).split(":", 2)[0] : "name";
                throw new DisruptorConfigurationException("@DisruptorHandler on handler '" + name + "' (" + origin
                        + ") has " + attribute + " = \"" + value + "\", which cannot be resolved: "
                        + unresolvable.getMessage() + ".", "Set the property the placeholder names, or give it a "
                        + "default, such as \"${" + placeholder + ":" + example(attribute) + "}\".", unresolvable);
            }
        }

        private static String example(String attribute) {
            return switch (attribute) {
                case "ring" -> "orders";
                case "after" -> "journal";
                case "exceptionHandler" -> "deadLetters";
                default -> "...";
            };
        }
    }
}
