package io.github.disruptor.sample;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The latest {@code sample.idempotency.max-keys} {@code Idempotency-Key}s, each with the order
 * it placed, so that a client can retry a {@code POST /orders} whose answer it never got without placing the
 * order twice. Keys are journaled with their orders and rebuilt on start, so a retry after a restart finds
 * its order too. The first request with a key claims it; a concurrent or later request with the same key
 * waits for that claim's outcome instead of placing anything.
 */
@ConditionalOnSampleMode(SampleMode.STANDALONE)
@Component
class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 64;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:~+/=-]{1," + MAX_LENGTH + "}");

    private final int maxKeys;
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    /** Every claim made, oldest first, also those released or replaced since: at most {@code maxKeys} of them. */
    private final ConcurrentLinkedQueue<Claim> oldestFirst = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();

    IdempotencyKeys(SampleProperties properties) {
        this.maxKeys = properties.idempotency().maxKeys();
    }

    /** Why {@code key} is not a valid key, or {@code null} if it is. */
    static String problemWith(String key) {
        if (KEY.matcher(key).matches()) {
            return null;
        }
        return HEADER + " must be 1 to " + MAX_LENGTH + " characters: letters, digits and - _ . : ~ + / = (a UUID will"
                + " do), was " + Echo.text(key);
    }

    /**
     * Claims {@code key} for {@code order}, or returns the claim an earlier request made: the caller places the
     * order only if {@link Claim#isFirst()}, and then completes the claim.
     */
    Claim claim(String key, OrderTicket order) {
        Claim fresh = new Claim(key, order, true);
        Claim earlier = claims.putIfAbsent(key, fresh);
        if (earlier != null) {
            return earlier.asSeenByARetry();
        }
        keep(fresh);
        return fresh;
    }

    /** A key journaled with its order, on replay. */
    void remember(String key, OrderTicket order, long orderId) {
        Claim journaled = new Claim(key, order, false);
        journaled.submitted(Submission.placed(orderId, OrderJournal.BEFORE_THIS_RUN));
        claims.put(key, journaled);
        keep(journaled);
    }

    /** Forgets a claim whose order was not placed, so that a retry can place it. */
    void release(Claim claim) {
        claims.remove(claim.key(), claim);
    }

    private void keep(Claim claim) {
        oldestFirst.add(claim);
        if (queued.incrementAndGet() > maxKeys) {
            Claim oldest = oldestFirst.poll();
            if (oldest != null) {
                queued.decrementAndGet();
                claims.remove(oldest.key(), oldest);
            }
        }
    }

    /** A key, the order it stands for, and what became of that order once the first request placed it. */
    static final class Claim {

        private final String key;
        private final OrderTicket order;
        private final boolean first;
        private final CompletableFuture<Submission> submission;

        private Claim(String key, OrderTicket order, boolean first) {
            this(key, order, first, new CompletableFuture<>());
        }

        private Claim(String key, OrderTicket order, boolean first, CompletableFuture<Submission> submission) {
            this.key = key;
            this.order = order;
            this.first = first;
            this.submission = submission;
        }

        String key() {
            return key;
        }

        OrderTicket order() {
            return order;
        }

        /** Whether this request claimed the key and so places the order. */
        boolean isFirst() {
            return first;
        }

        /** The first request's outcome: placed (with the order's id and ring sequence) or refused. */
        CompletableFuture<Submission> submission() {
            return submission;
        }

        void submitted(Submission outcome) {
            submission.complete(outcome);
        }

        private Claim asSeenByARetry() {
            return new Claim(key, order, false, submission);
        }
    }
}
