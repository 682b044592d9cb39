package io.github.disruptor.sample;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.disruptor.core.DisruptorClosedException;
import org.springframework.stereotype.Component;

/**
 * The standalone mode's order entry: publishes the order into the ring and answers once the journal stage
 * has written it, within {@code sample.journal.ack-timeout}; a halted journal refuses orders before they are
 * published. With an {@code Idempotency-Key}, a retry gets the outcome of the first request's order instead
 * of placing another.
 */
@ConditionalOnSampleMode(SampleMode.STANDALONE)
@Component
class JournaledOrderEntry implements OrderEntry {

    private final OrderIntake intake;
    private final OrderJournal journal;
    private final IdempotencyKeys idempotencyKeys;
    private final Duration ackTimeout;

    JournaledOrderEntry(OrderIntake intake, OrderJournal journal, IdempotencyKeys idempotencyKeys,
            SampleProperties properties) {
        this.intake = intake;
        this.journal = journal;
        this.idempotencyKeys = idempotencyKeys;
        this.ackTimeout = properties.journal().ackTimeout();
    }

    @Override
    public Placement place(OrderTicket order, String idempotencyKey) {
        String refusal = journal.refusal();
        if (refusal != null) {
            return new Placement.Refused(refusal);
        }
        if (idempotencyKey == null) {
            return acknowledge(submit(order, null), false);
        }
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(idempotencyKey, order);
        if (!claim.isFirst()) {
            return retry(claim, order);
        }
        Submission submission = submit(order, idempotencyKey);
        if (!submission.isPlaced()) {
            idempotencyKeys.release(claim);
        }
        claim.submitted(submission);
        return acknowledge(submission, false);
    }

    private Placement retry(IdempotencyKeys.Claim claim, OrderTicket order) {
        if (!claim.order().equals(order)) {
            Submission first = claim.submission().getNow(null);
            String placed = first != null && first.isPlaced() ? "order " + first.orderId() : "an order being placed";
            return new Placement.KeyReused(IdempotencyKeys.HEADER + " '" + claim.key() + "' was first used for " + placed
                    + " (" + claim.order() + "); this request differs (" + order.differencesFrom(claim.order())
                    + "). A key stands for one order: send a new key for a new order");
        }
        Submission first;
        try {
            first = claim.submission().get(ackTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException ex) {
            return new Placement.Refused("the first request with " + IdempotencyKeys.HEADER + " '" + claim.key()
                    + "' is still placing its order; retry with the same key");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Placement.Refused("interrupted while waiting for the first request with this key");
        }
        return acknowledge(first, true);
    }

    private Submission submit(OrderTicket order, String idempotencyKey) {
        try {
            return intake.tryPlace(order, idempotencyKey);
        } catch (DisruptorClosedException closed) {
            String refusal = journal.refusal();
            return Submission.refused(refusal != null ? refusal
                    : "the application is shutting down and accepts no new orders");
        }
    }

    private Placement acknowledge(Submission submission, boolean retried) {
        if (!submission.isPlaced()) {
            return new Placement.Refused(submission.refusal());
        }
        if (journal.awaitWritten(submission.sequence(), ackTimeout)) {
            return new Placement.Accepted(submission.orderId(), retried);
        }
        return new Placement.Refused(journal.whyNotWritten(ackTimeout));
    }
}
