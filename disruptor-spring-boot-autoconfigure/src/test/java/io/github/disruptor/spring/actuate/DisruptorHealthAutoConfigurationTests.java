package io.github.disruptor.spring.actuate;

import java.time.Duration;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.spring.DisruptorRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DisruptorHealthAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                    DisruptorHealthAutoConfiguration.class))
            .withUserConfiguration(OrdersRingConfiguration.class);

    @Test
    void contributesTheDisruptorHealthWithOneComponentPerRing() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DisruptorHealthContributor.class)
                    .hasBean("disruptorHealthContributor");
            assertThat(status(context.getBean(DisruptorHealthContributor.class), "orders")).isEqualTo(Status.UP);
            assertThat(context.getBean(DisruptorHealthProperties.class).getFullThreshold())
                    .isEqualTo(Duration.ofSeconds(30));
            assertThat(context.getBean(DisruptorHealthProperties.class).getRetryingThreshold())
                    .isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void reportsAStoppedRingAsDownWhileTheApplicationRunsButNotOnceItStops() {
        runner.run(context -> {
            DisruptorHealthContributor health = context.getBean(DisruptorHealthContributor.class);
            Disruptor<?> orders = context.getBean(DisruptorRegistry.class).find("orders").orElseThrow();
            assertThat(orders.shutdown(Duration.ofSeconds(10))).isTrue();
            assertThat(status(health, "orders")).isEqualTo(Status.DOWN);

            context.getSourceApplicationContext().stop();

            assertThat(status(health, "orders")).isEqualTo(Status.UP);
        });
    }

    @Test
    void bindsTheFullThreshold() {
        runner.withPropertyValues("management.health.disruptor.full-threshold=2m")
                .run(context -> assertThat(context.getBean(DisruptorHealthProperties.class).getFullThreshold())
                        .isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void bindsTheRetryingThreshold() {
        runner.withPropertyValues("management.health.disruptor.retrying-threshold=5m")
                .run(context -> assertThat(context.getBean(DisruptorHealthProperties.class).getRetryingThreshold())
                        .isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void failsOnANegativeRetryingThresholdNamingTheProperty() {
        runner.withPropertyValues("management.health.disruptor.retrying-threshold=-1s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining(
                        "Invalid value PT-1S for management.health.disruptor.retrying-threshold: it must not be negative."));
    }

    @Test
    void failsOnANegativeFullThresholdNamingTheProperty() {
        runner.withPropertyValues("management.health.disruptor.full-threshold=-1s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining(
                                "Invalid value PT-1S for management.health.disruptor.full-threshold: it must not be negative."));
    }

    @Test
    void backsOffWhenTheIndicatorIsDisabled() {
        runner.withPropertyValues("management.health.disruptor.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorHealthContributor.class));
    }

    @Test
    void backsOffWhenHealthIndicatorsAreDisabledByDefault() {
        runner.withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorHealthContributor.class));
    }

    @Test
    void backsOffWithoutSpringBootHealth() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DisruptorHealthAutoConfiguration.class))
                .withUserConfiguration(OrdersRingConfiguration.class)
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorHealthContributor.class));
    }

    @Test
    void backsOffWithoutADisruptorRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                        DisruptorHealthAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorHealthContributor.class));
    }

    @Test
    void backsOffForAUserDefinedContributorOfTheSameName() {
        runner.withUserConfiguration(UserHealthConfiguration.class).run(context -> assertThat(context)
                .doesNotHaveBean(DisruptorHealthContributor.class).hasBean("disruptorHealthContributor"));
    }

    private static Status status(DisruptorHealthContributor contributor, String ring) {
        return ((HealthIndicator) contributor.getContributor(ring)).health().getStatus();
    }

    @Configuration(proxyBeanMethods = false)
    static class UserHealthConfiguration {

        @Bean
        HealthIndicator disruptorHealthContributor() {
            return () -> Health.up().build();
        }
    }
}
