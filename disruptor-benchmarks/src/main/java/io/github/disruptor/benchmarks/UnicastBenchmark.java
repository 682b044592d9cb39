package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Param;

/** One producer, one consumer, one event per claim; busy-spin (a core each) and yielding. */
public class UnicastBenchmark extends ThroughputBenchmark {

    @Param({"ours", "lmax", "abq", "jctools"})
    public String contender;

    @Param({"busy-spin", "yielding"})
    public String waitStrategy;

    @Override
    protected EventFlow createFlow() {
        return EventFlow.create(contender, workload());
    }

    @Override
    protected Workload workload() {
        return new Workload(Topology.UNICAST, Idle.of(waitStrategy), 1);
    }
}
