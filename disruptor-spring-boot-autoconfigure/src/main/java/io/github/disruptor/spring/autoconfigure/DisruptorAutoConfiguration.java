package io.github.disruptor.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.DisruptorRegistry;

/**
 * Auto-configuration of the rings: one {@code Disruptor<E>} bean per ring named under
 * {@code disruptor.rings} or by a {@link DisruptorHandler}, wired from the handler beans, injectable
 * as {@code EventPublisher<E>}; a {@link DisruptorRegistry}; and a {@link DisruptorLifecycle} that
 * starts the rings before the web server and drains them after it. {@code disruptor.*} is bound by the
 * {@link DisruptorRingRegistrar}, which needs it before any bean exists, and only there: the bound
 * {@link DisruptorProperties} is the bean the other beans get.
 */
@AutoConfiguration
@ConditionalOnClass(Disruptor.class)
public final class DisruptorAutoConfiguration {

    @Bean
    static DisruptorRingRegistrar disruptorRingRegistrar(Environment environment) {
        return new DisruptorRingRegistrar(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    DisruptorRegistry disruptorRegistry() {
        return new DisruptorRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    DisruptorLifecycle disruptorLifecycle(DisruptorRegistry disruptorRegistry, DisruptorProperties properties) {
        return new DisruptorLifecycle(disruptorRegistry, properties);
    }
}
