package io.github.disruptor.spring.actuate;

import io.github.disruptor.spring.DisruptorRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the Micrometer meters of every ring ({@link DisruptorMetrics}) when Micrometer and a
 * {@link MeterRegistry} are present.
 */
@AutoConfiguration(afterName = {
        "io.github.disruptor.spring.autoconfigure.DisruptorAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBean(DisruptorRegistry.class)
public final class DisruptorMetricsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class DisruptorMeterBinderConfiguration {

        @Bean
        @ConditionalOnMissingBean
        DisruptorMetrics disruptorMetrics(DisruptorRegistry disruptorRegistry) {
            return new DisruptorMetrics(disruptorRegistry);
        }
    }

    /**
     * Keeps the Prometheus names of the meters as documented ({@code disruptor_handler_lag},
     * {@code disruptor_events_published_total}): Prometheus naming would otherwise append the base unit
     * ({@code disruptor_handler_lag_events}). Other registries keep the {@code events} base unit.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ PrometheusMeterRegistry.class, MeterRegistryCustomizer.class })
    static class DisruptorPrometheusNamingConfiguration {

        @Bean
        MeterRegistryCustomizer<PrometheusMeterRegistry> disruptorPrometheusNamesWithoutUnit() {
            return registry -> registry.config().meterFilter(withoutEventsUnit());
        }

        private static MeterFilter withoutEventsUnit() {
            return new MeterFilter() {
                @Override
                public Meter.Id map(Meter.Id id) {
                    boolean ours = id.getName().startsWith(DisruptorMetrics.PREFIX)
                            && DisruptorMetrics.BASE_UNIT.equals(id.getBaseUnit());
                    return ours ? id.withBaseUnit(null) : id;
                }
            };
        }
    }
}
