package io.github.disruptor.spring.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorBuilder;
import io.github.disruptor.core.EventPoller;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.core.HandlerOptions;
import io.github.disruptor.core.RetryPolicy;
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
    private final DisruptorHealthContributor contributor = new DisruptorHealthContributor(registry,
            Duration.ofSeconds(5), Duration.ofSeconds(5), applicationRunning::get, nanoClock::get);
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
        Map<String, Object> running = Map.of("lag", 0L, "state", HandlerState.RUNNING, "errors", 0L, "retries", 0L,
                "discarded", 0L);
        assertThat(health.getDetails().get("handlers")).isEqualTo(Map.of(
                "journal", with(running, "stage", 0), "replicate", with(running, "stage", 0),
                "business", with(running, "stage", 1)));
    }

    @Test
    void showsTheErrorsRetriesAndDiscardsOfEachHandler() {
        Disruptor<Slot> orders = TestRings.retryingThenDiscarding("orders");
        rings.start(orders);
        TestRings.publish(orders, 1, -2, 3);
        await().atMost(DEADLINE).until(() -> orders.monitor().handlers().stream().allMatch(h -> h.lag() == 0));

        Health health = health("orders");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(handlerDetails(health, "enrich")).containsEntry("errors", 3L).containsEntry("retries", 2L)
                .containsEntry("discarded", 1L).doesNotContainKey("retryingFor");
    }

    @Test
    void aHandlerThatKeepsRetryingWithoutProgressTurnsItsRingDownAfterTheThreshold() {
        AtomicBoolean cardServiceDown = new AtomicBoolean(true);
        Disruptor<Slot> payments = DisruptorBuilder.withRingBuffer(64, Slot::new).withName("payments")
                .withBarrier(scope -> scope.handleEvents("charge", (event, sequence, endOfBatch) -> {
                    if (cardServiceDown.get()) {
                        throw new IllegalStateException("expected by the test: the card service is down");
                    }
                }, HandlerOptions.defaults().withRetry(RetryPolicy.of(Integer.MAX_VALUE, Duration.ofMillis(1)))))
                .build();
        rings.start(payments);
        HandlerMonitor charge = payments.monitor().handlers().get(0);
        TestRings.publish(payments, 1);
        await().atMost(DEADLINE).until(() -> charge.retryCount() > 0);
        assertThat(health("payments").getStatus()).as("first seen").isEqualTo(Status.UP);
        long seen = charge.retryCount();
        await().atMost(DEADLINE).until(() -> charge.retryCount() > seen);

        assertThat(handlerDetails(health("payments"), "charge")).as("retrying, no progress").containsEntry("retryingFor", "PT0S");
        nanoClock.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(health("payments").getStatus()).isEqualTo(Status.UP);
        nanoClock.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(problems(health("payments"))).singleElement().asString().matches("handler 'charge' has retried the "
                + "event at sequence 0 for PT5S without progress \\(\\d+ retries so far\\), which reaches "
                + "management.health.disruptor.retrying-threshold \\(PT5S\\)");

        cardServiceDown.set(false);

        await().atMost(DEADLINE).until(() -> charge.sequence() == 0);
        assertThat(health("payments").getStatus()).isEqualTo(Status.UP);
        assertThat(handlerDetails(health("payments"), "charge")).doesNotContainKey("retryingFor");
    }

    @Test
    void aPollerHasNoThreadThatCouldDie() throws Exception {
        Disruptor<Slot> agent = DisruptorBuilder.withRingBuffer(64, Slot::new).withName("agent")
                .withBarrier(scope -> scope.pollEvents("poller")).build();
        rings.start(agent);
        TestRings.publish(agent, 1);

        Health health = health("agent");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(handlerDetails(health, "poller")).containsEntry("state", HandlerState.POLLED).containsEntry("lag", 1L);
        assertThat(agent.poller("poller").poll((event, sequence, endOfBatch) -> true))
                .as("polled, so the ring can drain").isEqualTo(EventPoller.PollState.PROCESSING);
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
                .isThrownBy(() -> new DisruptorHealthContributor(registry, Duration.ofSeconds(-1), Duration.ZERO,
                        () -> true))
                .withMessage("Invalid value PT-1S for management.health.disruptor.full-threshold: it must not be "
                        + "negative. Set it to 0 or more, such as 30s (0 reports a full ring at once).");
    }

    @Test
    void rejectsANegativeRetryingThreshold() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DisruptorHealthContributor(registry, Duration.ZERO, Duration.ofSeconds(-2),
                        () -> true))
                .withMessage("Invalid value PT-2S for management.health.disruptor.retrying-threshold: it must not be "
                        + "negative. Set it to 0 or more, such as 30s (0 reports a handler that retries without "
                        + "progress at once).");
    }

    private static Map<String, Object> with(Map<String, Object> details, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(details);
        copy.put(key, value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> handlerDetails(Health health, String handler) {
        return ((Map<String, Map<String, Object>>) health.getDetails().get("handlers")).get(handler);
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
