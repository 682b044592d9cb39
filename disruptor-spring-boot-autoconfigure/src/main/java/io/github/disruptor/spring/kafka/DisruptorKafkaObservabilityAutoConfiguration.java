package io.github.disruptor.spring.kafka;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health and meters of the Kafka sources, each when its library is present: the {@code disruptorKafka} health
 * contributor (off with {@code management.health.disruptor-kafka.enabled=false}) and the
 * {@code disruptor.kafka.*} meters.
 */
@AutoConfiguration(after = DisruptorKafkaAutoConfiguration.class, afterName = {
        "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnBean(KafkaRingSources.class)
public final class DisruptorKafkaObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthContributor.class)
    static class HealthConfiguration {

        // a nested class, so that the condition's own class loads only with spring-boot-health present
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnEnabledHealthIndicator("disruptor-kafka")
        static class Enabled {

            @Bean
            @ConditionalOnMissingBean(name = "disruptorKafkaHealthContributor")
            HealthContributor disruptorKafkaHealthContributor(KafkaRingSources kafkaRingSources) {
                return new KafkaRingSourcesHealthContributor(kafkaRingSources);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        KafkaRingSourceMetrics kafkaRingSourceMetrics(KafkaRingSources kafkaRingSources) {
            return new KafkaRingSourceMetrics(kafkaRingSources);
        }
    }
}
