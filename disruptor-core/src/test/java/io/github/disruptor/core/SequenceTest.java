package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link Sequence}: a padded counter with one writer, acquire reads, release writes and a compare-and-set. */
class SequenceTest {

    @Test
    void aNewSequenceStandsBeforeTheFirstSlot() {
        assertThat(Sequence.INITIAL_VALUE).isEqualTo(-1L);
        assertThat(new Sequence().get()).isEqualTo(Sequence.INITIAL_VALUE);
    }

    @Test
    void aSequenceStartsAtTheValueItIsGiven() {
        assertThat(new Sequence(42L).get()).isEqualTo(42L);
        assertThat(new Sequence(Long.MIN_VALUE).get()).isEqualTo(Long.MIN_VALUE);
        assertThat(new Sequence(Long.MAX_VALUE).get()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void whatIsSetIsWhatEveryReadSeesAndASequenceMayBeSetBack() {
        Sequence sequence = new Sequence();
        sequence.set(7L);
        assertThat(sequence.get()).isEqualTo(7L);
        assertThat(sequence.getPlain()).isEqualTo(7L);
        sequence.set(3L); // a restart or a test may move it back: a sequence enforces no direction
        assertThat(sequence.get()).isEqualTo(3L);
        assertThat(sequence).hasToString("3");
    }

    @Test
    void compareAndSetMovesOnlyFromTheExpectedValue() {
        Sequence sequence = new Sequence(5L);
        assertThat(sequence.compareAndSet(4L, 9L)).isFalse();
        assertThat(sequence.get()).isEqualTo(5L);
        assertThat(sequence.compareAndSet(5L, 9L)).isTrue();
        assertThat(sequence.get()).isEqualTo(9L);
        assertThat(sequence.compareAndSet(5L, 11L)).as("the old value no longer matches").isFalse();
        assertThat(sequence.get()).isEqualTo(9L);
    }

    @Test
    void threadsClaimingByCompareAndSetEachGetDistinctValuesAndNoneIsLost() throws Exception {
        int threads = 4;
        int claimsPerThread = 50_000;
        Sequence cursor = new Sequence();
        AtomicLong failedAttempts = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> claims = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                claims.add(pool.submit(() -> {
                    long[] mine = new long[claimsPerThread];
                    for (int i = 0; i < claimsPerThread; i++) {
                        long current;
                        while (!cursor.compareAndSet(current = cursor.get(), current + 1)) {
                            failedAttempts.incrementAndGet();
                        }
                        mine[i] = current + 1;
                    }
                    return mine;
                }));
            }
            long[] all = new long[threads * claimsPerThread];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(claims.get(t).get(30, TimeUnit.SECONDS), 0, all, t * claimsPerThread, claimsPerThread);
            }
            Arrays.sort(all);
            for (int i = 0; i < all.length; i++) {
                if (all[i] != i) {
                    throw new AssertionError("claim #" + i + " in order is " + all[i] + " (" + failedAttempts
                            + " compare-and-sets lost a race)");
                }
            }
            assertThat(cursor.get()).isEqualTo(all.length - 1L);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The javadoc promises 120 bytes of padding on each side of the value. HotSpot lays out a
     * superclass's fields before a subclass's, so the fields of {@code LhsPadding} come before the
     * value and those of {@code RhsPadding} after it; this pins that nobody "cleans up" the unused
     * fields.
     */
    @Test
    void theValueHasAtLeast120BytesOfPaddingOnEachSide() throws Exception {
        Class<?> after = Sequence.class.getSuperclass();
        Class<?> value = after.getSuperclass();
        Class<?> before = value.getSuperclass();
        assertThat(value.getDeclaredField("value").getType()).isEqualTo(long.class);
        assertThat(instanceFieldBytes(before)).as("bytes of fields before the value").isGreaterThanOrEqualTo(120);
        assertThat(instanceFieldBytes(after)).as("bytes of fields after the value").isGreaterThanOrEqualTo(120);
        assertThat(instanceFieldBytes(Sequence.class)).as("Sequence adds no field of its own").isZero();
    }

    private static int instanceFieldBytes(Class<?> type) {
        int bytes = 0;
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Class<?> t = field.getType();
            bytes += t == long.class || t == double.class ? 8 : t == int.class || t == float.class ? 4
                    : t == short.class || t == char.class ? 2 : t == byte.class || t == boolean.class ? 1 : 4;
        }
        return bytes;
    }
}
