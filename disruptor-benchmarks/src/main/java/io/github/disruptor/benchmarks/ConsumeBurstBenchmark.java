package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/** Consuming a burst the producer wrote while the handler was held still: the handler side's cost per event. */
public class ConsumeBurstBenchmark extends BurstBenchmark {

    @Setup(Level.Invocation)
    public void fillWhileHeld() {
        awaitConsumed();
        handler.open = false;
        publishBurst();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void consume() {
        awaitConsumed();
    }
}
