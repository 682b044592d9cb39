package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * Two or three producers, one consumer, through the multi-producer sequencers (JCTools: MPSC
 * queue). Yielding: three or four threads share two cores.
 */
public class MultiProducerBenchmark extends SharedCoresBenchmark {

    @Param({"2", "3"})
    public int producers;

    @Override
    protected Topology topology() {
        return Topology.multiProducer(producers);
    }
}
