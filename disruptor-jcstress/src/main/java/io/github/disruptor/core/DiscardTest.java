package io.github.disruptor.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * A translator that throws half-way leaves its slot half-written; the producer marks the slot
 * discarded and publishes it (a claim cannot be taken back). A processor that sees the publication
 * must also see the discard mark, or a handler would get the half-written event. The same holds for a
 * handler whose exception handler discards an event: it marks the event and then releases its
 * sequence, and a handler behind it that sees the release must see the mark. Results are (the
 * processor sees sequence 0 released, the processor skips it as discarded).
 */
public final class DiscardTest {

    private DiscardTest() {
    }

    @JCStressTest
    @Description("Single producer discards a half-written event while a processor looks")
    @Outcome(id = "false, false", expect = ACCEPTABLE, desc = "not published yet")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "published and recognised as discarded")
    @Outcome(expect = FORBIDDEN, desc = "a half-written event would reach the handler")
    @State
    public static class SingleProducer {
        private final DiscardingRing ring = new DiscardingRing(ProducerType.SINGLE);

        @Actor
        public void producer() {
            ring.failedPublish();
        }

        @Actor
        public void processor(ZZ_Result result) {
            ring.observe(result);
        }
    }

    @JCStressTest
    @Description("Multi-producer discards a half-written event while a processor looks")
    @Outcome(id = "false, false", expect = ACCEPTABLE, desc = "not published yet")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "published and recognised as discarded")
    @Outcome(expect = FORBIDDEN, desc = "a half-written event would reach the handler")
    @State
    public static class MultiProducer {
        private final DiscardingRing ring = new DiscardingRing(ProducerType.MULTI);

        @Actor
        public void producer() {
            ring.failedPublish();
        }

        @Actor
        public void processor(ZZ_Result result) {
            ring.observe(result);
        }
    }

    @JCStressTest
    @Description("A handler discards the event it failed on while a handler behind it looks")
    @Outcome(id = "false, false", expect = ACCEPTABLE, desc = "not released yet")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "released and recognised as discarded")
    @Outcome(expect = FORBIDDEN, desc = "the handler behind would see an event discarded upstream")
    @State
    public static class Handler {
        private final RingBuffer<Slot> ring = Rings.ring(Rings.sequencer(ProducerType.SINGLE, 4, new PeekWaitStrategy()));
        private final DiscardMarks upstreamDiscards = new DiscardMarks(4);
        private final Sequence upstreamSequence = new Sequence();

        /** The DISCARD branch of {@code BatchEventProcessor.afterFailure} on sequence 0. */
        @Actor
        public void upstream() {
            upstreamDiscards.mark(0);
            ring.raiseDiscardWatermark(0);
            upstreamSequence.set(0);
        }

        /** The check a handler behind it makes before it hands sequence 0 over. */
        @Actor
        public void downstream(ZZ_Result result) {
            result.r1 = upstreamSequence.get() >= 0;
            result.r2 = result.r1 && ring.mayHoldDiscards(0) && upstreamDiscards.isMarked(0);
        }
    }

    static final class DiscardingRing {
        private final Sequencer sequencer;
        private final RingBuffer<Slot> ring;
        private final ProcessingSequenceBarrier barrier;

        DiscardingRing(ProducerType type) {
            sequencer = Rings.sequencer(type, 4, new PeekWaitStrategy());
            ring = Rings.ring(sequencer);
            barrier = Rings.peekingBarrier(sequencer);
        }

        /** The catch block of {@code Disruptor.translateAndPublish}, after a translator threw half-way. */
        void failedPublish() {
            long sequence = sequencer.next(1, Sequencer.NO_DEADLINE);
            ring.get(sequence).writeHalf(sequence);
            ring.discard(sequence, sequence);
            sequencer.publish(sequence, sequence);
        }

        /** The check {@code BatchEventProcessor} makes before it hands sequence 0 to a handler. */
        void observe(ZZ_Result result) {
            long available;
            try {
                available = barrier.waitFor(0);
            } catch (AlertException | InterruptedException | WaitTimeoutException unexpected) {
                throw new IllegalStateException(unexpected);
            }
            result.r1 = available >= 0;
            result.r2 = available >= 0 && ring.mayHoldDiscards(0) && ring.producerDiscards().isMarked(0);
        }
    }
}
