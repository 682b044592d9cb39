package io.github.disruptor.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/** Publishing a burst into an idle ring whose handler is held still: the producer's cost per event. */
public class PublishBurstBenchmark extends BurstBenchmark {

    @Setup(Level.Invocation)
    public void drainAndHold() {
        awaitConsumed();
        handler.open = false;
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void publish() {
        publishBurst();
    }
}
