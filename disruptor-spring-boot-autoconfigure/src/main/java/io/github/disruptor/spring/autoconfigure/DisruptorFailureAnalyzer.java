package io.github.disruptor.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a {@link DisruptorConfigurationException} as the application's startup failure. Ordered
 * first so that its report wins over the generic ones for the exceptions it wraps (a binding failure
 * of an enum-like property, for instance).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class DisruptorFailureAnalyzer extends AbstractFailureAnalyzer<DisruptorConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DisruptorConfigurationException cause) {
        return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
    }
}
