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
 * Claims never hand out a slot twice: neither to two producers at once, nor to a producer while a
 * handler is still reading the slot's previous event.
 */
public final class ClaimTest {

    private static final long NOT_CLAIMED = -1;

    private ClaimTest() {
    }

    @JCStressTest
    @Description("Two producers claim one slot each on the multi-producer sequencer")
    @Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = "distinct slots")
    @Outcome(expect = FORBIDDEN, desc = "the same slot was handed out twice")
    @State
    public static class MultiProducerSingleClaims {
        private final Sequencer sequencer = Rings.sequencer(ProducerType.MULTI, 4, new PeekWaitStrategy());

        @Actor
        public void first(JJ_Result result) {
            result.r1 = sequencer.next(1, Sequencer.NO_DEADLINE);
        }

        @Actor
        public void second(JJ_Result result) {
            result.r2 = sequencer.next(1, Sequencer.NO_DEADLINE);
        }
    }

    @JCStressTest
    @Description("A batch claim of two races a claim of one that may not wait, on the multi-producer sequencer")
    @Outcome(id = {"1, 2", "2, 0"}, expect = ACCEPTABLE, desc = "disjoint ranges (highest sequence of each claim)")
    @Outcome(expect = FORBIDDEN, desc = "the claimed ranges overlap")
    @State
    public static class MultiProducerBatchAndTryClaims {
        private final Sequencer sequencer = Rings.sequencer(ProducerType.MULTI, 4, new PeekWaitStrategy());

        @Actor
        public void batch(JJ_Result result) {
            result.r1 = sequencer.next(2, Sequencer.NO_DEADLINE);
        }

        @Actor
        public void attempt(JJ_Result result) {
            result.r2 = sequencer.next(1, Sequencer.NO_WAIT);
        }
    }

    /**
     * A full two-slot ring: the handler reads slot 0 and then releases it; a producer tries to claim
     * sequence 2, which lands in slot 0, and writes it if it got it. Results are (the sequence the
     * handler read in slot 0, the producer's claim or -1).
     */
    @JCStressTest
    @Description("Single producer claims the slot a handler is still reading")
    @Outcome(id = {"0, -1", "0, 2"}, expect = ACCEPTABLE, desc = "the handler read its event; the claim waited for it or came after")
    @Outcome(expect = FORBIDDEN, desc = "the producer overwrote an event the handler had not finished")
    @State
    public static class SingleProducerWrap {
        private final FullRing ring = new FullRing(ProducerType.SINGLE);

        @Actor
        public void handler(JJ_Result result) {
            result.r1 = ring.handleSlotZero();
        }

        @Actor
        public void producer(JJ_Result result) {
            result.r2 = ring.tryClaimAndWrite();
        }
    }

    @JCStressTest
    @Description("Multi-producer claims the slot a handler is still reading")
    @Outcome(id = {"0, -1", "0, 2"}, expect = ACCEPTABLE, desc = "the handler read its event; the claim waited for it or came after")
    @Outcome(expect = FORBIDDEN, desc = "the producer overwrote an event the handler had not finished")
    @State
    public static class MultiProducerWrap {
        private final FullRing ring = new FullRing(ProducerType.MULTI);

        @Actor
        public void handler(JJ_Result result) {
            result.r1 = ring.handleSlotZero();
        }

        @Actor
        public void producer(JJ_Result result) {
            result.r2 = ring.tryClaimAndWrite();
        }
    }

    /** A two-slot ring holding sequences 0 and 1, published, with one handler that has finished neither. */
    static final class FullRing {
        private final Sequencer sequencer;
        private final RingBuffer<Slot> ring;
        private final Sequence handlerDone = new Sequence();

        FullRing(ProducerType type) {
            sequencer = Rings.sequencer(type, 2, new PeekWaitStrategy());
            ring = Rings.ring(sequencer);
            sequencer.setGatingSequences(new Sequence[] {handlerDone});
            Rings.publishOne(sequencer, ring);
            Rings.publishOne(sequencer, ring);
        }

        long handleSlotZero() {
            long seen = ring.get(0).sequence;
            handlerDone.set(0);
            return seen;
        }

        long tryClaimAndWrite() {
            long claimed = sequencer.next(1, Sequencer.NO_WAIT);
            if (claimed == Sequencer.NO_CAPACITY) {
                return NOT_CLAIMED;
            }
            ring.get(claimed).write(claimed);
            return claimed;
        }
    }
}
