package io.github.disruptor.spring.actuate;

import io.github.disruptor.spring.DisruptorRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the {@code disruptor} Actuator endpoint ({@link DisruptorEndpoint}) when Actuator is
 * present and the endpoint is available: exposed (for example through
 * {@code management.endpoints.web.exposure.include=disruptor}) and not switched off with
 * {@code management.endpoint.disruptor.access=none}.
 */
@AutoConfiguration(afterName = {
        "io.github.disruptor.spring.autoconfigure.DisruptorAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration" })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(DisruptorRegistry.class)
public final class DisruptorEndpointAutoConfiguration {

    // The class condition above must hold before this condition's own class can be loaded.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnAvailableEndpoint(DisruptorEndpoint.class)
    static class DisruptorEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        DisruptorEndpoint disruptorEndpoint(DisruptorRegistry disruptorRegistry,
                ObjectProvider<DisruptorRingSources> sources) {
            return new DisruptorEndpoint(disruptorRegistry, sources.orderedStream().toList());
        }
    }
}
