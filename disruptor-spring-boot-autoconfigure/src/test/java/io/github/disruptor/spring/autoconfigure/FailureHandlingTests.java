package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.ExceptionAction;
import io.github.disruptor.core.ExceptionHandler;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.DisruptorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the configuration and {@code @DisruptorHandler} make of a handler that throws: the ring's
 * {@code exception-policy} (discard-event), a retry from the annotation or the ring's {@code retry.*}
 * keys, a batch rewind, and an exception handler bean after the retries ran out.
 */
class FailureHandlingTests {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class));

    @ParameterizedTest
    @ValueSource(strings = { "disruptor.rings.orders.exception-policy", "disruptor.defaults.exception-policy" })
    void discardEventHidesAFailedEventFromTheStagesBehindOnly(String key) {
        runner.withBean("rejectsOddIds", RejectsOddIds.class).withPropertyValues(key + "=discard-event").run(context -> {
            publishIds(context, 10);
            RejectsOddIds handlers = context.getBean(RejectsOddIds.class);
            assertThat(handlers.settled).containsExactly(0L, 2L, 4L, 6L, 8L);
            assertThat(handlers.audited).as("beside the failing handler, not behind it").hasSize(10);
            assertThat(handler(context, "rejectsOddIds.validate").discardedCount()).isEqualTo(5);
        });
    }

    @Test
    void retryAttributesHandAFailedEventOverAgainBeforeAnyHandlerBehindSeesIt() {
        runner.withBean("flakyValidation", FlakyValidation.class).run(context -> {
            publishIds(context, 10);
            FlakyValidation flaky = context.getBean(FlakyValidation.class);
            assertThat(flaky.settled).containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
            assertThat(flaky.attemptsWhenSettled.get(5L)).as("settled only after the third attempt").isEqualTo(3);
            assertThat(handler(context, "flakyValidation.validate").retryCount()).isEqualTo(2);
            assertThat(handler(context, "flakyValidation.validate").discardedCount()).isZero();
        });
    }

    @Test
    void aRetryThatGivesUpLeavesTheDecisionToTheExceptionHandlerBean() {
        runner.withBean("deadLetterValidation", DeadLetterValidation.class).withPropertyValues("app.attempts=3").run(context -> {
            publishIds(context, 6);
            DeadLetterValidation validation = context.getBean(DeadLetterValidation.class);
            assertThat(validation.deadLetters).containsExactly("order 3 after IllegalStateException: rejected 3");
            assertThat(validation.settled).containsExactly(0L, 1L, 2L, 4L, 5L);
            HandlerMonitor validate = handler(context, "deadLetterValidation.validate");
            assertThat(validate.retryCount()).isEqualTo(2);
            assertThat(validate.errorCount()).isEqualTo(3);
            assertThat(validate.discardedCount()).isEqualTo(1);
        });
    }

    @Test
    void theRingsRetryKeysApplyToEveryHandlerAndAnAttributeOverridesItsKeyAlone() {
        runner.withBean("alwaysFailing", AlwaysFailing.class)
                .withPropertyValues("disruptor.defaults.retry.attempts=4", "disruptor.rings.orders.retry.back-off=1ms",
                        "disruptor.rings.orders.retry.multiplier=2", "disruptor.rings.orders.retry.max-back-off=2ms")
                .run(context -> {
                    publishIds(context, 2);
                    assertThat(handler(context, "alwaysFailing.byTheRing").retryCount()).isEqualTo(2 * 3);
                    assertThat(handler(context, "alwaysFailing.ownAttempts").retryCount()).isEqualTo(2 * 1);
                    assertThat(handler(context, "alwaysFailing.noRetry").retryCount()).isZero();
                });
    }

    @Test
    void batchRewindHandsTheWholeBatchOverAgain() {
        runner.withBean("batchWriter", BatchWriter.class).run(context -> {
            Disruptor<OrderEvent> orders = orders(context);
            orders.publishBatch(4, (event, sequence) -> OrderEvent.setId(event, sequence, sequence));
            assertThat(context.getBean(DisruptorRegistry.class).awaitIdle(DEADLINE)).isTrue();
            BatchWriter writer = context.getBean(BatchWriter.class);
            assertThat(writer.seen).containsExactly(0L, 1L, 2L, 3L, 0L, 1L, 2L, 3L);
            assertThat(writer.written).containsExactly(0L, 1L, 2L, 3L);
        });
    }

    private static void publishIds(AssertableApplicationContext context, int count) {
        Disruptor<OrderEvent> orders = orders(context);
        for (long id = 0; id < count; id++) {
            orders.publish(OrderEvent::setId, id);
        }
        assertThat(context.getBean(DisruptorRegistry.class).awaitIdle(DEADLINE)).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Disruptor<OrderEvent> orders(AssertableApplicationContext context) {
        return context.getBean("orders", Disruptor.class);
    }

    private static HandlerMonitor handler(AssertableApplicationContext context, String name) {
        return orders(context).monitor().handlers().stream().filter(handler -> handler.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** Stage 0 fails on odd ids beside an auditor; stage 1 settles. */
    static class RejectsOddIds {

        final List<Long> audited = new CopyOnWriteArrayList<>();
        final List<Long> settled = new CopyOnWriteArrayList<>();

        @DisruptorHandler(ring = "orders")
        void validate(OrderEvent order) {
            if (order.id() % 2 == 1) {
                throw new IllegalArgumentException("expected by the test: odd id " + order.id());
            }
        }

        @DisruptorHandler(ring = "orders")
        void audit(OrderEvent order) {
            audited.add(order.id());
        }

        @DisruptorHandler(ring = "orders", stage = 1)
        void settle(OrderEvent order) {
            settled.add(order.id());
        }
    }

    /** Fails twice on order 5, then succeeds; stage 1 records how many attempts order 5 had taken by then. */
    static class FlakyValidation {

        final AtomicInteger attemptsOnFive = new AtomicInteger();
        final List<Long> settled = new CopyOnWriteArrayList<>();
        final Map<Long, Integer> attemptsWhenSettled = new ConcurrentHashMap<>();

        @DisruptorHandler(ring = "orders", retryAttempts = "3", retryBackOff = "1ms")
        void validate(OrderEvent order) {
            if (order.id() == 5 && attemptsOnFive.incrementAndGet() < 3) {
                throw new IllegalStateException("expected by the test: attempt " + attemptsOnFive.get());
            }
        }

        @DisruptorHandler(ring = "orders", stage = 1)
        void settle(OrderEvent order) {
            attemptsWhenSettled.put(order.id(), attemptsOnFive.get());
            settled.add(order.id());
        }
    }

    /** Rejects order 3 on every attempt; the dead-letter bean copies it out and discards it. */
    @Configuration(proxyBeanMethods = false)
    static class DeadLetterValidation {

        final List<String> deadLetters = new CopyOnWriteArrayList<>();
        final List<Long> settled = new CopyOnWriteArrayList<>();

        @Bean
        ExceptionHandler deadLetters() {
            return (failure, sequence, event, handlerName) -> {
                deadLetters.add("order " + ((OrderEvent) event).id() + " after " + failure.getClass().getSimpleName()
                        + ": " + failure.getMessage());
                return ExceptionAction.DISCARD;
            };
        }

        @DisruptorHandler(ring = "orders", retryAttempts = "${app.attempts}", exceptionHandler = "deadLetters")
        void validate(OrderEvent order) {
            if (order.id() == 3) {
                throw new IllegalStateException("rejected 3");
            }
        }

        @DisruptorHandler(ring = "orders", stage = 1)
        void settle(OrderEvent order) {
            settled.add(order.id());
        }
    }

    static class AlwaysFailing {

        @DisruptorHandler(ring = "orders")
        void byTheRing(OrderEvent order) {
            throw new IllegalStateException("expected by the test");
        }

        @DisruptorHandler(ring = "orders", retryAttempts = "2")
        void ownAttempts(OrderEvent order) {
            throw new IllegalStateException("expected by the test");
        }

        @DisruptorHandler(ring = "orders", retryAttempts = "1")
        void noRetry(OrderEvent order) {
            throw new IllegalStateException("expected by the test");
        }
    }

    /** Buffers its batch and writes it at the end; the first write fails. */
    @DisruptorHandler(ring = "orders", retryAttempts = "2", batchRewind = true)
    static class BatchWriter implements EventHandler<OrderEvent> {

        final List<Long> seen = new CopyOnWriteArrayList<>();
        final List<Long> written = new CopyOnWriteArrayList<>();
        private final List<Long> buffer = new ArrayList<>();
        private boolean failedOnce;

        @Override
        public void onBatchStart(long batchSize, long queueDepth) {
            buffer.clear(); // a new batch, or the same one handed over again
        }

        @Override
        public void onEvent(OrderEvent order, long sequence, boolean endOfBatch) {
            seen.add(order.id());
            buffer.add(order.id());
            if (endOfBatch) {
                if (!failedOnce) {
                    failedOnce = true;
                    throw new IllegalStateException("expected by the test: the first write fails");
                }
                written.addAll(buffer);
            }
        }
    }
}
