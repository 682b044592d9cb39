package io.github.disruptor.spring.actuate;

import java.time.Duration;
import java.util.List;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.HandlerState;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.actuate.DisruptorEndpoint.HandlerDescriptor;
import io.github.disruptor.spring.actuate.DisruptorEndpoint.RingDescriptor;
import io.github.disruptor.spring.actuate.DisruptorEndpoint.ShardDescriptor;
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
        assertThat(described.concurrentClaims()).isZero();
        assertThat(described.handlers()).containsExactly(
                new HandlerDescriptor("journal", 0, 1, 2, 0, HandlerState.RUNNING, 0, 0, 0, true, List.of()),
                new HandlerDescriptor("replicate", 0, 1, 2, 0, HandlerState.RUNNING, 1, 0, 0, true, List.of()),
                new HandlerDescriptor("business", 1, 1, 2, 0, HandlerState.RUNNING, 0, 0, 0, true, List.of()));
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
                .isEqualTo(new HandlerDescriptor("stuck", 0, 1, -1, 8, HandlerState.RUNNING, 0, 0, 0, true, List.of()));
    }

    @Test
    void aHandlerOnSeveralThreadsIsOneEntryWithItsShardsAndCountsItsRetriesAndDiscards() {
        Disruptor<Slot> orders = TestRings.retryingThenDiscarding("orders");
        rings.start(orders);
        TestRings.publish(orders, 1, -2, 3, 4, -5, 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> orders.monitor().handlers().stream().allMatch(h -> h.lag() == 0));

        List<HandlerDescriptor> handlers = endpoint.ring("orders").handlers();

        assertThat(handlers).extracting(HandlerDescriptor::name).containsExactly("enrich", "settle");
        HandlerDescriptor enrich = handlers.get(0);
        assertThat(enrich).usingRecursiveComparison().ignoringFields("shards").isEqualTo(
                new HandlerDescriptor("enrich", 0, 3, 5, 0, HandlerState.RUNNING, 6, 4, 2, true, List.of()));
        // the negative values, at sequences 1 and 4, are shard 1's (sequence % 3): three attempts each, then a discard
        assertThat(enrich.shards()).containsExactly(
                new ShardDescriptor("enrich[0]", 5, 0, HandlerState.RUNNING, 0, 0, 0, true),
                new ShardDescriptor("enrich[1]", 5, 0, HandlerState.RUNNING, 6, 4, 2, true),
                new ShardDescriptor("enrich[2]", 5, 0, HandlerState.RUNNING, 0, 0, 0, true));
        assertThat(handlers.get(1).shards()).isEmpty();
    }

    @Test
    void hasNoRingForAnUnknownName() {
        rings.start(TestRings.pipeline("orders"));

        assertThat(endpoint.ring("unknown")).isNull();
    }
}
