package io.github.disruptor.spring.kafka;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.github.disruptor.spring.kafka.KafkaRingSourceStatus.State;

/**
 * The health of one ring's Kafka consumer: DOWN when its thread has failed, when it halted on a poison record
 * or cannot dead-letter one, when a poll or a rebalance has not returned for longer than
 * {@code stuck-threshold}, or when the consumer has heard nothing from the cluster for that long (the broker is
 * down or unreachable). Details: group, state, what it is doing, the latest problem, and per
 * partition its position, committed offset, records in the ring and lag.
 */
final class KafkaRingSourceHealthIndicator implements HealthIndicator {

    private final KafkaRingSource source;
    private final KafkaRingSources sources;

    KafkaRingSourceHealthIndicator(KafkaRingSource source, KafkaRingSources sources) {
        this.source = source;
        this.sources = sources;
    }

    @Override
    public Health health() {
        KafkaRingSourceStatus status = source.status();
        Duration threshold = source.settings().stuckThreshold();
        String down = downReason(status, threshold);
        Health.Builder health = down == null ? Health.up() : Health.down().withDetail("reason", down);
        health.withDetail("groupId", status.groupId()).withDetail("topics", status.topics())
                .withDetail("state", status.state()).withDetail("activity", status.activity())
                .withDetail("deadLettered", status.deadLettered()).withDetail("partitions", status.partitions());
        if (status.problem() != null) {
            health.withDetail("problem", status.problem());
        }
        return health.build();
    }

    private String downReason(KafkaRingSourceStatus status, Duration threshold) {
        switch (status.state()) {
            case FAILED, HALTED, DEAD_LETTER_FAILING -> {
                return status.problem() != null ? status.problem() : status.activity();
            }
            case STOPPED -> {
                return sources.isRunning() && source.settings().autoStartup()
                        ? "the consumer is not running while the application runs" : null;
            }
            default -> {
                // a consumer that polls keeps its group membership; one that does not is stuck somewhere
            }
        }
        if (status.sinceLastPoll() != null && status.sinceLastPoll().compareTo(threshold) > 0) {
            return "the consumer thread has not polled for " + seconds(status.sinceLastPoll()) + " (while "
                    + status.activity() + "); stuck-threshold is " + threshold;
        }
        if (status.state() == State.REBALANCING && status.inActivityFor().compareTo(threshold) > 0) {
            return status.activity() + " for " + seconds(status.inActivityFor());
        }
        if (status.sinceLastContact() != null && status.sinceLastContact().compareTo(threshold) > 0) {
            return "the consumer has heard nothing from the cluster (group " + status.groupId() + ") for "
                    + seconds(status.sinceLastContact()) + ": is the broker at " + source.bootstrapServers()
                    + " down or unreachable (spring.kafka.bootstrap-servers)?";
        }
        return null;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
