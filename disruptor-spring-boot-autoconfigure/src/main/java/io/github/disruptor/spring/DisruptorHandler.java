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
 * (handler method); {@link #after()} refers to handlers by that name. {@link #ring()}, {@link #after()}
 * and {@link #exceptionHandler()} may hold {@code ${...}} placeholders, resolved from the environment. Inconsistent attributes (an
 * unknown ring or handler name, a cycle, handlers disagreeing on the event type) stop startup with a
 * report naming the annotation and the value.
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
}
