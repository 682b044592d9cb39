package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * One producer, two consumers that each see every event (queues: one queue per consumer, the
 * producer offers every event to both). Yielding: three threads share two cores.
 */
public class MulticastBenchmark extends ThroughputBenchmark {

    @Param({"ours", "lmax", "abq", "jctools"})
    public String contender;

    @Override
    protected EventFlow createFlow() {
        return EventFlow.create(contender, topology(), Idle.YIELDING);
    }

    @Override
    protected Topology topology() {
        return Topology.MULTICAST;
    }
}
