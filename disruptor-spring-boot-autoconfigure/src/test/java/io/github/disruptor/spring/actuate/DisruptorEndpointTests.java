package io.github.disruptor.spring.actuate;

import java.time.Duration;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.HandlerState;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.actuate.DisruptorEndpoint.HandlerDescriptor;
import io.github.disruptor.spring.actuate.DisruptorEndpoint.RingDescriptor;
import io.github.disruptor.spring.actuate.TestRings.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DisruptorEndpointTests {

    @RegisterExtension
    final RingsUnderTest rings = new RingsUnderTest();

    private final DisruptorRegistry registry = rings.registry();
    private final DisruptorEndpoint endpoint = new DisruptorEndpoint(registry);
    @Test
    void describesEveryRingByNameWithItsHandlers() {
        Disruptor<Slot> orders = TestRings.pipeline("orders");
        rings.start(orders, TestRings.haltingOnNegative("audit"));
        TestRings.publish(orders, 1, -2, 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> orders.monitor().handlers().stream().allMatch(h -> h.lag() == 0));

        assertThat(endpoint.rings().rings()).containsOnlyKeys("audit", "orders");
        RingDescriptor described = endpoint.rings().rings().get("orders");
        assertThat(described).isEqualTo(endpoint.ring("orders"));
        assertThat(described.ringSize()).isEqualTo(1024);
        assertThat(described.sequencer()).isEqualTo("single");
        assertThat(described.waitStrategy()).isEqualTo("sleeping");
        assertThat(described.cursor()).isEqualTo(2);
        assertThat(described.remainingCapacity()).isEqualTo(1024);
        assertThat(described.state()).isEqualTo(DisruptorState.RUNNING);
        assertThat(described.rejectedPublishes()).isZero();
        assertThat(described.handlers()).containsExactly(
                new HandlerDescriptor("journal", 0, 2, 0, HandlerState.RUNNING, 0, true),
                new HandlerDescriptor("replicate", 0, 2, 0, HandlerState.RUNNING, 1, true),
                new HandlerDescriptor("business", 1, 2, 0, HandlerState.RUNNING, 0, true));
        assertThat(endpoint.ring("audit").sequencer()).isEqualTo("multi");
        assertThat(endpoint.ring("audit").waitStrategy()).isEqualTo("blocking");
    }

    @Test
    void reportsLagRemainingCapacityAndRejectedPublishesOfAStuckRing() {
        Disruptor<Slot> slow = TestRings.blockedUntil("slow", 8, rings.release());
        rings.start(slow);
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.monitor().handlers().get(0).isThreadAlive());
        TestRings.fill(slow);
        slow.tryPublish((event, sequence) -> event.value = 1);

        RingDescriptor described = endpoint.ring("slow");

        assertThat(described.cursor()).isEqualTo(7);
        assertThat(described.remainingCapacity()).isZero();
        assertThat(described.rejectedPublishes()).isEqualTo(2);
        assertThat(described.handlers()).singleElement()
                .isEqualTo(new HandlerDescriptor("stuck", 0, -1, 8, HandlerState.RUNNING, 0, true));
    }

    @Test
    void hasNoRingForAnUnknownName() {
        rings.start(TestRings.pipeline("orders"));

        assertThat(endpoint.ring("unknown")).isNull();
    }
}
