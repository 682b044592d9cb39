package io.github.disruptor.spring.autoconfigure;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
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
 * @param retry the annotation's retry attributes, placeholders resolved and checked; unset ones are the ring's
 * @param batchRewind the annotation's batchRewind
 * @param origin where the annotation sits, for messages
 */
record HandlerDefinition(String name, String beanName, @Nullable Method method, Class<?> eventType, String ring,
        int stage, List<String> after, int concurrency, String exceptionHandler, int maxBatchSize, RetrySettings retry,
        boolean batchRewind, String origin) {

    /** The handler an annotation declares, with the {@code ${...}} placeholders of its attributes resolved. */
    static HandlerDefinition of(String name, String beanName, @Nullable Method method, Class<?> eventType,
            DisruptorHandler annotation, String origin, PropertyResolver placeholders) {
        Resolver resolver = new Resolver(name, origin, placeholders);
        List<String> after = Arrays.stream(annotation.after()).map(upstream -> resolver.resolve("after", upstream)).toList();
        RetrySettings retry = new RetrySettings(resolver.attempts(annotation.retryAttempts()),
                resolver.duration("retryBackOff", annotation.retryBackOff()),
                resolver.multiplier(annotation.retryMultiplier()),
                resolver.duration("retryMaxBackOff", annotation.retryMaxBackOff()));
        return new HandlerDefinition(name, beanName, method, eventType, resolver.resolve("ring", annotation.ring()),
                annotation.stage(), after, annotation.concurrency(),
                resolver.resolve("exceptionHandler", annotation.exceptionHandler()), annotation.maxBatchSize(), retry,
                annotation.batchRewind(), origin);
    }

    HandlerDefinition inRing(String ringName) {
        return new HandlerDefinition(name, beanName, method, eventType, ringName, stage, after, concurrency,
                exceptionHandler, maxBatchSize, retry, batchRewind, origin);
    }

    /** How messages name the handler: {@code 'risk.check' (method com.example.Risk.check(OrderEvent))}. */
    String describe() {
        return "'" + name + "' (" + origin + ")";
    }

    /**
     * Resolves the placeholders of one annotation and reads its retry values, naming the handler, the
     * attribute and the value when one cannot be resolved or read.
     */
    private record Resolver(String name, String origin, PropertyResolver placeholders) {

        @Nullable Integer attempts(String value) {
            return number("retryAttempts", value, Integer::valueOf, RetrySettings::validAttempts,
                    "which is not a whole number", "but a handler gets an event at least once",
                    "Set retryAttempts to a whole number of 1 or more: how many times the handler gets a failing "
                            + "event in all, the first time included (\"1\": no retry, \"3\": two retries).");
        }

        @Nullable Duration duration(String attribute, String value) {
            String resolved = resolve(attribute, value).strip();
            if (resolved.isEmpty()) {
                return null;
            }
            Duration duration;
            try {
                duration = DurationStyle.detectAndParse(resolved);
            } catch (IllegalArgumentException notADuration) {
                throw invalid(attribute, value, resolved, "which is not a duration", "Set " + attribute
                        + " to a duration of 0 or more, such as \"10ms\", \"2s\" or \"PT0.5S\" (a bare number is "
                        + "milliseconds).", notADuration);
            }
            if (duration.isNegative()) {
                throw invalid(attribute, value, resolved, "which is negative", "Set " + attribute
                        + " to a duration of 0 or more, such as \"10ms\".", null);
            }
            return duration;
        }

        @Nullable Double multiplier(String value) {
            return number("retryMultiplier", value, Double::valueOf, RetrySettings::validMultiplier,
                    "which is not a number", "but a back-off can grow or stay, not shrink",
                    "Set retryMultiplier to a number of 1 or more, such as \"2\" (each pause twice the one before); "
                            + "\"1\" keeps it fixed.");
        }

        /** An attribute's resolved value parsed as a number, or {@code null} when it is left empty. */
        private <T> @Nullable T number(String attribute, String value, Function<String, T> parser, Predicate<T> valid,
                String notParsed, String outOfRange, String accepted) {
            String resolved = resolve(attribute, value).strip();
            if (resolved.isEmpty()) {
                return null;
            }
            T number;
            try {
                number = parser.apply(resolved);
            } catch (NumberFormatException notANumber) {
                number = null;
            }
            if (number == null || !valid.test(number)) {
                throw invalid(attribute, value, resolved, number == null ? notParsed : outOfRange, accepted, null);
            }
            return number;
        }

        private DisruptorConfigurationException invalid(String attribute, String value, String resolved, String problem,
                String accepted, @Nullable Throwable cause) {
            String shown = value.equals(resolved) ? "\"" + value + "\"" : "\"" + value + "\" (\"" + resolved + "\")";
            return new DisruptorConfigurationException("@DisruptorHandler on handler '" + name + "' (" + origin
                    + ") has " + attribute + " = " + shown + ", " + problem + ".",
                    accepted + " On @DisruptorHandler of " + origin + ", or leave it out for the ring's setting.", cause);
        }

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
                case "retryAttempts" -> "3";
                case "retryBackOff", "retryMaxBackOff" -> "10ms";
                case "retryMultiplier" -> "2";
                default -> "...";
            };
        }
    }
}
