package io.github.disruptor.sample;

/** What became of a {@code POST /orders}: the answer the HTTP API gives. */
sealed interface Placement {

    /** 202: the order is durable; {@code retried} when an earlier request with the same key placed it. */
    record Accepted(long orderId, boolean retried) implements Placement {
    }

    /** 503: the order was not acknowledged, and why. */
    record Refused(String reason) implements Placement {
    }

    /** 422: the {@code Idempotency-Key} already stands for another order. */
    record KeyReused(String detail) implements Placement {
    }
}
