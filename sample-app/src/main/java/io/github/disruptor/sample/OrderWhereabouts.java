package io.github.disruptor.sample;

/**
 * Why {@code GET /orders/{id}} does not show an order, when the reason is the mode's: in Kafka mode an instance
 * shows the orders of the partitions it matches, so an order may be another instance's.
 */
interface OrderWhereabouts {

    /** Why this instance does not show the order with this id. */
    String notShownHere(long orderId);
}
