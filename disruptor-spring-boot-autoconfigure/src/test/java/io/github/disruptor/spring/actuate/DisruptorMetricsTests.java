package io.github.disruptor.spring.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.actuate.TestRings.Slot;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DisruptorMetricsTests {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @RegisterExtension
    final RingsUnderTest rings = new RingsUnderTest();

    private final DisruptorRegistry registry = rings.registry();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    @Test
    void readsEveryMeterOfARingFromItsSequences() {
        Disruptor<Slot> orders = TestRings.pipeline("orders");
        rings.start(orders);
        new DisruptorMetrics(registry).bindTo(meters);

        TestRings.publish(orders, 1, 2, -3, 4, 5);

        await().atMost(DEADLINE).until(() -> counter("disruptor.events.processed", "orders", "business") == 5);
        assertThat(meters.get("disruptor.events.published").tag("ring", "orders").functionCounter().count()).isEqualTo(5);
        assertThat(gauge(meters.get("disruptor.ring.capacity").tag("ring", "orders"))).isEqualTo(1024);
        assertThat(gauge(meters.get("disruptor.ring.remaining").tag("ring", "orders"))).isEqualTo(1024);
        assertThat(meters.get("disruptor.publish.rejected").tag("ring", "orders").functionCounter().count()).isZero();
        assertThat(counter("disruptor.events.processed", "orders", "journal")).isEqualTo(5);
        assertThat(counter("disruptor.events.processed", "orders", "replicate")).isEqualTo(5);
        assertThat(counter("disruptor.handler.errors", "orders", "replicate")).isEqualTo(1);
        assertThat(counter("disruptor.handler.errors", "orders", "journal")).isZero();
        assertThat(gauge(meters.get("disruptor.handler.lag").tags("ring", "orders", "handler", "journal", "stage", "0")))
                .isZero();
        assertThat(gauge(meters.get("disruptor.handler.lag").tags("ring", "orders", "handler", "business", "stage", "1")))
                .isZero();
        assertThat(meters.getMeters()).hasSize(5 + 3 * 5)
                .allSatisfy(meter -> assertThat(meter.getId().getBaseUnit()).isEqualTo("events"));
    }

    @Test
    void followsAStuckHandlerAndCountsRejectedPublishes() {
        Disruptor<Slot> slow = TestRings.blockedUntil("slow", 8, rings.release());
        rings.start(slow);
        new DisruptorMetrics(registry).bindTo(meters);

        assertThat(TestRings.fill(slow)).isEqualTo(8);

        assertThat(gauge(meters.get("disruptor.ring.remaining").tag("ring", "slow"))).isZero();
        assertThat(gauge(meters.get("disruptor.handler.lag").tags("ring", "slow", "handler", "stuck"))).isEqualTo(8);
        assertThat(meters.get("disruptor.events.published").tag("ring", "slow").functionCounter().count()).isEqualTo(8);
        assertThat(meters.get("disruptor.publish.rejected").tag("ring", "slow").functionCounter().count()).isEqualTo(1);
        assertThat(counter("disruptor.events.processed", "slow", "stuck")).isZero();

        rings.release().countDown();

        await().atMost(DEADLINE).until(() -> counter("disruptor.events.processed", "slow", "stuck") == 8);
        assertThat(gauge(meters.get("disruptor.handler.lag").tags("ring", "slow", "handler", "stuck"))).isZero();
        assertThat(gauge(meters.get("disruptor.ring.remaining").tag("ring", "slow"))).isEqualTo(8);
    }

    @Test
    void aHandlerOnSeveralThreadsIsOneSeriesAndRetriesAndDiscardsAreCounted() {
        Disruptor<Slot> orders = TestRings.retryingThenDiscarding("orders");
        rings.start(orders);
        new DisruptorMetrics(registry).bindTo(meters);

        TestRings.publish(orders, 1, -2, 3, 4, -5, 6);

        await().atMost(DEADLINE).until(() -> counter("disruptor.events.processed", "orders", "settle") == 6);
        assertThat(meters.get("disruptor.events.processed").tag("ring", "orders").functionCounters())
                .as("one series per declared handler, none per thread").hasSize(2);
        assertThat(counter("disruptor.events.processed", "orders", "enrich")).isEqualTo(6);
        assertThat(gauge(meters.get("disruptor.handler.lag").tags("ring", "orders", "handler", "enrich"))).isZero();
        assertThat(counter("disruptor.handler.errors", "orders", "enrich")).isEqualTo(6);
        assertThat(counter("disruptor.handler.retries", "orders", "enrich")).isEqualTo(4);
        assertThat(counter("disruptor.handler.discarded", "orders", "enrich")).isEqualTo(2);
        assertThat(counter("disruptor.handler.discarded", "orders", "settle")).isZero();
        assertThat(meters.getMeters()).noneMatch(meter -> String.valueOf(meter.getId().getTag("handler")).contains("["));
    }

    @Test
    void countsThePublishesASingleProducerRingRefusedBecauseTwoThreadsClaimedAtOnce() throws InterruptedException {
        Disruptor<Slot> orders = TestRings.pipeline("orders");
        rings.start(orders);
        new DisruptorMetrics(registry).bindTo(meters);
        AtomicBoolean publishing = new AtomicBoolean(true);
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread publisher = new Thread(() -> {
                while (publishing.get()) {
                    try {
                        orders.tryPublish((event, sequence) -> event.value = 1);
                    } catch (IllegalStateException refused) {
                        // counted by the ring
                    }
                }
            });
            publishers.add(publisher);
            publisher.start();
        }
        try {
            await().atMost(DEADLINE).until(() -> orders.monitor().concurrentClaims() > 0);
        } finally {
            publishing.set(false);
            for (Thread publisher : publishers) {
                publisher.join(DEADLINE.toMillis());
            }
        }
        assertThat(meters.get("disruptor.publish.concurrent.claims").tag("ring", "orders").functionCounter().count())
                .isEqualTo(orders.monitor().concurrentClaims()).isPositive();
    }

    @Test
    void bindsRingsRegisteredAfterBinding() {
        new DisruptorMetrics(registry).bindTo(meters);
        assertThat(meters.getMeters()).isEmpty();

        Disruptor<Slot> late = TestRings.pipeline("late");
        rings.start(late);
        TestRings.publish(late, 7);

        await().atMost(DEADLINE).until(() -> counter("disruptor.events.processed", "late", "business") == 1);
        assertThat(meters.get("disruptor.handler.lag").tag("ring", "late").gauges()).hasSize(3);
    }

    private double counter(String name, String ring, String handler) {
        return meters.get(name).tags("ring", ring, "handler", handler).functionCounter().count();
    }

    private static double gauge(RequiredSearch search) {
        return search.gauge().value();
    }
}
