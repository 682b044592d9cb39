package io.github.disruptor.sample;

/**
 * Where the {@link LoadGenerator} sends its orders: handed over at once, without waiting until they are durable,
 * because the generator has no client to answer. Standalone mode: into the ring ({@link OrderIntake}); Kafka
 * mode: to the orders topic ({@link KafkaOrderEntry}).
 */
interface OrderSink {

    /** @return whether the order was taken; {@code false} when it was refused at once (a full ring, for example) */
    boolean offer(OrderTicket order);
}
