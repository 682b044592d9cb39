package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link DiscardMarks}: one slot per ring slot holding the last sequence discarded into it, created
 * on the first discard only, so a mark left on an earlier lap never matches a later sequence.
 */
class DiscardMarksTest {

    private static final int SIZE = 8;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final DiscardMarks marks = new DiscardMarks(SIZE);

    @Test
    void nothingIsMarkedBeforeTheFirstDiscard() {
        assertThat(LongStream.range(0, 3 * SIZE).mapToObj(marks::isMarked)).containsOnly(false);
    }

    @Test
    void aSourceThatNeverDiscardsNeverPaysForTheMarks() {
        int size = 1 << 16;
        long before = allocatedByThisThread();
        DiscardMarks lazy = new DiscardMarks(size);
        int marked = 0;
        for (long sequence = 0; sequence < 10_000; sequence++) {
            marked += lazy.isMarked(sequence) ? 1 : 0;
        }
        long beforeTheFirstMark = allocatedByThisThread();
        lazy.mark(3);
        long afterTheFirstMark = allocatedByThisThread();
        lazy.mark(4);
        long afterTheSecondMark = allocatedByThisThread();

        long slotBytes = 8L * size;
        assertThat(marked).isZero();
        assertThat(beforeTheFirstMark - before).as("bytes allocated before any discard").isLessThan(slotBytes / 8);
        assertThat(afterTheFirstMark - beforeTheFirstMark).as("bytes allocated by the first discard")
                .isGreaterThanOrEqualTo(slotBytes);
        assertThat(afterTheSecondMark - afterTheFirstMark).as("bytes allocated by the second discard")
                .isLessThan(slotBytes / 8);
        assertThat(lazy.isMarked(3)).isTrue();
        assertThat(lazy.isMarked(4)).isTrue();
    }

    @Test
    void aMarkMatchesItsOwnSequenceAndNoOtherLap() {
        marks.mark(5);
        assertThat(marks.isMarked(5)).isTrue();
        assertThat(marks.isMarked(4)).isFalse();
        assertThat(marks.isMarked(6)).isFalse();
        assertThat(marks.isMarked(5 + SIZE)).as("the same slot one lap later").isFalse();
        assertThat(marks.isMarked(5 + 7L * SIZE)).as("the same slot seven laps later").isFalse();
    }

    @Test
    void aMarkOnALaterLapReplacesTheOneBeforeIt() {
        marks.mark(2);
        marks.mark(2 + SIZE);
        assertThat(marks.isMarked(2 + SIZE)).isTrue();
        assertThat(marks.isMarked(2)).as("overwritten by the next lap's mark").isFalse();
    }

    @Test
    void sequencesBeyondTheIntRangeMapToTheirSlotToo() {
        long far = (1L << 40) + 3;
        marks.mark(far);
        assertThat(marks.isMarked(far)).isTrue();
        assertThat(marks.isMarked(3)).isFalse();
        assertThat(marks.isMarked(far + SIZE)).isFalse();
    }

    @Test
    void aSequenceIsDiscardedUpstreamIfAnyOfTheSourcesBeforeItMarkedIt() {
        DiscardMarks producers = new DiscardMarks(SIZE);
        DiscardMarks validator = new DiscardMarks(SIZE);
        DiscardMarks[] upstream = {producers, validator};
        producers.mark(1);
        validator.mark(2);

        assertThat(LongStream.range(0, 4).mapToObj(sequence -> DiscardMarks.anyMarked(upstream, sequence)))
                .containsExactly(false, true, true, false);
        assertThat(DiscardMarks.anyMarked(upstream, 2 + SIZE)).as("a later lap").isFalse();
        assertThat(DiscardMarks.anyMarked(new DiscardMarks[0], 1)).as("a handler with nothing upstream").isFalse();
    }

    /**
     * The shards of one handler may discard their first events at the same moment: however the
     * creation of the slots races, no mark may be lost to a second array. The two sources meet in a
     * spinning rendezvous (parked threads wake microseconds apart, which would hide the race) and the
     * slots are large enough that creating them takes microseconds.
     */
    @Test
    void sourcesDiscardingForTheFirstTimeAtOnceLoseNoMark() throws Exception {
        int sources = 2;
        int rounds = 500;
        ExecutorService pool = Executors.newFixedThreadPool(sources);
        try {
            for (int round = 0; round < rounds; round++) {
                DiscardMarks fresh = new DiscardMarks(4_096);
                AtomicInteger arrived = new AtomicInteger();
                List<Future<?>> discarding = new ArrayList<>();
                for (int s = 0; s < sources; s++) {
                    long sequence = s;
                    discarding.add(pool.submit(() -> {
                        arrived.incrementAndGet();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                        while (arrived.get() < sources) {
                            assertThat(System.nanoTime() - deadline).as("the other source never came").isNegative();
                            Thread.onSpinWait();
                        }
                        fresh.mark(sequence);
                        return null;
                    }));
                }
                for (Future<?> future : discarding) {
                    future.get(20, TimeUnit.SECONDS);
                }
                for (long sequence = 0; sequence < sources; sequence++) {
                    assertThat(fresh.isMarked(sequence)).as("round %d: the mark of sequence %d", round, sequence).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long allocatedByThisThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
