package io.github.disruptor.spring.actuate;

import io.github.disruptor.spring.DisruptorRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the {@code disruptor} health contributor ({@link DisruptorHealthContributor}) when
 * Spring Boot's health support is present and {@code management.health.disruptor.enabled} is not
 * {@code false}.
 */
@AutoConfiguration(afterName = {
        "io.github.disruptor.spring.autoconfigure.DisruptorAutoConfiguration",
        "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration" })
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(DisruptorRegistry.class)
public final class DisruptorHealthAutoConfiguration {

    // The class condition above must hold before this condition's own class can be loaded.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("disruptor")
    @EnableConfigurationProperties(DisruptorHealthProperties.class)
    static class DisruptorHealthContributorConfiguration {

        @Bean
        ApplicationRunningState disruptorApplicationRunningState() {
            return new ApplicationRunningState();
        }

        @Bean
        @ConditionalOnMissingBean(name = "disruptorHealthContributor")
        DisruptorHealthContributor disruptorHealthContributor(DisruptorRegistry disruptorRegistry,
                DisruptorHealthProperties properties, ApplicationRunningState disruptorApplicationRunningState) {
            return new DisruptorHealthContributor(disruptorRegistry, properties.getFullThreshold(),
                    properties.getRetryingThreshold(), disruptorApplicationRunningState::isRunning);
        }
    }
}
