package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A full ring: tryPublish refuses, publish waits, and both recover as soon as the handler moves. */
class BackpressureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(ProducerType.class)
    void aFullRingRefusesTryPublishAndBlocksPublishUntilSpaceFrees(ProducerType producerType) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong handled = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(8, LongEvent::new)
                .withProducerType(producerType)
                .withBarrier(scope -> scope.handleEvents("gate", (event, sequence, end) -> {
                    release.await(20, TimeUnit.SECONDS);
                    handled.incrementAndGet();
                }))
                .build();
        disruptor.start();
        for (long i = 0; i < 8; i++) {
            assertThat(disruptor.tryPublish(LongEvent.VALUE, i)).as("tryPublish #%d", i).isTrue();
        }
        assertThat(disruptor.tryPublish(LongEvent.VALUE, 8L)).isFalse();
        assertThat(disruptor.tryPublish((event, sequence) -> event.value = 8, Duration.ofMillis(20))).isFalse();
        assertThat(disruptor.monitor().rejectedPublishes()).isEqualTo(2);
        assertThat(disruptor.monitor().remainingCapacity()).isZero();

        AtomicReference<Thread> producer = new AtomicReference<>();
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            producer.set(Thread.currentThread());
            disruptor.publish(LongEvent.VALUE, 8L);
        });
        await("the producer to wait for space").atMost(PATIENCE).pollInterval(ONE_MILLISECOND).untilAsserted(() ->
                assertThat(producer.get()).extracting(Thread::getState).isEqualTo(Thread.State.TIMED_WAITING));
        assertThat(blocked).isNotDone();

        release.countDown();
        blocked.get(20, TimeUnit.SECONDS);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(handled).hasValue(9);
    }

    /**
     * A negative timeout is a deadline already passed, so tryPublish on a full ring answers false at
     * once, as it does for -1 ms, however negative. (It waited for 146 years when the timeout was too
     * negative for nanoseconds: BackOff.saturatedNanos turned it into Long.MAX_VALUE / 2.)
     */
    @Test
    void aTryPublishWithANegativeTimeoutGivesUpAtOnceHoweverNegativeTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(2, LongEvent::new)
                .withBarrier(scope -> scope.handleEvents("gate",
                        (event, sequence, end) -> release.await(20, TimeUnit.SECONDS)))
                .build();
        disruptor.start();
        EventTranslator<LongEvent> nothing = (event, sequence) -> { };
        disruptor.publish(nothing);
        disruptor.publish(nothing);
        CompletableFuture<Boolean> farInThePast = CompletableFuture.supplyAsync(
                () -> disruptor.tryPublish(nothing, Duration.ofSeconds(Long.MIN_VALUE)));
        try {
            assertThat(disruptor.tryPublish(nothing, Duration.ofMillis(-1))).isFalse();
            assertThat(farInThePast).as("tryPublish on a full ring with a timeout of Long.MIN_VALUE seconds")
                    .succeedsWithin(Duration.ofSeconds(5)).isEqualTo(false);
        } finally {
            disruptor.halt(); // releases a tryPublish that waits after all
            release.countDown();
        }
    }
}
