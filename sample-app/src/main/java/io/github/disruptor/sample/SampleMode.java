package io.github.disruptor.sample;

/**
 * How the sample makes an order durable and where it matches it: {@code sample.mode}.
 */
public enum SampleMode {

    /** The default: one process, orders journaled to a file, no broker needed. */
    STANDALONE,

    /**
     * Orders go to a Kafka topic; every instance of the group matches the symbols of the partitions it is
     * assigned and writes trades to a topic exactly once.
     */
    KAFKA
}
