package io.github.disruptor.benchmarks;

/**
 * The shape of a throughput scenario: how many threads publish, how many stages follow each other,
 * and how many consumers each stage has (each seeing every event).
 */
record Topology(int producers, int stages, int consumersPerStage) {

    static final Topology UNICAST = new Topology(1, 1, 1);
    static final Topology PIPELINE = new Topology(1, 3, 1);
    static final Topology MULTICAST = new Topology(1, 1, 2);

    Topology {
        if (producers < 1 || stages < 1 || consumersPerStage < 1) {
            throw new IllegalArgumentException("a topology needs at least one producer, stage and consumer per stage; got "
                    + producers + ", " + stages + " and " + consumersPerStage);
        }
    }

    /** {@code producers} threads publishing into one consumer. */
    static Topology multiProducer(int producers) {
        if (producers < 2) {
            throw new IllegalArgumentException("a multi-producer topology has at least 2 producers, not " + producers);
        }
        return new Topology(producers, 1, 1);
    }
}
