package io.github.disruptor.benchmarks;

/**
 * The shape of a throughput scenario: how many threads publish, how many stages follow each other,
 * and how many consumers each stage has (each seeing every event).
 */
record Topology(int producers, int stages, int consumersPerStage) {

    static final Topology UNICAST = new Topology(1, 1, 1);
    static final Topology MULTI_PRODUCER = new Topology(2, 1, 1);
    static final Topology PIPELINE = new Topology(1, 3, 1);
    static final Topology MULTICAST = new Topology(1, 1, 2);
}
