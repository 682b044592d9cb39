package io.github.disruptor.benchmarks;

/**
 * Two producers, one consumer, through the multi-producer sequencers (JCTools: MPSC queue).
 * Yielding: three threads share two cores.
 */
public class MultiProducerBenchmark extends SharedCoresBenchmark {

    @Override
    protected Topology topology() {
        return Topology.MULTI_PRODUCER;
    }
}
