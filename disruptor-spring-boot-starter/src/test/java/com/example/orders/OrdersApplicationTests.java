package com.example.orders;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.core.ProducerType;
import io.github.disruptor.spring.DisruptorRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The application as DESIGN.md shows it, depending on the starter artifact only. */
@SpringBootTest
class OrdersApplicationTests {

    @Autowired
    private OrderDesk desk;

    @Autowired
    private Risk risk;

    @Autowired
    private DisruptorRegistry registry;

    @Autowired
    private ApplicationContext context;

    @Test
    void ordersFlowThroughTheJournalThenRisk() {
        for (long id = 1; id <= 1_000; id++) {
            desk.place(id, 10);
        }
        await("risk to check every order").atMost(Duration.ofSeconds(20)).until(() -> risk.checked() == 1_000);
        assertThat(risk.checkedBeforeJournal()).isZero();
    }

    @Test
    void theRingIsConfiguredFromYamlAndInjectedAsItself() {
        Disruptor<?> orders = registry.find("orders").orElseThrow();
        assertThat(desk.publisher()).isSameAs(orders).isSameAs(context.getBean("orders"));
        assertThat(orders.monitor().ringSize()).isEqualTo(4096);
        assertThat(orders.monitor().producerType()).isEqualTo(ProducerType.MULTI);
        assertThat(orders.monitor().waitStrategy()).isEqualTo("yielding");
        assertThat(orders.monitor().handlers()).extracting(HandlerMonitor::name).containsExactly("journal", "risk.check");
    }
}
