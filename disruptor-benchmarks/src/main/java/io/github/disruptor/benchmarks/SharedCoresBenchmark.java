package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * The scenarios with more threads than a 2-core machine has cores: every contender waits by
 * yielding, so the threads share the cores instead of starving each other. Subclasses choose the
 * topology.
 */
public abstract class SharedCoresBenchmark extends ThroughputBenchmark {

    @Param({"ours", "lmax", "abq", "jctools"})
    public String contender;

    protected abstract Topology topology();

    @Override
    protected EventFlow createFlow() {
        return EventFlow.create(contender, workload());
    }

    @Override
    protected Workload workload() {
        return new Workload(topology(), Idle.YIELDING, 1);
    }
}
