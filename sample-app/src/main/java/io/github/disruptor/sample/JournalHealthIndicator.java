package io.github.disruptor.sample;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code journal}: UP while the order journal writes, DOWN with the reason while it
 * retries a failed write and once it has halted. The details (state, reason, file, size) are shown only to
 * callers allowed to see health details ({@code management.endpoint.health.show-details}).
 */
@ConditionalOnSampleMode(SampleMode.STANDALONE)
@Component
class JournalHealthIndicator implements HealthIndicator {

    private final OrderJournal journal;

    JournalHealthIndicator(OrderJournal journal) {
        this.journal = journal;
    }

    @Override
    public Health health() {
        JournalStatus status = journal.status();
        Health.Builder health = status.state() == JournalStatus.State.WRITING ? Health.up() : Health.down();
        health.withDetail("state", status.state())
                .withDetail("file", journal.file().toString())
                .withDetail("bytes", journal.size())
                .withDetail("ordersWrittenThisRun", journal.ordersWritten());
        if (status.reason() != null) {
            health.withDetail("reason", status.reason())
                    .withDetail("since", status.since().toString())
                    .withDetail("failedAttempts", status.failedAttempts());
        }
        return health.build();
    }
}
