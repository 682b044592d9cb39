package io.github.disruptor.spring.actuate;

import io.github.disruptor.spring.DisruptorRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DisruptorMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, DisruptorMetricsAutoConfiguration.class));

    @Test
    void bindsTheMetersOfEveryRingToTheMeterRegistry() {
        runner.withUserConfiguration(OrdersRingConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(DisruptorMetrics.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("disruptor.handler.lag").tag("ring", "orders").gauges()).hasSize(3);
            assertThat(meters.get("disruptor.ring.capacity").tag("ring", "orders").gauge().value()).isEqualTo(1024);
            assertThat(meters.get("disruptor.events.published").tag("ring", "orders").functionCounter().getId()
                    .getBaseUnit()).isEqualTo("events");
        });
    }

    @Test
    void bindsRingsRegisteredAfterTheContextStarted() {
        runner.withUserConfiguration(OrdersRingConfiguration.class).run(context -> {
            DisruptorRegistry registry = context.getBean(DisruptorRegistry.class);
            try (TestRings late = TestRings.startAndRegister(registry, TestRings.pipeline("late"))) {
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                assertThat(meters.get("disruptor.events.processed").tag("ring", "late").functionCounters()).hasSize(3);
            }
        });
    }

    @Test
    void metersAreSwitchedOffByPrefixLikeAnyMicrometerMeter() {
        runner.withUserConfiguration(OrdersRingConfiguration.class)
                .withPropertyValues("management.metrics.enable.disruptor.handler=false")
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.find("disruptor.handler.lag").meters()).isEmpty();
                    assertThat(meters.find("disruptor.handler.errors").meters()).isEmpty();
                    assertThat(meters.find("disruptor.events.processed").meters()).hasSize(3);
                });
    }

    @Test
    void backsOffWithoutADisruptorRegistry() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorMetrics.class));
    }

    @Test
    void backsOffWithoutMicrometer() {
        runner.withUserConfiguration(OrdersRingConfiguration.class)
                .withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorMetrics.class));
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DisruptorMetricsAutoConfiguration.class))
                .withUserConfiguration(OrdersRingConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorMetrics.class));
    }

    @Test
    void backsOffForAUserDefinedBinder() {
        runner.withUserConfiguration(OrdersRingConfiguration.class, UserMetricsConfiguration.class)
                .run(context -> assertThat(context).getBean(DisruptorMetrics.class)
                        .isSameAs(context.getBean("userDisruptorMetrics")));
    }

    @Test
    void prometheusNamesCarryNoUnitSuffix() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        PrometheusMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                        DisruptorMetricsAutoConfiguration.class))
                .withUserConfiguration(OrdersRingConfiguration.class)
                .run(context -> {
                    String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
                    assertThat(scrape)
                            .contains("disruptor_ring_capacity{ring=\"orders\"} 1024")
                            .contains("disruptor_ring_remaining{ring=\"orders\"}")
                            .contains("disruptor_events_published_total{ring=\"orders\"}")
                            .contains("disruptor_publish_rejected_total{ring=\"orders\"}")
                            .contains("disruptor_handler_lag{handler=\"business\",ring=\"orders\",stage=\"1\"}")
                            .contains("disruptor_events_processed_total{handler=\"journal\",ring=\"orders\"}")
                            .contains("disruptor_handler_errors_total{handler=\"replicate\",ring=\"orders\"}")
                            .doesNotContain("_events{").doesNotContain("_events_total");
                });
    }

    @Test
    void prometheusNamingBacksOffWithoutPrometheus() {
        runner.withUserConfiguration(OrdersRingConfiguration.class)
                .withClassLoader(new FilteredClassLoader(PrometheusMeterRegistry.class))
                .run(context -> assertThat(context).hasSingleBean(DisruptorMetrics.class)
                        .doesNotHaveBean("disruptorPrometheusNamesWithoutUnit"));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserMetricsConfiguration {

        @Bean
        DisruptorMetrics userDisruptorMetrics(DisruptorRegistry disruptorRegistry) {
            return new DisruptorMetrics(disruptorRegistry);
        }
    }
}
