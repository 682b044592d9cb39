package io.github.disruptor.core;

import static io.github.disruptor.core.Sequencer.NO_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link RingBuffer}: events created once up front, a sequence mapped to its slot by a mask lap after
 * lap with the padding never reachable, and the producers' discard marks with the watermark that lets
 * processors skip the per-slot checks.
 */
class RingBufferTest {

    private static final int SIZE = 8;

    /** An event that knows which call of the factory created it. */
    record Numbered(int number) {
    }

    private final List<Numbered> created = new ArrayList<>();
    private final Sequence handled = new Sequence();
    private final MultiProducerSequencer sequencer =
            new MultiProducerSequencer("ring", SIZE, new SequencerTest.SignalCounter());
    private final RingBuffer<Numbered> ring = new RingBuffer<>(SIZE, () -> {
        Numbered event = new Numbered(created.size());
        created.add(event);
        return event;
    }, sequencer);

    RingBufferTest() {
        sequencer.setGatingSequences(new Sequence[] {handled});
    }

    @Test
    void theFactoryFillsEverySlotOnceUpFrontInSlotOrder() {
        assertThat(ring.size()).isEqualTo(SIZE);
        assertThat(created).hasSize(SIZE);
        for (int slot = 0; slot < SIZE; slot++) {
            assertThat(ring.get(slot)).isSameAs(created.get(slot));
        }
    }

    @Test
    void aSequenceMapsToItsSlotLapAfterLap() {
        for (long sequence = 0; sequence < SIZE; sequence++) {
            assertThat(ring.get(sequence + SIZE)).isSameAs(ring.get(sequence));
            assertThat(ring.get(sequence + 1_000L * SIZE)).isSameAs(ring.get(sequence));
        }
        assertThat(ring.get(SIZE - 1)).isNotSameAs(ring.get(SIZE));
    }

    @Test
    void everySequenceReachesOneOfTheEventsAndNeverThePadding() {
        Set<Numbered> events = Collections.newSetFromMap(new IdentityHashMap<>());
        events.addAll(created);
        LongStream extremes = LongStream.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -SIZE - 1, -1, 0, SIZE - 1, SIZE,
                Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE - 1, Long.MAX_VALUE);
        LongStream random = new Random(42).longs(10_000);
        LongStream.concat(extremes, random).forEach(sequence ->
                assertThat(events).as("the event of sequence %d", sequence).contains(ring.get(sequence)));
    }

    @Test
    void theCursorAndTheCapacityAreTheSequencers() {
        assertThat(ring.cursor()).isEqualTo(Sequence.INITIAL_VALUE);
        assertThat(ring.remainingCapacity()).isEqualTo(SIZE);
        long high = sequencer.next(3, NO_DEADLINE);
        sequencer.publish(0, high);
        assertThat(ring.cursor()).isEqualTo(2);
        assertThat(ring.remainingCapacity()).isEqualTo(SIZE - 3);
        handled.set(2);
        assertThat(ring.remainingCapacity()).isEqualTo(SIZE);
    }

    @Test
    void aDiscardMarksEachSequenceOfItsRangeForThatLapOnly() {
        ring.discard(3, 5);
        DiscardMarks marks = ring.producerDiscards();
        assertThat(LongStream.rangeClosed(0, 7).mapToObj(marks::isMarked))
                .containsExactly(false, false, false, true, true, true, false, false);
        assertThat(marks.isMarked(3 + SIZE)).as("the same slot one lap on").isFalse();
    }

    @Test
    void theWatermarkTellsWhetherAnySequenceFromHereOnMayHaveBeenDiscarded() {
        assertThat(ring.mayHoldDiscards(0)).as("nothing discarded yet").isFalse();
        ring.discard(3, 5);
        assertThat(ring.mayHoldDiscards(0)).isTrue();
        assertThat(ring.mayHoldDiscards(5)).isTrue();
        assertThat(ring.mayHoldDiscards(6)).as("every batch above the last discard skips the checks").isFalse();

        ring.raiseDiscardWatermark(20); // a handler discarded sequence 20
        assertThat(ring.mayHoldDiscards(20)).isTrue();
        assertThat(ring.mayHoldDiscards(21)).isFalse();
        assertThat(ring.producerDiscards().isMarked(20)).as("a handler marks its own discards elsewhere").isFalse();
    }

    @Test
    void theWatermarkNeverGoesBack() {
        ring.raiseDiscardWatermark(40);
        ring.discard(7, 9);
        ring.raiseDiscardWatermark(12);
        assertThat(ring.mayHoldDiscards(40)).isTrue();
        assertThat(ring.mayHoldDiscards(41)).isFalse();
    }

    @Test
    void concurrentDiscardersLeaveTheWatermarkAtTheHighestOfAll() throws Exception {
        int threads = 4;
        int raisesPerThread = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Long>> highest = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(t);
                highest.add(pool.submit(() -> {
                    assertThat(go.await(20, TimeUnit.SECONDS)).isTrue();
                    long mine = Sequence.INITIAL_VALUE;
                    for (int i = 0; i < raisesPerThread; i++) {
                        long sequence = random.nextInt(1_000_000);
                        ring.raiseDiscardWatermark(sequence);
                        mine = Math.max(mine, sequence);
                    }
                    return mine;
                }));
            }
            go.countDown();
            long max = Sequence.INITIAL_VALUE;
            for (Future<Long> future : highest) {
                max = Math.max(max, future.get(20, TimeUnit.SECONDS));
            }
            assertThat(ring.mayHoldDiscards(max)).as("the highest discard, %d, is covered", max).isTrue();
            assertThat(ring.mayHoldDiscards(max + 1)).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }
}
