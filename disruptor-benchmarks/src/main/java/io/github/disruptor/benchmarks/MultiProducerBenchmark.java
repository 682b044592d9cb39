package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * Two producers, one consumer, through the multi-producer sequencers (JCTools: MPSC queue).
 * Yielding: three threads share two cores.
 */
public class MultiProducerBenchmark extends ThroughputBenchmark {

    @Param({"ours", "lmax", "abq", "jctools"})
    public String contender;

    @Override
    protected EventFlow createFlow() {
        return EventFlow.create(contender, topology(), Idle.YIELDING);
    }

    @Override
    protected Topology topology() {
        return Topology.MULTI_PRODUCER;
    }
}
