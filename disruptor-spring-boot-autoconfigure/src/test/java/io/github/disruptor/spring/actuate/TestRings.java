package io.github.disruptor.spring.actuate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorBuilder;
import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.ExceptionHandler;
import io.github.disruptor.core.HandlerOptions;
import io.github.disruptor.core.HandlerState;
import io.github.disruptor.core.RetryPolicy;
import io.github.disruptor.spring.DisruptorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rings for the tests, started and registered in a {@link DisruptorRegistry} as the Spring layer
 * would; closing shuts them down. As a bean, Spring closes it with the context.
 */
final class TestRings implements AutoCloseable {

    /** The event of every test ring. */
    static final class Slot {
        long value;
    }

    /** A handler that throws on negative values. */
    static final EventHandler<Slot> REJECTS_NEGATIVE = (event, sequence, endOfBatch) -> {
        if (event.value < 0) {
            throw new IllegalArgumentException("negative value " + event.value + " at sequence " + sequence);
        }
    };

    private final List<Disruptor<?>> rings;

    private TestRings(List<Disruptor<?>> rings) {
        this.rings = rings;
    }

    /** Starts {@code rings} and registers them in {@code registry}. */
    static TestRings startAndRegister(DisruptorRegistry registry, Disruptor<?>... rings) {
        for (Disruptor<?> ring : rings) {
            ring.start();
            registry.register(ring);
        }
        return new TestRings(List.of(rings));
    }

    /**
     * Two stages on a single-producer ring of 1024 with the sleeping wait strategy (idle handlers barely
     * use the CPU): {@code journal} and {@code replicate} (stage 0, {@code replicate} rejects negative
     * values and continues), then {@code business} (stage 1).
     */
    static Disruptor<Slot> pipeline(String name) {
        return DisruptorBuilder.withRingBuffer(1024, Slot::new)
                .withSleepingWaitStrategy()
                .withSingleProducerSequencer()
                .withName(name)
                .withBarrier(scope -> scope.handleEvents("journal", (event, sequence, endOfBatch) -> { })
                        .handleEvents("replicate", REJECTS_NEGATIVE))
                .withBarrier(scope -> scope.handleEvents("business", (event, sequence, endOfBatch) -> { }))
                .build();
    }

    /** A ring of 1024 whose handler {@code validator} halts on its first negative value. */
    static Disruptor<Slot> haltingOnNegative(String name) {
        return DisruptorBuilder.withRingBuffer(1024, Slot::new)
                .withBlockingWaitStrategy()
                .withMultiProducerSequencer()
                .withName(name)
                .withBarrier(scope -> scope.handleEvents("validator", REJECTS_NEGATIVE,
                        HandlerOptions.defaults().withExceptionHandler(ExceptionHandler.logAndHalt())))
                .build();
    }

    /**
     * {@code enrich} on three threads (stage 0) gets a negative value three times in all, then discards
     * it; {@code settle} (stage 1) never sees it. Single producer, sleeping wait strategy, 1024 slots.
     */
    static Disruptor<Slot> retryingThenDiscarding(String name) {
        return DisruptorBuilder.withRingBuffer(1024, Slot::new)
                .withSleepingWaitStrategy()
                .withSingleProducerSequencer()
                .withName(name)
                .withBarrier(scope -> scope.handleEvents("enrich", REJECTS_NEGATIVE, HandlerOptions.defaults()
                        .withConcurrency(3).withRetry(RetryPolicy.of(3, Duration.ZERO))
                        .withExceptionHandler(ExceptionHandler.logAndDiscard())))
                .withBarrier(scope -> scope.handleEvents("settle", (event, sequence, endOfBatch) -> { }))
                .build();
    }

    /** A ring of {@code size} whose handler {@code stuck} waits (at most 30 seconds) for {@code release}. */
    static Disruptor<Slot> blockedUntil(String name, int size, CountDownLatch release) {
        return DisruptorBuilder.withRingBuffer(size, Slot::new)
                .withBlockingWaitStrategy()
                .withSingleProducerSequencer()
                .withName(name)
                .withBarrier(scope -> scope.handleEvents("stuck", (event, sequence, endOfBatch) -> {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the handler");
                    }
                }))
                .build();
    }

    /** Publishes one event per value. */
    static void publish(Disruptor<Slot> ring, long... values) {
        for (long value : values) {
            ring.publish((event, sequence) -> event.value = value);
        }
    }

    /** Publishes until the ring refuses; returns how many it accepted. */
    static int fill(Disruptor<Slot> ring) {
        int accepted = 0;
        while (ring.tryPublish((event, sequence) -> event.value = 1)) {
            accepted++;
        }
        return accepted;
    }

    /** Drains and stops every ring; a ring with a halted handler can never drain, so it is halted. */
    @Override
    public void close() {
        for (Disruptor<?> ring : rings) {
            boolean halted = ring.monitor().handlers().stream().anyMatch(h -> h.state() == HandlerState.HALTED);
            if (halted) {
                ring.halt();
            } else {
                assertThat(ring.shutdown(Duration.ofSeconds(10))).as("ring '%s' drained", ring.name()).isTrue();
            }
        }
    }
}
