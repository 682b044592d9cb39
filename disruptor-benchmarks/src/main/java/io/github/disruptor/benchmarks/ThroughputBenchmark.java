package io.github.disruptor.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * (split evenly when there are two producers) and returns once every last-stage consumer has
 * consumed all of them, so the score is events consumed per second, measured identically for each
 * contender. Subclasses choose the contender, topology, wait strategy and batch size.
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

    private EventFlow flow;
    private SecondProducer secondProducer;
    private long published;

    /** The flow to measure; called once per trial. */
    protected abstract EventFlow createFlow();

    /** Topology of the scenario. */
    protected abstract Topology topology();

    /** Events per claim; 1 means single publishes. */
    protected int batchSize() {
        return 1;
    }

    @Setup(Level.Trial)
    public void startFlow() {
        flow = createFlow();
        if (topology().producers() == 2) {
            secondProducer = new SecondProducer(flow, batchSize());
        } else if (topology().producers() != 1) {
            throw new IllegalStateException("a scenario has 1 or 2 producers, not " + topology().producers());
        }
    }

    @TearDown(Level.Trial)
    public void stopFlow() {
        if (secondProducer != null) {
            secondProducer.stop();
        }
        flow.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long events() {
        published += EVENTS;
        if (secondProducer == null) {
            flow.publish(EVENTS, batchSize());
        } else {
            secondProducer.publish(EVENTS / 2);
            flow.publish(EVENTS / 2, batchSize());
        }
        return flow.awaitConsumed(published);
    }

    /** A parked thread that publishes half of each invocation's events alongside the benchmark thread. */
    private static final class SecondProducer implements Runnable {

        private final EventFlow flow;
        private final int batchSize;
        private final Thread thread;
        private volatile int pending;
        private volatile boolean running = true;

        SecondProducer(EventFlow flow, int batchSize) {
            this.flow = flow;
            this.batchSize = batchSize;
            this.thread = new Thread(this, "second-producer");
            thread.setDaemon(true);
            thread.start();
        }

        void publish(int events) {
            pending = events;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (running) {
                int events = pending;
                if (events == 0) {
                    LockSupport.park(this);
                    continue;
                }
                pending = 0;
                flow.publish(events, batchSize);
            }
        }

        void stop() {
            running = false;
            LockSupport.unpark(thread);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
