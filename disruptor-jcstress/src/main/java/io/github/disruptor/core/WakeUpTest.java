package io.github.disruptor.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Nobody waits forever: a thread parked by the blocking strategy returns once its dependency advances
 * or its barrier is alerted, and a producer waiting for space returns once a handler frees a slot or
 * the ring is closed. jcstress sends the signal at an arbitrary point of the wait, before, during or
 * after parking; an actor that never returns is reported STALE.
 */
public final class WakeUpTest {

    private WakeUpTest() {
    }

    @JCStressTest(Mode.Termination)
    @Description("A processor blocked on the cursor wakes when a producer publishes")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the publication")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the waiter stayed parked")
    @State
    public static class BlockingOnCursor {
        private final BlockingWaitStrategy strategy = new BlockingWaitStrategy();
        private final Sequencer sequencer = Rings.sequencer(ProducerType.MULTI, 4, strategy);
        private final ProcessingSequenceBarrier barrier = new ProcessingSequenceBarrier(sequencer, sequencer.cursor, true);

        @Actor
        public void processor() throws Exception {
            while (barrier.waitFor(0) < 0) {
                Thread.onSpinWait();
            }
        }

        @Signal
        public void producer() {
            long sequence = sequencer.next(1, Sequencer.NO_DEADLINE);
            sequencer.publish(sequence, sequence);
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("A processor blocked behind two upstream handlers wakes when the slower one advances")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the upstream stage finish")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the waiter stayed parked")
    @State
    public static class BlockingOnUpstreamStage {
        private final BlockingWaitStrategy strategy = new BlockingWaitStrategy();
        private final Sequence fastUpstream = new Sequence(0);
        private final Sequence slowUpstream = new Sequence();
        private final ProcessingSequenceBarrier barrier = new ProcessingSequenceBarrier(
                Rings.sequencer(ProducerType.SINGLE, 4, strategy),
                SequenceGroup.of(new Sequence[] {fastUpstream, slowUpstream}), false);

        @Actor
        public void processor() throws Exception {
            while (barrier.waitFor(0) < 0) {
                Thread.onSpinWait();
            }
        }

        @Signal
        public void upstreamHandler() {
            slowUpstream.set(0);
            strategy.signalAllWhenBlocking();
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("A processor blocked on an idle ring leaves its wait when halted")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the alert reached the waiter")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the halt was lost: the waiter stayed parked")
    @State
    public static class BlockingHalted {
        private final Sequencer sequencer = Rings.sequencer(ProducerType.MULTI, 4, new BlockingWaitStrategy());
        private final ProcessingSequenceBarrier barrier = new ProcessingSequenceBarrier(sequencer, sequencer.cursor, true);

        @Actor
        public void processor() throws Exception {
            try {
                barrier.waitFor(0);
            } catch (AlertException expected) {
                return;
            }
            throw new IllegalStateException("the wait ended without an alert on an idle ring");
        }

        @Signal
        public void halt() {
            barrier.alert();
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("A producer waiting on a full ring gets its slot once the handler frees one")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the producer claimed the freed slot")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the producer kept waiting on a ring with space")
    @State
    public static class ProducerOnFullRing {
        private final FullRing ring = new FullRing();

        @Actor
        public void producer() {
            ring.sequencer.next(1, Sequencer.NO_DEADLINE);
        }

        @Signal
        public void handler() {
            ring.handlerDone.set(0);
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("A producer waiting on a full ring is released when the ring shuts down")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the producer was released")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the producer kept waiting on a closed ring")
    @State
    public static class ProducerOnClosedRing {
        private final FullRing ring = new FullRing();

        @Actor
        public void producer() {
            try {
                ring.sequencer.next(1, Sequencer.NO_DEADLINE);
            } catch (DisruptorClosedException expected) {
                return;
            }
            throw new IllegalStateException("a claim succeeded on a full ring whose handler never moved");
        }

        @Signal
        public void shutdown() {
            ring.sequencer.close(Sequencer.SHUT_DOWN);
        }
    }

    /** A one-slot multi-producer ring whose only slot holds sequence 0, not yet handled. */
    static final class FullRing {
        final Sequencer sequencer = Rings.sequencer(ProducerType.MULTI, 1, new BlockingWaitStrategy());
        final Sequence handlerDone = new Sequence();

        FullRing() {
            sequencer.setGatingSequences(new Sequence[] {handlerDone});
            long sequence = sequencer.next(1, Sequencer.NO_DEADLINE);
            sequencer.publish(sequence, sequence);
        }
    }
}
