package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ComponentScan;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.core.ProducerType;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.autoconfigure.pipeline.AuditTrail;
import io.github.disruptor.spring.autoconfigure.pipeline.Journal;
import io.github.disruptor.spring.autoconfigure.pipeline.OrderService;
import io.github.disruptor.spring.autoconfigure.pipeline.PipelineRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real application context with two rings: {@code orders} (configured; class and method handlers
 * in three stages, an {@code after} edge, a handler on three threads) and {@code audit} (named only
 * by its handler, another event type).
 */
@SpringBootTest(classes = DisruptorRingsIntegrationTests.PipelineApplication.class, properties = {
        "disruptor.rings.orders.ring-size=256", "disruptor.rings.orders.sequencer=multi",
        "disruptor.rings.orders.wait-strategy=sleeping", "disruptor.rings.orders.sleeping.sleep-duration=50us" })
class DisruptorRingsIntegrationTests {

    private static final int EVENTS = 5_000;

    @Autowired
    private OrderService orderService;

    @Autowired
    private PipelineRecorder recorder;

    @Autowired
    private AuditTrail auditTrail;

    @Autowired
    private DisruptorRegistry registry;

    @Autowired
    private ApplicationContext context;

    @Test
    void everyEventPassesEveryStageInOrderAndEachConcurrentShardTakesItsShare() {
        for (long id = 0; id < EVENTS; id++) {
            orderService.place(id);
        }
        await("settlement to see every order").atMost(Duration.ofSeconds(20))
                .until(() -> recorder.distinct("settlement") == EVENTS);
        for (String handler : List.of("journal", "replication.copy", "replication.enrich", "risk.check", "settlement")) {
            assertThat(recorder.distinct(handler)).as(handler).isEqualTo(EVENTS);
            assertThat(recorder.eachSeenOnce(handler)).as(handler + " saw each event once").isTrue();
        }
        assertThat(recorder.threadsOf("risk.check")).isEqualTo(3);
        assertThat(recorder.orderViolations()).isZero();
        await("the audit ring to see every order").atMost(Duration.ofSeconds(20))
                .until(() -> auditTrail.texts.size() == EVENTS);
        assertThat(auditTrail.texts).startsWith("order 0", "order 1");
    }

    @Test
    void publishersAreTheRingBeansThemselves() {
        Disruptor<?> orders = context.getBean("orders", Disruptor.class);
        assertThat(orderService.orders).isSameAs(orders).isSameAs(registry.find("orders").orElseThrow());
        assertThat(orderService.audit).isSameAs(context.getBean("audit")).isNotSameAs(orders);
        assertThat(registry.names()).containsExactlyInAnyOrder("orders", "audit");
    }

    @Test
    void ringsAreBuiltFromConfigurationAndAnnotations() {
        Disruptor<?> orders = (Disruptor<?>) registry.find("orders").orElseThrow();
        assertThat(orders.monitor().ringSize()).isEqualTo(256);
        assertThat(orders.monitor().producerType()).isEqualTo(ProducerType.MULTI);
        assertThat(orders.monitor().waitStrategy()).isEqualTo("sleeping");
        assertThat(orders.monitor().handlers())
                .extracting(HandlerMonitor::name, HandlerMonitor::stage, HandlerMonitor::concurrency).containsExactly(
                org.assertj.core.groups.Tuple.tuple("journal", 0, 1),
                org.assertj.core.groups.Tuple.tuple("replication.copy", 0, 1),
                org.assertj.core.groups.Tuple.tuple("replication.enrich", 0, 1),
                org.assertj.core.groups.Tuple.tuple("risk.check", 1, 3),
                org.assertj.core.groups.Tuple.tuple("settlement", 2, 1));
        Disruptor<?> audit = (Disruptor<?>) registry.find("audit").orElseThrow();
        assertThat(audit.monitor().ringSize()).isEqualTo(1024);
        assertThat(audit.monitor().waitStrategy()).isEqualTo("blocking");
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(DisruptorAutoConfiguration.class)
    @ComponentScan(basePackageClasses = Journal.class)
    static class PipelineApplication {
    }
}
