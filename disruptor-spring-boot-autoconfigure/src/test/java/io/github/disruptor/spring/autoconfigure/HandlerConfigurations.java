package io.github.disruptor.spring.autoconfigure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;

/** Handler configurations that several test classes start from. */
final class HandlerConfigurations {

    private HandlerConfigurations() {
    }

    /** The handler {@code journal}, a {@link CountingHandler}, on the ring {@code orders}. */
    @Configuration(proxyBeanMethods = false)
    static class OrdersJournal {

        @Bean
        @DisruptorHandler(ring = "orders")
        CountingHandler journal() {
            return new CountingHandler();
        }
    }

    /** The handler {@code unnamed}, a {@link CountingHandler} that names no ring. */
    @Configuration(proxyBeanMethods = false)
    static class UnnamedRingHandler {

        @Bean
        @DisruptorHandler
        CountingHandler unnamed() {
            return new CountingHandler();
        }
    }

    /** The handler {@code journal} on the ring {@code orders}, which throws on every event. */
    @Configuration(proxyBeanMethods = false)
    static class FailingJournal {

        @Bean
        @DisruptorHandler(ring = "orders")
        EventHandler<OrderEvent> journal() {
            return (event, sequence, endOfBatch) -> {
                throw new IllegalStateException("expected by the test: event " + sequence);
            };
        }
    }
}
