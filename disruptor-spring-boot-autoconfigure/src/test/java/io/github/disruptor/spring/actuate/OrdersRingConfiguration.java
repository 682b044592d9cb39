package io.github.disruptor.spring.actuate;

import io.github.disruptor.spring.DisruptorRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A {@link DisruptorRegistry} with the started {@code orders} pipeline, as the Spring layer would provide it. */
@Configuration(proxyBeanMethods = false)
class OrdersRingConfiguration {

    @Bean
    DisruptorRegistry disruptorRegistry() {
        return new DisruptorRegistry();
    }

    @Bean
    TestRings testRings(DisruptorRegistry disruptorRegistry) {
        return TestRings.startAndRegister(disruptorRegistry, TestRings.pipeline("orders"));
    }
}
