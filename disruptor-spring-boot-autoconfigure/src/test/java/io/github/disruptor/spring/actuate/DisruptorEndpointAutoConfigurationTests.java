package io.github.disruptor.spring.actuate;

import io.github.disruptor.spring.DisruptorRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DisruptorEndpointAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                    DisruptorEndpointAutoConfiguration.class))
            .withUserConfiguration(OrdersRingConfiguration.class);

    @Test
    void providesTheEndpointWhenItIsExposedOverHttp() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=disruptor")
                .run(context -> assertThat(context).hasSingleBean(DisruptorEndpoint.class));
    }

    @Test
    void providesTheEndpointWhenItIsExposedOverJmx() {
        runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=disruptor")
                .run(context -> assertThat(context).hasSingleBean(DisruptorEndpoint.class));
    }

    @Test
    void backsOffWhenTheEndpointIsNotExposed() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorEndpoint.class));
    }

    @Test
    void backsOffWhenAccessToTheEndpointIsNone() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=disruptor",
                "management.endpoint.disruptor.access=NONE")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorEndpoint.class));
    }

    @Test
    void backsOffWithoutActuator() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DisruptorEndpointAutoConfiguration.class))
                .withUserConfiguration(OrdersRingConfiguration.class)
                .withPropertyValues("management.endpoints.web.exposure.include=disruptor")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorEndpoint.class));
    }

    @Test
    void backsOffWithoutADisruptorRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                        DisruptorEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=disruptor")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorEndpoint.class));
    }

    @Test
    void backsOffForAUserDefinedEndpoint() {
        runner.withUserConfiguration(UserEndpointConfiguration.class)
                .withPropertyValues("management.endpoints.web.exposure.include=disruptor")
                .run(context -> assertThat(context).getBean(DisruptorEndpoint.class)
                        .isSameAs(context.getBean("userDisruptorEndpoint")));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserEndpointConfiguration {

        @Bean
        DisruptorEndpoint userDisruptorEndpoint(DisruptorRegistry disruptorRegistry) {
            return new DisruptorEndpoint(disruptorRegistry);
        }
    }
}
