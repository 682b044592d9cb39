package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * One producer, one consumer, {@code batch} events per claim: our {@code publishBatch} against
 * LMAX's {@code next(n)}/{@code publish(low, high)}. Queues have no multi-slot claim, so they sit
 * this one out. Busy-spin: two threads on two cores.
 */
public class UnicastBatchBenchmark extends ThroughputBenchmark {

    @Param({"ours", "lmax"})
    public String contender;

    @Param({"10", "100"})
    public int batch;

    @Override
    protected EventFlow createFlow() {
        return EventFlow.create(contender, workload());
    }

    @Override
    protected Workload workload() {
        return new Workload(Topology.UNICAST, Idle.BUSY_SPIN, batch);
    }
}
