package io.github.disruptor.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * The promise of {@code Disruptor.publish} against a concurrent {@code stop} followed by a restart: a
 * publish that returns normally is handled (after the restart, if it raced the stop), and one that is
 * refused is never handled. Results are (publish returned normally, the event was handled once the
 * restarted ring was idle).
 */
public final class StopRaceTest {

    /** Silences the "stopped before it drained" warning the race can provoke. */
    private static final Logger DISRUPTOR_LOG = Logger.getLogger(Disruptor.class.getName());

    static {
        DISRUPTOR_LOG.setLevel(Level.OFF);
    }

    private StopRaceTest() {
    }

    @JCStressTest
    @Description("A single producer publishes while another thread stops the disruptor and starts it again")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "accepted and handled, before the stop or after the restart")
    @Outcome(id = "false, false", expect = ACCEPTABLE, desc = "refused while stopped, and never handled")
    @Outcome(id = "true, false", expect = FORBIDDEN, desc = "lost: the publish returned normally, nothing handled it")
    @Outcome(id = "false, true", expect = FORBIDDEN, desc = "a refused event was handled anyway")
    @State
    public static class SingleProducer {
        private final Ring ring = new Ring(ProducerType.SINGLE);

        @Actor
        public void producer(ZZ_Result result) {
            result.r1 = ring.publish();
        }

        @Actor
        public void stopAndRestart() {
            ring.stopAndRestart();
        }

        @Arbiter
        public void handled(ZZ_Result result) {
            result.r2 = ring.handledOnce();
        }
    }

    @JCStressTest
    @Description("A multi-producer publisher publishes while another thread stops the disruptor and starts it again")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "accepted and handled, before the stop or after the restart")
    @Outcome(id = "false, false", expect = ACCEPTABLE, desc = "refused while stopped, and never handled")
    @Outcome(id = "true, false", expect = FORBIDDEN, desc = "lost: the publish returned normally, nothing handled it")
    @Outcome(id = "false, true", expect = FORBIDDEN, desc = "a refused event was handled anyway")
    @State
    public static class MultiProducer {
        private final Ring ring = new Ring(ProducerType.MULTI);

        @Actor
        public void producer(ZZ_Result result) {
            result.r1 = ring.publish();
        }

        @Actor
        public void stopAndRestart() {
            ring.stopAndRestart();
        }

        @Arbiter
        public void handled(ZZ_Result result) {
            result.r2 = ring.handledOnce();
        }
    }

    /** A one-handler ring that counts what it handles. */
    static final class Ring {
        private final AtomicInteger handled = new AtomicInteger();
        private final Disruptor<Slot> disruptor;

        Ring(ProducerType type) {
            disruptor = DisruptorBuilder.withRingBuffer(4, Slot::new)
                    .withYieldingWaitStrategy()
                    .withProducerType(type)
                    .withBarrier(scope -> scope.handleEvents("counter", (event, sequence, end) -> handled.incrementAndGet()))
                    .build();
            disruptor.start();
        }

        boolean publish() {
            try {
                disruptor.publish((event, sequence) -> event.write(sequence));
                return true;
            } catch (DisruptorClosedException refused) {
                return false;
            }
        }

        void stopAndRestart() {
            disruptor.stop(Duration.ZERO);
            disruptor.start();
        }

        /** Waits until the restarted ring has handled everything, then shuts it down. */
        boolean handledOnce() {
            if (!disruptor.awaitIdle(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the restarted ring did not become idle: " + disruptor);
            }
            boolean once = handled.get() == 1;
            disruptor.shutdown(Duration.ofSeconds(10));
            return once;
        }
    }
}
