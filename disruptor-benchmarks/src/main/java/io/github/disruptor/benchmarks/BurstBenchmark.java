package io.github.disruptor.benchmarks;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.github.disruptor.core.DisruptorBuilder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A diagnostic, not part of the suite: the per-event cost of one side of a ring while the other
 * side is held still, so that only one thread works during the measured time and no cache line
 * moves between cores while it does. (What it cannot show: a cost that only appears under that
 * traffic, such as the stack spills the publish path had; see docs/benchmarks/METHOD.md.) The handler stops at the first
 * event of each burst until it is let through; subclasses time either the producer publishing a
 * burst into an idle ring or the handler consuming a full one. Nanoseconds per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class BurstBenchmark {

    /** Events per burst: half the ring, so a burst never waits for space. */
    static final int BURST = EventFlow.CAPACITY / 2;

    @Param({"ours", "lmax"})
    public String contender;

    final GatedHandler handler = new GatedHandler();
    private io.github.disruptor.core.Disruptor<LongEvent> ours;
    private Disruptor<LongEvent> lmax;
    private RingBuffer<LongEvent> lmaxRing;
    long published;

    @Setup(Level.Trial)
    public void start() {
        if (contender.equals("ours")) {
            ours = DisruptorBuilder.withRingBuffer(EventFlow.CAPACITY, LongEvent::new)
                    .withName("burst").withYieldingWaitStrategy().withSingleProducerSequencer()
                    .withBarrier(scope -> scope.handleEvents("gated", handler)).build();
            ours.start();
        } else {
            lmax = new Disruptor<>(LongEvent::new, EventFlow.CAPACITY, DaemonThreadFactory.INSTANCE,
                    ProducerType.SINGLE, new YieldingWaitStrategy());
            lmax.handleEventsWith(handler);
            lmaxRing = lmax.start();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        handler.open = true;
        if (ours != null) {
            ours.halt();
        } else {
            lmax.halt();
        }
    }

    /** Publishes one burst from the calling thread. */
    void publishBurst() {
        if (ours != null) {
            for (int i = 0; i < BURST; i++) {
                ours.publish(CoreFlow.WRITE_SEQUENCE);
            }
        } else {
            for (int i = 0; i < BURST; i++) {
                lmaxRing.publishEvent(LmaxFlow.WRITE_SEQUENCE);
            }
        }
        published += BURST;
    }

    /** Lets the handler through and waits until it has consumed every published event. */
    void awaitConsumed() {
        handler.open = true;
        while (handler.consumed < published) {
            Thread.onSpinWait();
        }
    }

    /**
     * Sums the events; while closed, holds the handler thread inside the first event it gets, where
     * it touches neither the cursor nor the events. Implements both disruptors' handler interfaces.
     */
    static final class GatedHandler implements io.github.disruptor.core.EventHandler<LongEvent>,
            com.lmax.disruptor.EventHandler<LongEvent> {

        volatile boolean open = true;
        volatile long consumed;
        private long sum;

        @Override
        public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
            while (!open) {
                Thread.onSpinWait();
            }
            sum += event.value;
            if (endOfBatch) {
                consumed = sequence + 1;
            }
        }

        @Override
        public void onBatchStart(long batchSize, long queueDepth) {
        }

        @Override
        public void onTimeout(long sequence) {
        }

        @Override
        public void onStart() {
        }

        @Override
        public void onShutdown() {
        }
    }
}
