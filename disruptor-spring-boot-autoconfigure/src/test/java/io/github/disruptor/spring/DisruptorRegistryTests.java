package io.github.disruptor.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorBuilder;
import io.github.disruptor.core.EventHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(OutputCaptureExtension.class)
class DisruptorRegistryTests {

    private final DisruptorRegistry registry = new DisruptorRegistry();
    private final List<Disruptor<?>> started = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void shutDown() {
        release.countDown();
        for (int i = started.size() - 1; i >= 0; i--) {
            assertThat(started.get(i).shutdown(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void awaitIdleWaitsForWhatAHandlerForwardsToAnotherRing() {
        AtomicLong delivered = new AtomicLong();
        Disruptor<Slot> outbound = start(ring("outbound", (event, sequence, endOfBatch) -> delivered.incrementAndGet()));
        // registered after the ring it publishes to, as the auto-configuration registers rings
        Disruptor<Slot> intake = start(ring("intake", (event, sequence, endOfBatch) -> {
            LockSupport.parkNanos(20_000);
            outbound.publish((slot, s) -> slot.value = event.value);
        }));
        for (long value = 0; value < 500; value++) {
            long copy = value;
            intake.publish((slot, sequence) -> slot.value = copy);
        }

        assertThat(registry.awaitIdle(Duration.ofSeconds(20))).isTrue();

        assertThat(delivered.get()).isEqualTo(500);
    }

    @Test
    void awaitIdleGivesUpAtOneDeadlineForAllRingsAndLogsWhichRingIsBehind(CapturedOutput output) {
        for (int i = 0; i < 4; i++) {
            Disruptor<Slot> stuck = start(ring("stuck" + i, (event, sequence, endOfBatch) -> release.await(30, TimeUnit.SECONDS)));
            stuck.publish((slot, sequence) -> slot.value = 1);
        }
        long begin = System.nanoTime();

        assertThat(registry.awaitIdle(Duration.ofMillis(500))).isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("one deadline, not one per ring")
                .isLessThan(Duration.ofMillis(1_500));
        assertThat(output).contains("Rings not idle within PT0.5S:",
                "ring 'stuck0' (RUNNING, cursor 0): handler 'stuck0-handler' (stage 0) at sequence -1, 1 event behind, RUNNING",
                "ring 'stuck3' (RUNNING, cursor 0)");
    }

    @Test
    void awaitIdleIsTrueAtOnceWithoutRingsOrEvents() {
        assertThat(registry.awaitIdle(Duration.ZERO)).isTrue();
        start(ring("quiet", (event, sequence, endOfBatch) -> { }));
        assertThat(registry.awaitIdle(Duration.ZERO)).isTrue();
    }

    @Test
    void awaitIdleRefusesANegativeTimeout() {
        assertThatIllegalArgumentException().isThrownBy(() -> registry.awaitIdle(Duration.ofSeconds(-1)))
                .withMessage("awaitIdle timeout must not be negative, was PT-1S; pass Duration.ZERO or more");
    }

    private Disruptor<Slot> start(Disruptor<Slot> ring) {
        ring.start();
        started.add(ring);
        registry.register(ring);
        return ring;
    }

    private static Disruptor<Slot> ring(String name, EventHandler<Slot> handler) {
        return DisruptorBuilder.withRingBuffer(1024, Slot::new).withName(name)
                .withBarrier(scope -> scope.handleEvents(name + "-handler", handler)).build();
    }

    static final class Slot {
        long value;
    }
}
