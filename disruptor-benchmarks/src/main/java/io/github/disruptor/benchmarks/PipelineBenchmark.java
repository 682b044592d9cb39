package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * One producer and three stages, each waiting for the one before (queues: a chain of three queues
 * with a relay thread per stage). Yielding: four threads share two cores.
 */
public class PipelineBenchmark extends ThroughputBenchmark {

    @Param({"ours", "lmax", "abq", "jctools"})
    public String contender;

    @Override
    protected EventFlow createFlow() {
        return EventFlow.create(contender, topology(), Idle.YIELDING);
    }

    @Override
    protected Topology topology() {
        return Topology.PIPELINE;
    }
}
