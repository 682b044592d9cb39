package io.github.disruptor.core;

/** Builds the small rings the jcstress tests race on, from the core's package-private parts. */
final class Rings {

    static final String NAME = "jcstress";

    private Rings() {
    }

    static Sequencer sequencer(ProducerType type, int size, WaitStrategy waitStrategy) {
        return type == ProducerType.SINGLE
                ? new SingleProducerSequencer(NAME, size, waitStrategy)
                : new MultiProducerSequencer(NAME, size, waitStrategy);
    }

    static RingBuffer<Slot> ring(Sequencer sequencer) {
        return new RingBuffer<>(sequencer.bufferSize, Slot::new, sequencer);
    }

    /** A first-stage barrier that looks without waiting, as a processor would right after a publish. */
    static ProcessingSequenceBarrier peekingBarrier(Sequencer sequencer) {
        return new ProcessingSequenceBarrier(sequencer, sequencer.cursor, true);
    }

    /** Claims, writes and publishes one event, the way {@code Disruptor.publish} does. */
    static void publishOne(Sequencer sequencer, RingBuffer<Slot> ring) {
        long sequence = sequencer.next(1, Sequencer.NO_DEADLINE);
        ring.get(sequence).write(sequence);
        sequencer.publish(sequence, sequence);
    }

    /**
     * How many events from {@code first} on the processor's barrier would hand to a handler now, and
     * how many of those are fully written; the two must always be equal.
     */
    static void observe(ProcessingSequenceBarrier barrier, RingBuffer<Slot> ring, long first, long[] counts) {
        long available;
        try {
            available = barrier.waitFor(first);
        } catch (AlertException | InterruptedException | WaitTimeoutException unexpected) {
            throw new IllegalStateException(unexpected);
        }
        long visible = 0;
        long written = 0;
        for (long sequence = first; sequence <= available; sequence++) {
            visible++;
            if (ring.get(sequence).isWrittenFor(sequence)) {
                written++;
            }
        }
        counts[0] = visible;
        counts[1] = written;
    }
}
