package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorClosedException;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.spring.DisruptorHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A real application stopped and started again, as Spring Framework 7 pauses a cached test context
 * ({@code pause()}, later {@code restart()}) and as {@code stop()} and {@code start()} do: the same ring
 * beans run again from where they stopped, and the publishers injected before keep working.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContextRestartTests {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void aPausedContextRestartsItsRingsFromTheirSequencesAndKeepsItsPublishers(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run()) {
            Desk desk = context.getBean(Desk.class);
            Disruptor<?> orders = context.getBean("orders", Disruptor.class);
            DisruptorLifecycle lifecycle = context.getBean(DisruptorLifecycle.class);
            desk.place(0, 100);
            await().atMost(DEADLINE).until(() -> desk.settled.size() == 100);

            context.pause();

            assertThat(lifecycle.isRunning()).isFalse();
            assertThat(orders.monitor().state()).isEqualTo(DisruptorState.STOPPED);
            assertThat(orders.monitor().handlers()).noneMatch(HandlerMonitor::isThreadAlive);
            assertThat(output).containsPattern("Ring 'orders' drained 0 events in \\d+ ms and stopped; it runs again "
                    + "from sequence 100 when the context starts");
            assertThatExceptionOfType(DisruptorClosedException.class).isThrownBy(() -> desk.place(100, 1))
                    .withMessageContaining("is stopped and refuses events until start()");

            context.restart();

            assertThat(lifecycle.isRunning()).isTrue();
            assertThat(orders.monitor().state()).isEqualTo(DisruptorState.RUNNING);
            await().atMost(DEADLINE).until(() -> orders.monitor().handlers().stream().allMatch(HandlerMonitor::isThreadAlive));
            desk.place(100, 100);
            await().atMost(DEADLINE).until(() -> desk.settled.size() == 200);
            assertThat(desk.settled).containsExactlyElementsOf(LongStream.range(0, 200).boxed().toList());
            assertThat(desk.sequences).as("the handler continued from its sequence")
                    .containsExactlyElementsOf(LongStream.range(0, 200).boxed().toList());
        }
    }

    @Test
    void stopAndStartOfTheContextStopAndRestartTheRingsAndCloseEndsThemForGood() {
        ConfigurableApplicationContext context = run();
        Desk desk = context.getBean(Desk.class);
        Disruptor<?> orders = context.getBean("orders", Disruptor.class);
        try {
            context.stop();
            assertThat(orders.monitor().state()).isEqualTo(DisruptorState.STOPPED);
            context.start();
            desk.place(0, 10);
            await().atMost(DEADLINE).until(() -> desk.settled.size() == 10);
            context.stop();
        } finally {
            context.close();
        }
        assertThat(orders.monitor().state()).isEqualTo(DisruptorState.TERMINATED);
        assertThatExceptionOfType(DisruptorClosedException.class).isThrownBy(() -> desk.place(10, 1))
                .withMessageContaining("is shut down");
    }

    private static ConfigurableApplicationContext run() {
        SpringApplication application = new SpringApplication(RestartApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run("--spring.main.banner-mode=off", "--disruptor.rings.orders.ring-size=64");
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DisruptorAutoConfiguration.class)
    static class RestartApplication {

        @Bean
        Ledger ledger() {
            return new Ledger();
        }

        @Bean
        Desk desk(EventPublisher<OrderEvent> orders, Ledger ledger) {
            return new Desk(orders, ledger);
        }
    }

    /** Settles the orders of the ring, recording each order's id and sequence. */
    static class Ledger {

        final List<Long> settled = new CopyOnWriteArrayList<>();
        final List<Long> sequences = new CopyOnWriteArrayList<>();

        @DisruptorHandler(ring = "orders")
        void settle(OrderEvent order, long sequence, boolean endOfBatch) {
            settled.add(order.id());
            sequences.add(sequence);
        }
    }

    /** Publishes orders through the publisher injected at startup. */
    static class Desk {

        final EventPublisher<OrderEvent> orders;
        final List<Long> settled;
        final List<Long> sequences;

        Desk(EventPublisher<OrderEvent> orders, Ledger ledger) {
            this.orders = orders;
            this.settled = ledger.settled;
            this.sequences = ledger.sequences;
        }

        void place(long firstId, int count) {
            LongStream.range(firstId, firstId + count).forEach(id -> orders.publish(OrderEvent::setId, id));
        }
    }
}
