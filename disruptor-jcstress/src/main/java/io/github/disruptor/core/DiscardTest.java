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
 * must also see the discard mark, or a handler would get the half-written event. Results are
 * (the processor sees sequence 0 published, the processor skips it as discarded).
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
            } catch (AlertException | InterruptedException unexpected) {
                throw new IllegalStateException(unexpected);
            }
            result.r1 = available >= 0;
            result.r2 = available >= 0 && ring.mayHoldDiscards(0) && ring.isDiscarded(0);
        }
    }
}
