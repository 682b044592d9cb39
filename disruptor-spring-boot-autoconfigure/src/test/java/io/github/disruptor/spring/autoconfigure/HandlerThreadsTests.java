package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorBuilder;
import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.DisruptorThreadFactoryCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** The threads handlers run on, and how an application chooses them per ring. */
class HandlerThreadsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class))
            .withUserConfiguration(TwoRings.class);

    @Test
    void withoutACustomizerHandlersRunOnTheCoresPlatformThreads() {
        runner.run(context -> {
            TwoRings rings = publishToBoth(context.getBean(TwoRings.class), context.getBean("orders"), context.getBean("audit"));
            Thread journal = rings.threads.get("journal");
            assertThat(journal.getName()).isEqualTo("disruptor-orders-journal");
            assertThat(journal.isDaemon()).isFalse();
            assertThat(rings.threads.get("auditTrail").getName()).isEqualTo("disruptor-audit-auditTrail");
        });
    }

    @Test
    void customizersChooseTheThreadsOfTheRingsTheyWantInTheirOrder() {
        runner.withUserConfiguration(Customizers.class).run(context -> {
            TwoRings rings = publishToBoth(context.getBean(TwoRings.class), context.getBean("orders"), context.getBean("audit"));
            Thread journal = rings.threads.get("journal");
            assertThat(journal.getName()).as("the default name, kept by both customizers")
                    .isEqualTo("disruptor-orders-journal");
            assertThat(journal.getPriority()).as("set by the first customizer").isEqualTo(Thread.MAX_PRIORITY);
            assertThat(journal.isDaemon()).as("set by the second, on what the first returned").isTrue();
            Thread auditTrail = rings.threads.get("auditTrail");
            assertThat(auditTrail.getName()).isEqualTo("disruptor-audit-auditTrail");
            assertThat(auditTrail.getPriority()).as("ring 'audit' left as it was").isEqualTo(Thread.NORM_PRIORITY);
            assertThat(auditTrail.isDaemon()).isFalse();
        });
    }

    @Test
    void aCustomizerThatReturnsNoFactoryFailsStartup() {
        runner.withBean(DisruptorThreadFactoryCustomizer.class, () -> (ring, factory) -> null).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new DisruptorFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("A DisruptorThreadFactoryCustomizer (")
                    .endsWith(") returned no thread factory for ring 'orders'.");
            assertThat(analysis.getAction()).isEqualTo("Return the thread factory it is given to keep the ring's "
                    + "threads as they are, or a ThreadFactory of platform threads.");
        });
    }

    /**
     * Virtual threads exist from Java 21 on; the check that refuses them is given here a predicate that
     * takes every thread for one, so it runs on every Java version.
     */
    @Test
    void aVirtualThreadForAHandlerIsRefusedNamingTheRingAndTheHandler() {
        ThreadFactory platformOnly = HandlerThreads.platformThreadsOnly("orders", Thread::new, thread -> true);
        Disruptor<OrderEvent> orders = DisruptorBuilder.withRingBuffer(8, OrderEvent::new).withName("orders")
                .withThreadFactory(platformOnly)
                .withBarrier(scope -> scope.handleEvents("journal", (event, sequence, endOfBatch) -> { }))
                .build();
        try {
            Throwable thrown = catchThrowable(orders::start);
            assertThat(thrown).isInstanceOf(DisruptorConfigurationException.class);
            DisruptorConfigurationException refused = (DisruptorConfigurationException) thrown;
            assertThat(refused.getDescription()).isEqualTo("The thread factory of ring 'orders' made a virtual thread "
                    + "for handler 'journal'; handlers run on platform threads only.");
            assertThat(refused.getAction()).startsWith("Return a factory of platform threads from the "
                    + "DisruptorThreadFactoryCustomizer beans: a handler thread waits on its wait strategy");
        } finally {
            orders.shutdown(Duration.ofSeconds(10));
        }
    }

    @SuppressWarnings("unchecked")
    private static TwoRings publishToBoth(TwoRings rings, Object orders, Object audit) {
        ((Disruptor<OrderEvent>) orders).publish(OrderEvent::setId, 1L);
        ((Disruptor<AuditEvent>) audit).publish(AuditEvent::setText, "one");
        await("both handlers to run").atMost(Duration.ofSeconds(20)).until(() -> rings.threads.size() == 2);
        return rings;
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoRings {

        final Map<String, Thread> threads = new ConcurrentHashMap<>();

        @Bean
        @DisruptorHandler(ring = "orders")
        EventHandler<OrderEvent> journal() {
            return (event, sequence, endOfBatch) -> threads.put("journal", Thread.currentThread());
        }

        @Bean
        @DisruptorHandler(ring = "audit")
        EventHandler<AuditEvent> auditTrail() {
            return (event, sequence, endOfBatch) -> threads.put("auditTrail", Thread.currentThread());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(1)
        DisruptorThreadFactoryCustomizer highPriorityOrders() {
            return (ring, factory) -> !ring.equals("orders") ? factory : runnable -> {
                Thread thread = factory.newThread(runnable);
                thread.setPriority(Thread.MAX_PRIORITY);
                return thread;
            };
        }

        @Bean
        @Order(2)
        DisruptorThreadFactoryCustomizer daemonOrders() {
            return (ring, factory) -> !ring.equals("orders") ? factory : runnable -> {
                Thread thread = factory.newThread(runnable);
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
