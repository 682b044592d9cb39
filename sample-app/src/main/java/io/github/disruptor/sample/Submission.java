package io.github.disruptor.sample;

/**
 * What publishing an order into the ring did: placed it (its id and ring sequence), or refused it before
 * anything was published, with the reason.
 *
 * @param orderId the order's id, or 0 if refused
 * @param sequence the ring sequence the order was published at, or {@link OrderJournal#BEFORE_THIS_RUN}
 * @param refusal why nothing was published, or {@code null} if placed
 */
record Submission(long orderId, long sequence, String refusal) {

    static Submission placed(long orderId, long sequence) {
        return new Submission(orderId, sequence, null);
    }

    static Submission refused(String reason) {
        return new Submission(0, 0, reason);
    }

    boolean isPlaced() {
        return refusal == null;
    }
}
