package io.github.disruptor.benchmarks;

/**
 * One producer and three stages, each waiting for the one before (queues: a chain of three queues
 * with a relay thread per stage). Yielding: four threads share two cores.
 */
public class PipelineBenchmark extends SharedCoresBenchmark {

    @Override
    protected Topology topology() {
        return Topology.PIPELINE;
    }
}
