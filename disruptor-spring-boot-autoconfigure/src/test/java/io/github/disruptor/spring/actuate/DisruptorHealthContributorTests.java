package io.github.disruptor.spring.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.HandlerState;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.actuate.TestRings.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class DisruptorHealthContributorTests {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @RegisterExtension
    final RingsUnderTest rings = new RingsUnderTest();

    private final DisruptorRegistry registry = rings.registry();
    private final AtomicBoolean applicationRunning = new AtomicBoolean(true);
    private final AtomicLong nanoClock = new AtomicLong(1_000);
    private final DisruptorHealthContributor contributor =
            new DisruptorHealthContributor(registry, Duration.ofSeconds(5), applicationRunning::get, nanoClock::get);
    @Test
    void aRunningRingIsUpWithItsStateCapacityAndLagPerHandler() {
        Disruptor<Slot> orders = TestRings.pipeline("orders");
        rings.start(orders);
        TestRings.publish(orders, 1, 2, 3);
        await().atMost(DEADLINE).until(() -> orders.monitor().handlers().stream().allMatch(h -> h.lag() == 0));

        Health health = health("orders");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", DisruptorState.RUNNING)
                .containsEntry("ringSize", 1024).containsEntry("remainingCapacity", 1024L)
                .doesNotContainKeys("problems", "fullFor");
        assertThat(health.getDetails().get("handlers")).isEqualTo(Map.of(
                "journal", Map.of("stage", 0, "lag", 0L, "state", HandlerState.RUNNING),
                "replicate", Map.of("stage", 0, "lag", 0L, "state", HandlerState.RUNNING),
                "business", Map.of("stage", 1, "lag", 0L, "state", HandlerState.RUNNING)));
    }

    @Test
    void aHaltedHandlerTurnsItsRingDown() {
        Disruptor<Slot> payments = TestRings.haltingOnNegative("payments");
        rings.start(payments);
        assertThat(health("payments").getStatus()).isEqualTo(Status.UP);

        TestRings.publish(payments, 1, -2, 3);

        await().atMost(DEADLINE).until(() -> health("payments").getStatus().equals(Status.DOWN));
        assertThat(problems(health("payments")))
                .containsExactly("handler 'validator' halted before sequence 1 after 1 error(s); see the log");
    }

    @Test
    void aRingThatIsNotRunningIsDownOnlyWhileTheApplicationRuns() {
        Disruptor<Slot> neverStarted = TestRings.pipeline("never-started");
        registry.register(neverStarted);

        assertThat(problems(health("never-started"))).containsExactly("the ring is NEW while the application runs");
        applicationRunning.set(false);
        assertThat(health("never-started").getStatus()).isEqualTo(Status.UP);

        assertThat(neverStarted.shutdown(DEADLINE)).isTrue();
        assertThat(health("never-started").getStatus()).isEqualTo(Status.UP);
        applicationRunning.set(true);
        assertThat(problems(health("never-started")))
                .containsExactly("the ring is TERMINATED while the application runs");
    }

    @Test
    void aRingThatStaysFullLongerThanTheThresholdIsDown() {
        Disruptor<Slot> slow = TestRings.blockedUntil("slow", 8, rings.release());
        rings.start(slow);
        TestRings.fill(slow);

        Health firstSeenFull = health("slow");
        assertThat(firstSeenFull.getStatus()).isEqualTo(Status.UP);
        assertThat(firstSeenFull.getDetails()).containsEntry("remainingCapacity", 0L).containsEntry("fullFor", "PT0S");
        nanoClock.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(health("slow").getStatus()).isEqualTo(Status.UP);
        nanoClock.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(problems(health("slow"))).containsExactly(
                "the ring has been full for PT5S, which reaches management.health.disruptor.full-threshold (PT5S)");

        rings.release().countDown();

        await().atMost(DEADLINE).until(() -> health("slow").getStatus().equals(Status.UP));
        nanoClock.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(health("slow").getDetails()).containsEntry("remainingCapacity", 8L).doesNotContainKey("fullFor");
    }

    @Test
    void hasOneComponentPerRingIncludingRingsRegisteredLaterAndNoneForUnknownNames() {
        assertThat(contributor.stream()).isEmpty();
        rings.start(TestRings.pipeline("orders"), TestRings.pipeline("audit"));

        assertThat(contributor.stream().map(HealthContributors.Entry::name)).containsExactly("audit", "orders");
        assertThat(contributor.getContributor("orders")).isInstanceOf(HealthIndicator.class);
        assertThat(contributor.getContributor("unknown")).isNull();
    }

    @Test
    void rejectsANegativeFullThreshold() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DisruptorHealthContributor(registry, Duration.ofSeconds(-1), () -> true))
                .withMessage("Invalid value PT-1S for management.health.disruptor.full-threshold: it must not be "
                        + "negative. Set it to 0 or more, such as 30s (0 reports a full ring at once).");
    }

    private Health health(String ring) {
        return ((HealthIndicator) contributor.getContributor(ring)).health();
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(Health health) {
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        return (List<String>) health.getDetails().get("problems");
    }
}
