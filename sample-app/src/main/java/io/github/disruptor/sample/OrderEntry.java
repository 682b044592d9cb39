package io.github.disruptor.sample;

/**
 * Where {@code POST /orders} hands a checked order: it answers {@link Placement.Accepted} only once the
 * order is durable, and otherwise says why not. In the standalone mode the order is durable once the
 * journal stage has written it ({@link JournaledOrderEntry}); a mode with a broker would answer once the
 * broker has acknowledged it.
 */
interface OrderEntry {

    /**
     * @param idempotencyKey the client's {@code Idempotency-Key} (checked), or {@code null}
     */
    Placement place(OrderTicket order, String idempotencyKey);
}
