package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorClosedException;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.DisruptorRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class DisruptorLifecycleTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class));

    @Test
    void closeDrainsEveryAcceptedEventThenRefusesPublishesAndSaysHowManyItDrained(CapturedOutput output) {
        runner.withUserConfiguration(SlowHandler.class).withPropertyValues("disruptor.rings.orders.ring-size=4096")
                .run(context -> {
                    Disruptor<OrderEvent> orders = orders(context.getBean("orders"));
                    SlowHandler handler = context.getBean(SlowHandler.class);
                    for (long id = 0; id < 2000; id++) {
                        orders.publish(OrderEvent::setId, id);
                    }
                    assertThat(handler.handled.get()).as("still busy when the context closes").isLessThan(2000);
                    context.close();
                    assertThat(handler.handled.get()).isEqualTo(2000);
                    Matcher drained = Pattern.compile("Ring 'orders' drained (\\d+) events in \\d+ ms and shut down")
                            .matcher(output.getOut());
                    assertThat(drained.find()).as("the drain's report in:%n%s", output).isTrue();
                    assertThat(Long.parseLong(drained.group(1))).isBetween(1L, 2000L);
                    assertThat(orders.monitor().state()).isEqualTo(DisruptorState.TERMINATED);
                    assertThat(orders.monitor().handlers()).allSatisfy(h -> assertThat(h.isThreadAlive()).isFalse());
                    assertThatExceptionOfType(DisruptorClosedException.class)
                            .isThrownBy(() -> orders.publish(OrderEvent::setId, 1L));
                });
    }

    @Test
    void aRingThatFeedsAnotherIsRegisteredAfterItAndDrainedBeforeIt() {
        runner.withUserConfiguration(Forwarding.class).run(context -> {
            DisruptorRegistry registry = context.getBean(DisruptorRegistry.class);
            assertThat(registry.names()).containsExactly("outbound", "intake");
            Disruptor<OrderEvent> intake = orders(context.getBean("intake"));
            Forwarding forwarding = context.getBean(Forwarding.class);
            for (long id = 0; id < 1000; id++) {
                intake.publish(OrderEvent::setId, id);
            }
            context.close();
            assertThat(forwarding.forwardFailures.get()).isZero();
            assertThat(forwarding.delivered.get()).isEqualTo(1000);
        });
    }

    @Test
    void aRingThatCannotDrainInTimeIsStoppedAndTheLogSaysWhichPropertyToRaise(CapturedOutput output) {
        runner.withUserConfiguration(BlockedHandler.class)
                .withPropertyValues("disruptor.rings.orders.shutdown-timeout=200ms")
                .run(context -> {
                    BlockedHandler handler = context.getBean(BlockedHandler.class);
                    orders(context.getBean("orders")).publish(OrderEvent::setId, 1L);
                    assertThat(handler.entered.await(10, TimeUnit.SECONDS)).isTrue();
                    long start = System.nanoTime();
                    try {
                        context.close();
                    } finally {
                        handler.release.countDown();
                    }
                    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
                    assertThat(output).contains("Ring 'orders' was stopped before draining within PT0.2S; raise "
                            + "disruptor.rings.orders.shutdown-timeout or disruptor.shutdown-timeout");
                });
    }

    @Test
    void ringsStartedBeforeAFailedRefreshAreStopped() {
        AtomicReference<DisruptorRegistry> registry = new AtomicReference<>(new DisruptorRegistry());
        runner.withUserConfiguration(SlowHandler.class, FailingLateLifecycle.class)
                .withBean(DisruptorRegistry.class, registry::get)
                .run(context -> {
                    assertThat(context).hasFailed();
                    Disruptor<?> orders = registry.get().find("orders").orElseThrow();
                    assertThat(orders.monitor().state()).isEqualTo(DisruptorState.TERMINATED);
                    await("the handler thread to end").atMost(Duration.ofSeconds(20))
                            .until(() -> orders.monitor().handlers().stream().noneMatch(h -> h.isThreadAlive()));
                });
    }

    @SuppressWarnings("unchecked")
    private static Disruptor<OrderEvent> orders(Object bean) {
        return (Disruptor<OrderEvent>) bean;
    }

    /** Takes about 20 microseconds per event, so that a burst is still in the ring when the context closes. */
    @Configuration(proxyBeanMethods = false)
    static class SlowHandler {

        final AtomicLong handled = new AtomicLong();

        @DisruptorHandler(ring = "orders")
        void handle(OrderEvent event) {
            LockSupport.parkNanos(20_000);
            handled.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BlockedHandler {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Bean
        @DisruptorHandler(ring = "orders")
        EventHandler<OrderEvent> blocked() {
            return (event, sequence, endOfBatch) -> {
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
            };
        }
    }

    /** Ring {@code intake} forwards every event to ring {@code outbound}. */
    @Configuration(proxyBeanMethods = false)
    static class Forwarding {

        final AtomicLong delivered = new AtomicLong();
        final AtomicLong forwardFailures = new AtomicLong();

        @Bean
        @DisruptorHandler(ring = "intake")
        EventHandler<OrderEvent> forwarder(EventPublisher<AuditEvent> outbound) {
            return (event, sequence, endOfBatch) -> {
                LockSupport.parkNanos(10_000);
                try {
                    outbound.publish(AuditEvent::setText, "order " + event.id());
                } catch (DisruptorClosedException closed) {
                    forwardFailures.incrementAndGet();
                }
            };
        }

        @Bean
        @DisruptorHandler(ring = "outbound")
        EventHandler<AuditEvent> deliverer() {
            return (event, sequence, endOfBatch) -> delivered.incrementAndGet();
        }
    }

    /** Fails the refresh in a phase after the rings have started. */
    @Configuration(proxyBeanMethods = false)
    static class FailingLateLifecycle {

        @Bean
        SmartLifecycle failingLate() {
            return new SmartLifecycle() {
                @Override
                public void start() {
                    throw new IllegalStateException("expected by the test: a later phase fails to start");
                }

                @Override
                public void stop() {
                }

                @Override
                public boolean isRunning() {
                    return false;
                }

                @Override
                public int getPhase() {
                    return DisruptorProperties.DEFAULT_PHASE + 1;
                }
            };
        }
    }
}
