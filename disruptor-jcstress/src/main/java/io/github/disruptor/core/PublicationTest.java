package io.github.disruptor.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

/**
 * A sequence a processor's barrier reports as published is seen with its event fully written. Results
 * are (events the barrier hands out, how many of them are fully written).
 */
public final class PublicationTest {

    private PublicationTest() {
    }

    @JCStressTest
    @Description("Single producer publishes a batch of two with plain event stores and one release of the cursor")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "nothing published yet")
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "the batch is visible, fully written")
    @Outcome(expect = FORBIDDEN, desc = "an event reached the handler before its stores did")
    @State
    public static class SingleProducerBatch {
        private final Sequencer sequencer = Rings.sequencer(ProducerType.SINGLE, 4, new PeekWaitStrategy());
        private final RingBuffer<Slot> ring = Rings.ring(sequencer);
        private final ProcessingSequenceBarrier barrier = Rings.peekingBarrier(sequencer);
        private final long[] counts = new long[2];

        @Actor
        public void producer() {
            long high = sequencer.next(2, Sequencer.NO_DEADLINE);
            ring.get(high - 1).write(high - 1);
            ring.get(high).write(high);
            sequencer.publish(high - 1, high);
        }

        @Actor
        public void processor(JJ_Result result) {
            Rings.observe(barrier, ring, 0, counts);
            result.r1 = counts[0];
            result.r2 = counts[1];
        }
    }

    /**
     * A multi-producer batch lands in slots that already hold the previous lap's events: the
     * availability flags must tell the laps apart, and must never run ahead of the events.
     */
    @JCStressTest
    @Description("Multi-producer publishes a batch into the second lap of a two-slot ring while a processor looks")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "sequence 2 not published yet")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "sequence 2 visible, fully written")
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "sequences 2 and 3 visible, fully written")
    @Outcome(expect = FORBIDDEN, desc = "the availability check reported an unwritten slot (or the old lap)")
    @State
    public static class MultiProducerSecondLap {
        private final Sequencer sequencer = Rings.sequencer(ProducerType.MULTI, 2, new PeekWaitStrategy());
        private final RingBuffer<Slot> ring = Rings.ring(sequencer);
        private final ProcessingSequenceBarrier barrier = Rings.peekingBarrier(sequencer);
        private final long[] counts = new long[2];

        public MultiProducerSecondLap() {
            Sequence handlerDone = new Sequence(1);
            sequencer.setGatingSequences(new Sequence[] {handlerDone});
            Rings.publishOne(sequencer, ring);
            Rings.publishOne(sequencer, ring);
        }

        @Actor
        public void producer() {
            long high = sequencer.next(2, Sequencer.NO_DEADLINE);
            ring.get(high - 1).write(high - 1);
            ring.get(high).write(high);
            sequencer.publish(high - 1, high);
        }

        @Actor
        public void processor(JJ_Result result) {
            Rings.observe(barrier, ring, 2, counts);
            result.r1 = counts[0];
            result.r2 = counts[1];
        }
    }
}
