package io.github.disruptor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The sequencer for any number of publishing threads.
 *
 * <p>Claims move the cursor by compare-and-set, and only once the claimed range is known to be free:
 * a producer that gives up while waiting (shutdown, interrupt, deadline) has claimed nothing, so it
 * never leaves a hole that would stall the handlers.
 *
 * <p>Because producers finish writing in any order, the cursor only says what was claimed. Each slot
 * therefore records which lap of the ring was last published into it ({@code sequence >>> log2(size)})
 * in {@code availableBuffer}, written with release semantics after the event and read with acquire
 * semantics by processors. Producers share no "published" counter: each writes only its own slots.
 */
final class MultiProducerSequencer extends Sequencer {

    private static final VarHandle AVAILABLE = MethodHandles.arrayElementVarHandle(int[].class);

    private final Sequence gatingSequenceCache = new Sequence();
    private final int[] availableBuffer;
    private final int indexMask;
    private final int indexShift;

    MultiProducerSequencer(String ringName, int bufferSize, WaitStrategy waitStrategy) {
        super(ringName, bufferSize, waitStrategy);
        this.availableBuffer = new int[bufferSize];
        this.indexMask = bufferSize - 1;
        this.indexShift = Integer.numberOfTrailingZeros(bufferSize);
        for (int i = 0; i < bufferSize; i++) {
            AVAILABLE.setRelease(availableBuffer, i, -1);
        }
    }

    @Override
    long next(int n, long deadlineNanos) {
        ensureOpen();
        while (true) {
            long current = cursor.get();
            long claimed = current + n;
            long wrapPoint = claimed - bufferSize;
            if (wrapPoint > gatingSequenceCache.get()) {
                long gating = awaitGating(wrapPoint, current, deadlineNanos);
                if (gating == NO_CAPACITY) {
                    return NO_CAPACITY;
                }
                gatingSequenceCache.set(gating);
            } else if (cursor.compareAndSet(current, claimed)) {
                return claimed;
            }
        }
    }

    @Override
    void publish(long low, long high) {
        for (long sequence = low; sequence <= high; sequence++) {
            AVAILABLE.setRelease(availableBuffer, (int) sequence & indexMask, (int) (sequence >>> indexShift));
        }
        waitStrategy.signalAllWhenBlocking();
    }

    @Override
    long highestPublished(long low, long available) {
        for (long sequence = low; sequence <= available; sequence++) {
            if (!isAvailable(sequence)) {
                return sequence - 1;
            }
        }
        return available;
    }

    boolean isAvailable(long sequence) {
        return (int) AVAILABLE.getAcquire(availableBuffer, (int) sequence & indexMask) == (int) (sequence >>> indexShift);
    }

    @Override
    long claimedSoFar() {
        return cursor.get();
    }

    @Override
    boolean cursorMayRunAhead() {
        return true;
    }
}
