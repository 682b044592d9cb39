package io.github.disruptor.core;

import static io.github.disruptor.core.Sequencer.NO_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiProducerSequencer}: besides what {@link SequencerTest} checks, the per-slot availability
 * flags (published in any order, one lap at a time) and claims by compare-and-set from many threads.
 */
class MultiProducerSequencerTest extends SequencerTest {

    @Override
    Sequencer newSequencer(String ringName, int size, WaitStrategy waitStrategy) {
        return new MultiProducerSequencer(ringName, size, waitStrategy);
    }

    private MultiProducerSequencer multi() {
        return (MultiProducerSequencer) sequencer;
    }

    @Test
    void theCursorCountsClaimsSoProcessorsMustCheckEachSlot() {
        long claimed = sequencer.next(3, NO_DEADLINE);
        assertThat(claimed).isEqualTo(2);
        assertThat(sequencer.cursor()).as("claimed, not yet published").isEqualTo(2);
        assertThat(sequencer.cursorMayRunAhead()).isTrue();
        assertThat(availability(0, 2)).containsExactly(false, false, false);
    }

    @Test
    void aSlotIsAvailableOnlyOnceItsOwnSequenceIsPublishedInWhateverOrder() {
        sequencer.next(6, NO_DEADLINE);
        multi().publish(3, 3);
        multi().publish(5, 5);
        assertThat(availability(0, 6)).containsExactly(false, false, false, true, false, true, false);
        multi().publish(0, 2);
        assertThat(availability(0, 6)).containsExactly(true, true, true, true, false, true, false);
    }

    @Test
    void theHighestPublishedStopsBeforeTheFirstGap() {
        sequencer.next(6, NO_DEADLINE);
        assertThat(sequencer.highestPublished(0, 5)).as("nothing published: one before low").isEqualTo(-1);
        sequencer.publish(0, 1);
        sequencer.publish(3, 3);
        assertThat(sequencer.highestPublished(0, 5)).isEqualTo(1);
        assertThat(sequencer.highestPublished(2, 5)).as("low itself is missing").isEqualTo(1);
        assertThat(sequencer.highestPublished(3, 5)).isEqualTo(3);
        assertThat(sequencer.highestPublished(3, 3)).isEqualTo(3);

        sequencer.publish(2, 2);
        assertThat(sequencer.highestPublished(0, 5)).isEqualTo(3);
        sequencer.publish(4, 5);
        assertThat(sequencer.highestPublished(0, 5)).isEqualTo(5);
        assertThat(sequencer.highestPublished(0, 4)).as("never beyond what the caller saw available").isEqualTo(4);
    }

    @Test
    void anAvailabilityFlagAnswersOnlyForTheLapThatSetIt() {
        claimAndPublish(SIZE); // lap 0: sequences 0 to 7
        assertThat(availability(0, SIZE - 1)).containsOnly(true);
        assertThat(multi().isAvailable(1 + SIZE)).as("slot 1, one lap on: not published yet").isFalse();
        assertThat(multi().isAvailable(1 + 2L * SIZE)).as("slot 1, two laps on").isFalse();

        slowest.set(SIZE - 1);
        fast.set(SIZE - 1);
        long high = sequencer.next(3, NO_DEADLINE); // lap 1: sequences 8, 9, 10 in slots 0, 1, 2
        assertThat(high).isEqualTo(SIZE + 2);
        sequencer.publish(SIZE, SIZE);
        sequencer.publish(SIZE + 2, SIZE + 2);

        assertThat(multi().isAvailable(SIZE)).isTrue();
        assertThat(multi().isAvailable(0)).as("slot 0 now holds lap 1").isFalse();
        assertThat(multi().isAvailable(SIZE + 1)).as("slot 1 still holds lap 0").isFalse();
        assertThat(multi().isAvailable(SIZE + 2)).isTrue();
        assertThat(sequencer.highestPublished(SIZE, SIZE + 2)).isEqualTo(SIZE);

        sequencer.publish(SIZE + 1, SIZE + 1);
        assertThat(multi().isAvailable(1)).as("slot 1 now holds lap 1").isFalse();
        assertThat(sequencer.highestPublished(SIZE, SIZE + 2)).isEqualTo(SIZE + 2);
        assertThat(availability(3, SIZE - 1)).as("slots 3 to 7 still hold lap 0").containsOnly(true);
        assertThat(availability(SIZE + 3, 2L * SIZE - 1))
                .as("sequences 11 to 15 are not published, although their slots hold published lap 0 events")
                .containsOnly(false);
    }

    @Test
    void claimsByCompareAndSetFromManyThreadsHandOutEverySequenceExactlyOnce() throws Exception {
        int threads = 4;
        int claimsPerThread = 20_000;
        int size = 1 << 20; // larger than every claim together: this pins the compare-and-set, not the wrap
        MultiProducerSequencer shared = new MultiProducerSequencer("shared", size, new SignalCounter());
        shared.setGatingSequences(new Sequence[] {new Sequence()});
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BitSet>> claimed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int batch = 1 + t; // batches of 1 to 4 slots
                claimed.add(pool.submit(() -> {
                    assertThat(go.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
                    BitSet mine = new BitSet();
                    for (int i = 0; i < claimsPerThread / batch; i++) {
                        long high = shared.next(batch, NO_DEADLINE);
                        mine.set((int) (high - batch + 1), (int) high + 1);
                        shared.publish(high - batch + 1, high);
                    }
                    return mine;
                }));
            }
            go.countDown();
            BitSet all = new BitSet();
            int total = 0;
            for (Future<BitSet> future : claimed) {
                BitSet mine = future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(mine.intersects(all)).as("a sequence handed to two producers").isFalse();
                all.or(mine);
                total += mine.cardinality();
            }
            assertThat(all.nextClearBit(0)).as("the first sequence no producer got").isEqualTo(total);
            assertThat(shared.cursor()).isEqualTo(total - 1L);
            assertThat(shared.highestPublished(0, total - 1L)).isEqualTo(total - 1L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void producersWaitingForSpaceAreLetThroughOneSlotPerSlotFreedWithoutOvertaking() throws Exception {
        claimAndPublish(SIZE);
        fast.set(SIZE - 1);
        int producers = 3;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        try {
            List<Future<Long>> claims = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                claims.add(pool.submit(() -> {
                    long claimed = sequencer.next(1, NO_DEADLINE);
                    long slowestWhenClaimed = slowest.get();
                    sequencer.publish(claimed, claimed);
                    done.incrementAndGet();
                    assertThat(claimed - SIZE).as("claimed %d while the slowest handler was at %d", claimed,
                            slowestWhenClaimed).isLessThanOrEqualTo(slowestWhenClaimed);
                    return claimed;
                }));
            }
            for (int freed = 0; freed < producers; freed++) {
                assertThat(done).as("claims let through before slot %d was freed", freed).hasValue(freed);
                slowest.set(freed);
                int expected = freed + 1;
                await("a producer to take slot " + freed).atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                        .untilAsserted(() -> assertThat(done).hasValueGreaterThanOrEqualTo(expected));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<Long> claim : claims) {
                sequences.add(claim.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
            }
            assertThat(sequences).containsExactlyInAnyOrder((long) SIZE, SIZE + 1L, SIZE + 2L);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Boolean> availability(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(multi()::isAvailable).toList();
    }
}
