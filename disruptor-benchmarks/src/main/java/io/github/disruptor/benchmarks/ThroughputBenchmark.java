package io.github.disruptor.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The throughput measurement every scenario shares: one invocation publishes {@link #EVENTS} events
 * (split evenly when several threads publish, see {@link FlowDriver}) and returns once every
 * last-stage consumer has consumed all of them, so the score is events consumed per second,
 * measured identically for each contender. Subclasses choose the contender and the
 * {@link Workload}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class ThroughputBenchmark {

    /** Events per invocation: large enough that starting and awaiting the consumers is noise. */
    public static final int EVENTS = 1_000_000;

    private FlowDriver driver;

    /** The flow to measure; called once per trial. */
    protected abstract EventFlow createFlow();

    /** What the benchmark's parameters select: topology, way of waiting, events per claim. */
    protected abstract Workload workload();

    @Setup(Level.Trial)
    public void startFlow() {
        driver = new FlowDriver(createFlow(), workload());
    }

    @TearDown(Level.Trial)
    public void stopFlow() {
        driver.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long events() {
        return driver.publishAndAwait(EVENTS);
    }
}
