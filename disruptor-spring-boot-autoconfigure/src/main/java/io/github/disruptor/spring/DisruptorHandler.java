package io.github.disruptor.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Attaches a handler to a ring.
 *
 * <p>On a class that implements {@code EventHandler<E>}, the annotation alone makes the class a bean
 * (it is a {@link Component}), and the bean handles the ring's events; on a {@code @Bean} method, the
 * {@code EventHandler<E>} it returns does (declare the concrete return type, or at least
 * {@code EventHandler<E>}). On a method of any other bean, the method handles them; it must be a
 * {@code void} instance method taking {@code (E event)} or
 * {@code (E event, long sequence, boolean endOfBatch)}, and it is invoked through a class generated
 * once, never by reflection per event.
 *
 * <p>A handler's name is its bean name (class or {@code @Bean} method) or {@code beanName.methodName}
 * (handler method); {@link #after()} refers to handlers by that name. {@link #ring()}, {@link #after()},
 * {@link #exceptionHandler()} and the {@code retry} attributes may hold {@code ${...}} placeholders,
 * resolved from the environment. Inconsistent attributes (an unknown ring or handler name, a cycle,
 * handlers disagreeing on the event type, a retry count or a duration that cannot be) stop startup with
 * a report naming the annotation, the attribute and the value.
 *
 * <p>When the handler throws: under a retry ({@link #retryAttempts()}, or the ring's
 * {@code disruptor.rings.<ring>.retry.*}), it gets the same event again after a back-off, while every
 * handler behind it waits; then its {@link #exceptionHandler()} (or the ring's {@code exception-policy})
 * decides whether it goes on, discards the event, or halts.
 *
 * <pre>{@code
 * @DisruptorHandler(ring = "orders", stage = 0)
 * class Journal implements EventHandler<OrderEvent> { ... }
 *
 * @Component
 * class Risk {
 *     @DisruptorHandler(ring = "orders", stage = 1, concurrency = 4)
 *     void check(OrderEvent order) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface DisruptorHandler {

    /**
     * The ring's name, as under {@code disruptor.rings.<name>}. Empty: the application's only ring.
     * A name that no configuration mentions creates a ring with the default settings.
     */
    String ring() default "";

    /**
     * The handler's stage, from 0. Handlers of the same stage run in parallel; a stage sees an event
     * only after every handler of the closest lower stage has finished with it.
     */
    int stage() default 0;

    /**
     * Names of handlers of the same ring, in this stage or a lower one, that this handler waits for
     * instead of the whole previous stage: for graphs that stages alone cannot express.
     */
    String[] after() default {};

    /**
     * How many threads share this handler's events: each event is handled by exactly one of them
     * (thread {@code i} takes the sequences where {@code sequence % concurrency == i}), and the next
     * stage waits for all of them. The handler must be safe to call from several threads.
     */
    int concurrency() default 1;

    /**
     * The name of a bean of type {@code io.github.disruptor.core.ExceptionHandler} that decides what
     * happens after this handler throws (go on, discard the event, or halt the handler), instead of the
     * ring's {@code exception-policy}. Empty: the ring's policy. A name that no such bean has stops startup.
     */
    String exceptionHandler() default "";

    /**
     * The most events this handler takes in one batch before its sequence moves on: the stages behind
     * it, and producers waiting for space, see its progress at least every {@code maxBatchSize} events,
     * and {@code endOfBatch} is {@code true} at least that often. At least 1; the default puts no limit
     * on a batch (it ends where the events published so far end).
     */
    int maxBatchSize() default Integer.MAX_VALUE;

    /**
     * How many times this handler gets a failing event in all, the first time included: {@code "3"}
     * hands it over twice more before the exception handler decides; {@code "1"} never retries. Meanwhile
     * the handler's sequence stays before the event, so no handler behind it sees the event early and
     * the ring's order is kept. A whole number of 1 or more, or a placeholder. Empty: the ring's
     * {@code retry.attempts} (by default 1).
     */
    String retryAttempts() default "";

    /**
     * The pause before the first retry, such as {@code "10ms"} or {@code "PT1S"} (a bare number is
     * milliseconds), 0 or more. Empty: the ring's {@code retry.back-off} (by default none).
     */
    String retryBackOff() default "";

    /**
     * What the pause is multiplied by after each failed retry, such as {@code "2"}; a number of 1 or
     * more. Empty: the ring's {@code retry.multiplier} (by default 1, a fixed pause).
     */
    String retryMultiplier() default "";

    /**
     * The longest pause a growing back-off reaches, at least the back-off. Empty: the ring's
     * {@code retry.max-back-off} (by default no cap).
     */
    String retryMaxBackOff() default "";

    /**
     * For a handler that does its batch's work as a unit at {@code endOfBatch} (a buffered write, a
     * transaction): a failure rewinds it to the first event of the batch, so a retry hands it the whole
     * batch again (after a new {@code onBatchStart}) and a halt stops before the batch, and no handler
     * behind it sees an event of a batch that failed. Continue and discard still apply to the failed
     * event alone.
     */
    boolean batchRewind() default false;
}
