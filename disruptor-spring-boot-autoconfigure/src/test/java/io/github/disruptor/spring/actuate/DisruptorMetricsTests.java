package io.github.disruptor.spring.actuate;

import java.time.Duration;

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
        assertThat(meters.getMeters()).hasSize(4 + 3 * 3)
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
