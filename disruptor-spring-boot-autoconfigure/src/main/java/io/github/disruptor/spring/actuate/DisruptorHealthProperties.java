package io.github.disruptor.spring.actuate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code disruptor} health contributor. It is switched off with
 * {@code management.health.disruptor.enabled=false}, like Spring Boot's own health indicators.
 */
@ConfigurationProperties("management.health.disruptor")
public class DisruptorHealthProperties {

    /**
     * How long a ring may stay full (no free slot at every health check in a row) before its health is
     * DOWN. Producers that publish into a full ring wait, so a ring that stays full means the handlers
     * cannot keep up. Raise it for rings that run full on purpose, as back-pressure.
     */
    private Duration fullThreshold = Duration.ofSeconds(30);

    /**
     * How long a handler may keep retrying without progress (its retry count rising at every health check
     * while its sequence stays) before its ring's health is DOWN. Every handler behind it waits meanwhile.
     * Raise it for handlers that retry for long on purpose, such as through a planned outage of what they
     * call.
     */
    private Duration retryingThreshold = Duration.ofSeconds(30);

    public Duration getFullThreshold() {
        return fullThreshold;
    }

    public void setFullThreshold(Duration fullThreshold) {
        this.fullThreshold = checkFullThreshold(fullThreshold);
    }

    public Duration getRetryingThreshold() {
        return retryingThreshold;
    }

    public void setRetryingThreshold(Duration retryingThreshold) {
        this.retryingThreshold = checkRetryingThreshold(retryingThreshold);
    }

    static Duration checkRetryingThreshold(Duration retryingThreshold) {
        if (retryingThreshold.isNegative()) {
            throw new IllegalArgumentException("Invalid value " + retryingThreshold
                    + " for management.health.disruptor.retrying-threshold: it must not be negative. Set it to 0 or"
                    + " more, such as 30s (0 reports a handler that retries without progress at once).");
        }
        return retryingThreshold;
    }

    static Duration checkFullThreshold(Duration fullThreshold) {
        if (fullThreshold.isNegative()) {
            // worded like the reports of the disruptor.* keys (DisruptorConfigurationException)
            throw new IllegalArgumentException("Invalid value " + fullThreshold
                    + " for management.health.disruptor.full-threshold: it must not be negative. Set it to 0 or more,"
                    + " such as 30s (0 reports a full ring at once).");
        }
        return fullThreshold;
    }
}
