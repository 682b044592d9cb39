package io.github.disruptor.sample;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.spring.DisruptorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation that fails unexpectedly (a bug, injected here for orders of 13) must not let an order reach matching
 * unvalidated: the dead-letter handler sets it aside, live and on replay, and everything else goes on.
 */
class DeadLettersTest {

    private static final long UNLUCKY = 13;

    @TempDir
    Path journal;

    @Test
    void anOrderValidationFailsOnIsSetAsideNeverMatchedAndSetAsideAgainOnReplay() {
        long failed;
        long buyer;
        try (ConfigurableApplicationContext first = start()) {
            SampleClient client = new SampleClient(SampleClient.port(first));
            failed = client.place("ACME", "SELL", "100.00", UNLUCKY);
            buyer = client.place("ACME", "BUY", "101.00", 5);

            assertThat(first.getBean(DisruptorRegistry.class).awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(client.awaitOrder(buyer).get("status").asString()).as("nothing to trade with").isEqualTo("RESTING");
            assertThat(client.get("/trades").json()).isEmpty();
            assertThat(client.get("/orders/" + failed).status()).isEqualTo(404);
            JsonNode letter = onlyDeadLetter(client);
            assertThat(letter.get("orderId").asLong()).isEqualTo(failed);
            assertThat(letter.get("symbol").asString()).isEqualTo("ACME");
            assertThat(letter.get("side").asString()).isEqualTo("SELL");
            assertThat(letter.get("price").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(letter.get("quantity").asLong()).isEqualTo(UNLUCKY);
            assertThat(letter.get("handler").asString()).isEqualTo("orderValidator.validate");
            assertThat(letter.get("failure").asString()).isEqualTo("java.lang.IllegalStateException: expected by the test");
            assertThat(validator(first).discardedCount()).isEqualTo(1);
            assertThat(client.get("/actuator/health").status()).as("the ring goes on").isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            SampleClient client = new SampleClient(SampleClient.port(second));
            assertThat(client.awaitOrder(buyer).get("status").asString()).isEqualTo("RESTING");
            assertThat(client.get("/trades").json()).isEmpty();
            JsonNode letter = onlyDeadLetter(client);
            assertThat(letter.get("orderId").asLong()).isEqualTo(failed);
            assertThat(letter.get("handler").asString()).isEqualTo("orderValidator.validate (journal replay)");
        }
    }

    private static JsonNode onlyDeadLetter(SampleClient client) {
        JsonNode letters = client.get("/dead-letters").json();
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private static HandlerMonitor validator(ConfigurableApplicationContext context) {
        return context.getBean("orders", Disruptor.class).monitor().handlers().stream()
                .filter(handler -> handler.name().equals("orderValidator.validate")).findFirst().orElseThrow();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SampleApplication.class, FailingValidation.class)
                .run("--server.port=0", "--sample.journal.directory=" + journal);
    }

    /** Replaces the validator with one that throws on orders of {@value #UNLUCKY}, as a bug would. */
    @Configuration(proxyBeanMethods = false)
    static class FailingValidation {

        @Bean
        static BeanPostProcessor unluckyValidator(ObjectProvider<SampleProperties> properties) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof OrderValidator ? new UnluckyValidator(properties.getObject()) : bean;
                }
            };
        }
    }

    static class UnluckyValidator extends OrderValidator {

        UnluckyValidator(SampleProperties properties) {
            super(properties);
        }

        @Override
        void validate(OrderEvent order, ValidationRules rulesInForce) {
            if (order.quantity() == UNLUCKY) {
                throw new IllegalStateException("expected by the test");
            }
            super.validate(order, rulesInForce);
        }
    }
}
