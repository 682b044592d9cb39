package io.github.disruptor.benchmarks;

/**
 * What a throughput measurement drives, the same for every contender: the topology, how waiting
 * threads idle, and how many events each claim takes (1: single publishes).
 */
record Workload(Topology topology, Idle idle, int batchSize) {

    Workload {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
    }

    /** The same workload with another way of waiting. */
    Workload waiting(Idle otherIdle) {
        return new Workload(topology, otherIdle, batchSize);
    }
}
