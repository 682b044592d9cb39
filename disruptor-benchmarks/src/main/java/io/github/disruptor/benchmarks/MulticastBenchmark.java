package io.github.disruptor.benchmarks;

/**
 * One producer, two consumers that each see every event (queues: one queue per consumer, the
 * producer offers every event to both). Yielding: three threads share two cores.
 */
public class MulticastBenchmark extends SharedCoresBenchmark {

    @Override
    protected Topology topology() {
        return Topology.MULTICAST;
    }
}
