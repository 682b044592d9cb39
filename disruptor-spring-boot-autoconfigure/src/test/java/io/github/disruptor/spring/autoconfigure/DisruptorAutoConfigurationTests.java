package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.EventPublisher;
import io.github.disruptor.core.ExceptionAction;
import io.github.disruptor.core.ExceptionHandler;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.core.HandlerState;
import io.github.disruptor.core.ProducerType;
import io.github.disruptor.spring.DisruptorEventFactory;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.autoconfigure.HandlerConfigurations.OrdersJournal;
import io.github.disruptor.spring.autoconfigure.HandlerConfigurations.UnnamedRingHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DisruptorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class));

    @Test
    void withoutRingsProvidesTheRegistryAndTheLifecycleOnly() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DisruptorRegistry.class).hasSingleBean(DisruptorLifecycle.class)
                    .hasSingleBean(DisruptorProperties.class).doesNotHaveBean(Disruptor.class);
            assertThat(context).as("the bean names docs/spring-boot.md lists").hasBean("disruptorRegistry")
                    .hasBean("disruptorLifecycle").hasBean("disruptorProperties");
            assertThat(context.getBean(DisruptorRegistry.class).names()).isEmpty();
        });
    }

    @Test
    void backsOffWithoutTheCore() {
        runner.withClassLoader(new FilteredClassLoader(Disruptor.class)).withUserConfiguration(OrdersJournal.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DisruptorRegistry.class)
                        .doesNotHaveBean(DisruptorLifecycle.class).doesNotHaveBean("orders"));
    }

    @Test
    void usesTheUsersRegistry() {
        runner.withUserConfiguration(OrdersJournal.class)
                .withBean("myRegistry", DisruptorRegistry.class, DisruptorRegistry::new)
                .run(context -> {
                    assertThat(context).hasSingleBean(DisruptorRegistry.class).hasBean("myRegistry");
                    assertThat(context.getBean(DisruptorRegistry.class).find("orders"))
                            .containsSame(context.getBean("orders", Disruptor.class));
                });
    }

    @Test
    void usesTheUsersLifecycle() {
        runner.withUserConfiguration(OrdersJournal.class)
                .withBean("myLifecycle", DisruptorLifecycle.class,
                        () -> new DisruptorLifecycle(new DisruptorRegistry(), new DisruptorProperties()))
                .run(context -> {
                    assertThat(context).hasSingleBean(DisruptorLifecycle.class).hasBean("myLifecycle");
                    assertThat(context.getBean("orders", Disruptor.class).monitor().state())
                            .as("nothing starts a ring the user's lifecycle does not know").isEqualTo(DisruptorState.NEW);
                });
    }

    @Test
    void aRingNamedOnlyByItsHandlerTakesTheDefaults() {
        runner.withUserConfiguration(OrdersJournal.class).run(context -> {
            Disruptor<?> orders = context.getBean("orders", Disruptor.class);
            assertThat(orders.monitor().ringSize()).isEqualTo(1024);
            assertThat(orders.monitor().producerType()).isEqualTo(ProducerType.MULTI);
            assertThat(orders.monitor().waitStrategy()).isEqualTo("blocking");
            assertThat(orders.monitor().state()).isEqualTo(DisruptorState.RUNNING);
        });
    }

    @Test
    void configurationOverridesTheDefaults() {
        runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.ring-size=64", "disruptor.rings.orders.sequencer=single",
                        "disruptor.rings.orders.wait-strategy=yielding")
                .run(context -> {
                    Disruptor<?> orders = context.getBean("orders", Disruptor.class);
                    assertThat(orders.monitor().ringSize()).isEqualTo(64);
                    assertThat(orders.monitor().producerType()).isEqualTo(ProducerType.SINGLE);
                    assertThat(orders.monitor().waitStrategy()).isEqualTo("yielding");
                });
    }

    @Test
    void relaxedNamesAndSleepingTuningBind() {
        runner.withUserConfiguration(OrdersJournal.class)
                .withPropertyValues("disruptor.rings.orders.waitStrategy=SLEEPING",
                        "disruptor.rings.orders.sleeping.retries=10", "disruptor.rings.orders.sleeping.sleep-duration=1ms")
                .run(context -> {
                    assertThat(context.getBean("orders", Disruptor.class).monitor().waitStrategy()).isEqualTo("sleeping");
                    DisruptorProperties properties = context.getBean(DisruptorProperties.class);
                    RingSettings settings = RingSettings.of("orders", properties);
                    assertThat(settings.sleepingRetries()).isEqualTo(10);
                    assertThat(settings.sleepDuration()).hasMillis(1);
                });
    }

    @Test
    void theOnlyRingIsTheDefaultRing() {
        runner.withUserConfiguration(UnnamedRingHandler.class).withPropertyValues("disruptor.rings.payments.ring-size=8")
                .run(context -> assertThat(context.getBean("payments", Disruptor.class).monitor().handlers())
                        .singleElement().satisfies(handler -> assertThat(handler.name()).isEqualTo("unnamed")));
    }

    @Test
    void ringsAreInjectableByGenericTypeByQualifierAndAsDisruptor() {
        runner.withUserConfiguration(OrdersJournal.class, AuditHandler.class, Producers.class).run(context -> {
            Producers producers = context.getBean(Producers.class);
            Object orders = context.getBean("orders");
            assertThat(producers.orders).isSameAs(orders);
            assertThat(producers.ordersByName).isSameAs(orders);
            assertThat(producers.ordersAsDisruptor).isSameAs(orders);
            assertThat(producers.audit).isSameAs(context.getBean("audit")).isNotSameAs(orders);
        });
    }

    @Test
    void publishedEventsReachClassAndMethodHandlersOfTheSameStage() {
        runner.withUserConfiguration(OrdersJournal.class, MethodHandlers.class).run(context -> {
            Disruptor<OrderEvent> orders = ordersOf(context.getBean("orders"));
            for (long id = 1; id <= 10; id++) {
                orders.publish(OrderEvent::setId, id);
            }
            CountingHandler journal = context.getBean("journal", CountingHandler.class);
            MethodHandlers methods = context.getBean(MethodHandlers.class);
            await("every handler to see 10 events").atMost(Duration.ofSeconds(20))
                    .until(() -> journal.handled() == 10 && methods.eventOnly.get() == 10 && methods.withSequence.get() == 10);
            assertThat(methods.lastSequence).isEqualTo(9);
        });
    }

    @Test
    void handlerMethodsOfProxiedBeansAreCalledThroughTheProxy() {
        runner.withUserConfiguration(MethodHandlers.class, ProxyingPostProcessor.class).run(context -> {
            MethodHandlers bean = context.getBean(MethodHandlers.class);
            assertThat(AopUtils.isCglibProxy(bean)).isTrue();
            ordersOf(context.getBean("orders")).publish(OrderEvent::setId, 7L);
            await("the advice to run for both handler methods").atMost(Duration.ofSeconds(20))
                    .until(() -> ProxyingPostProcessor.advised.get() == 2);
            assertThat(bean.eventOnlyCount()).isEqualTo(1);
        });
    }

    @Test
    void handlerMethodsOfInterfaceProxiedBeansAreCalledThroughTheInterface() {
        runner.withBean("listener", InterfaceHandler.class).withBean(InterfaceProxyingPostProcessor.class).run(context -> {
            assertThat(AopUtils.isJdkDynamicProxy(context.getBean("listener"))).isTrue();
            ordersOf(context.getBean("orders")).publish(OrderEvent::setId, 3L);
            OrderListener listener = context.getBean(OrderListener.class);
            await("the proxied listener to see the order").atMost(Duration.ofSeconds(20))
                    .until(() -> listener.lastOrderId() == 3L);
            assertThat(InterfaceProxyingPostProcessor.advised.get()).isPositive();
        });
    }

    @Test
    void usesTheEventFactoryBeanOfTheRingsEventType() {
        runner.withUserConfiguration(OrdersJournal.class, EventFactories.class)
                .withPropertyValues("disruptor.rings.orders.ring-size=16")
                .run(context -> assertThat(context.getBean(EventFactories.class).created.get()).isEqualTo(16));
    }

    @Test
    void haltHandlerPolicyHaltsAHandlerThatThrows() {
        runner.withUserConfiguration(FailingHandler.class)
                .withPropertyValues("disruptor.rings.orders.exception-policy=halt-handler")
                .run(context -> {
                    Disruptor<OrderEvent> orders = ordersOf(context.getBean("orders"));
                    orders.publish(OrderEvent::setId, 1L);
                    await("the handler to halt").atMost(Duration.ofSeconds(20))
                            .until(() -> orders.monitor().handlers().get(0).state() == HandlerState.HALTED);
                    assertThat(orders.monitor().handlers().get(0).errorCount()).isEqualTo(1);
                });
    }

    @Test
    void logAndContinueIsTheDefaultPolicy() {
        runner.withUserConfiguration(FailingHandler.class).run(context -> {
            Disruptor<OrderEvent> orders = ordersOf(context.getBean("orders"));
            orders.publish(OrderEvent::setId, 1L);
            orders.publish(OrderEvent::setId, 2L);
            await("both failures to be counted").atMost(Duration.ofSeconds(20))
                    .until(() -> orders.monitor().handlers().get(0).errorCount() == 2);
            assertThat(orders.monitor().handlers().get(0).state()).isEqualTo(HandlerState.RUNNING);
        });
    }

    @Test
    void lifecyclePhaseDefaultsBelowTheWebServerAndIsConfigurable() {
        runner.run(context -> assertThat(context.getBean(DisruptorLifecycle.class).getPhase())
                .isEqualTo(SmartLifecycle.DEFAULT_PHASE - 4096).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048));
        runner.withPropertyValues("disruptor.phase=42")
                .run(context -> assertThat(context.getBean(DisruptorLifecycle.class).getPhase()).isEqualTo(42));
    }

    @Test
    void aRingsOwnKeysOverrideTheDefaultsWhichOverrideTheBuiltInValues() {
        runner.withUserConfiguration(OrdersJournal.class, AuditHandler.class)
                .withPropertyValues("disruptor.defaults.wait-strategy=sleeping", "disruptor.defaults.ring-size=128",
                        "disruptor.rings.orders.wait-strategy=yielding")
                .run(context -> {
                    Disruptor<?> orders = context.getBean("orders", Disruptor.class);
                    assertThat(orders.monitor().waitStrategy()).isEqualTo("yielding");
                    assertThat(orders.monitor().ringSize()).isEqualTo(128);
                    assertThat(orders.monitor().producerType()).isEqualTo(ProducerType.MULTI);
                    Disruptor<?> audit = context.getBean("audit", Disruptor.class);
                    assertThat(audit.monitor().waitStrategy()).isEqualTo("sleeping");
                    assertThat(audit.monitor().ringSize()).isEqualTo(128);
                });
    }

    @Test
    void aRingsShutdownTimeoutOverridesTheGlobalOne() {
        runner.withPropertyValues("disruptor.shutdown-timeout=5s", "disruptor.rings.orders.shutdown-timeout=2s")
                .withUserConfiguration(OrdersJournal.class, AuditHandler.class)
                .run(context -> {
                    DisruptorProperties properties = context.getBean(DisruptorProperties.class);
                    assertThat(RingSettings.of("orders", properties).shutdownTimeout()).hasSeconds(2);
                    assertThat(RingSettings.of("audit", properties).shutdownTimeout()).hasSeconds(5);
                });
    }

    @Test
    void closingTheContextDrainsAndStopsTheRings() {
        runner.withUserConfiguration(OrdersJournal.class).run(context -> {
            Disruptor<OrderEvent> orders = ordersOf(context.getBean("orders"));
            CountingHandler journal = context.getBean("journal", CountingHandler.class);
            for (long id = 0; id < 1000; id++) {
                orders.publish(OrderEvent::setId, id);
            }
            context.close();
            assertThat(journal.handled()).isEqualTo(1000);
            assertThat(orders.monitor().state()).isEqualTo(DisruptorState.TERMINATED);
        });
    }

    @Test
    void theExceptionHandlerBeanAHandlerNamesDecidesForThatHandlerOnly() {
        runner.withUserConfiguration(ExceptionHandlers.class).run(context -> {
            Disruptor<OrderEvent> orders = ordersOf(context.getBean("orders"));
            orders.publish(OrderEvent::setId, 1L);
            orders.publish(OrderEvent::setId, 2L);
            HandlerMonitor guarded = handler(orders, "guarded");
            HandlerMonitor unguarded = handler(orders, "unguarded");
            await("both handlers to fail").atMost(Duration.ofSeconds(20))
                    .until(() -> guarded.state() == HandlerState.HALTED && unguarded.errorCount() == 2);
            assertThat(context.getBean(ExceptionHandlers.class).seen).containsExactly("guarded@0");
            assertThat(guarded.errorCount()).as("halted at the first failure").isEqualTo(1);
            assertThat(unguarded.state()).as("the ring's policy: log and continue").isEqualTo(HandlerState.RUNNING);
        });
    }

    @Test
    void maxBatchSizeCapsTheEventsAHandlerTakesBeforeItsSequenceMoves() {
        runner.withUserConfiguration(BatchedHandler.class).run(context -> {
            Disruptor<OrderEvent> orders = ordersOf(context.getBean("orders"));
            BatchedHandler handler = context.getBean(BatchedHandler.class);
            orders.publish(OrderEvent::setId, 0L);
            assertThat(handler.firstEntered.await(20, TimeUnit.SECONDS)).isTrue();
            for (long id = 1; id <= 100; id++) {
                orders.publish(OrderEvent::setId, id);
            }
            handler.releaseFirst.countDown();
            await("the handler to see every event").atMost(Duration.ofSeconds(20)).until(() -> handler.handled.get() == 101);
            assertThat(handler.largestBatch.get()).as("100 events waited, taken 4 at a time").isEqualTo(4);
        });
    }

    @Test
    void placeholdersInRingAndAfterAreResolvedFromTheEnvironment() {
        runner.withBean("placeholders", PlaceholderHandlers.class)
                .withPropertyValues("app.ring=orders", "app.upstream=placeholders.first")
                .run(context -> {
                    assertThat(context).doesNotHaveBean("${app.ring}");
                    Disruptor<OrderEvent> orders = ordersOf(context.getBean("orders"));
                    assertThat(context.getBean(DisruptorRegistry.class).names()).containsExactly("orders");
                    for (long id = 0; id < 100; id++) {
                        orders.publish(OrderEvent::setId, id);
                    }
                    PlaceholderHandlers handlers = context.getBean(PlaceholderHandlers.class);
                    await("the second handler to see every event").atMost(Duration.ofSeconds(20))
                            .until(() -> handlers.second.get() == 100);
                    assertThat(handlers.secondOvertookFirst).as("the second handler waits for the first (after)").isFalse();
                });
    }

    @Test
    void aRingThatNoConfigurationNamesAndNoConfiguredRingResemblesIsANewRing() {
        runner.withUserConfiguration(OrdersJournal.class, AuditHandler.class)
                .withPropertyValues("disruptor.rings.orders.ring-size=64")
                .run(context -> assertThat(context.getBean(DisruptorRegistry.class).names())
                        .containsExactlyInAnyOrder("orders", "audit"));
    }

    private static HandlerMonitor handler(Disruptor<?> ring, String name) {
        return ring.monitor().handlers().stream().filter(handler -> handler.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Disruptor<OrderEvent> ordersOf(Object bean) {
        return (Disruptor<OrderEvent>) bean;
    }

    @Configuration(proxyBeanMethods = false)
    static class AuditHandler {

        @Bean
        @DisruptorHandler(ring = "audit")
        EventHandler<AuditEvent> auditTrail() {
            return (event, sequence, endOfBatch) -> {
            };
        }
    }

    static class MethodHandlers {

        final AtomicInteger eventOnly = new AtomicInteger();
        final AtomicInteger withSequence = new AtomicInteger();
        volatile long lastSequence = -1;

        @DisruptorHandler(ring = "orders")
        void onOrder(OrderEvent event) {
            eventOnly.incrementAndGet();
        }

        int eventOnlyCount() {
            return eventOnly.get();
        }

        @DisruptorHandler(ring = "orders")
        public void onOrderWithSequence(OrderEvent event, long sequence, boolean endOfBatch) {
            lastSequence = sequence;
            withSequence.incrementAndGet();
        }
    }

    /** Proxies {@link MethodHandlers} with CGLIB, counting the calls that go through the advice. */
    static class ProxyingPostProcessor implements BeanPostProcessor {

        static final AtomicInteger advised = new AtomicInteger();

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof MethodHandlers
                    ? countingProxy(bean, advised, factory -> factory.setProxyTargetClass(true)) : bean;
        }
    }

    /** A proxy of {@code bean}, made as {@code proxyMode} says, whose advice counts calls in {@code advised}. */
    private static Object countingProxy(Object bean, AtomicInteger advised, Consumer<ProxyFactory> proxyMode) {
        advised.set(0);
        ProxyFactory factory = new ProxyFactory(bean);
        proxyMode.accept(factory);
        factory.addAdvice((MethodInterceptor) invocation -> {
            advised.incrementAndGet();
            return invocation.proceed();
        });
        return factory.getProxy();
    }

    interface OrderListener {

        void onOrder(OrderEvent event);

        long lastOrderId();
    }

    static class InterfaceHandler implements OrderListener {

        private volatile long lastOrderId = -1;

        @Override
        @DisruptorHandler(ring = "orders")
        public void onOrder(OrderEvent event) {
            lastOrderId = event.id();
        }

        @Override
        public long lastOrderId() {
            return lastOrderId;
        }
    }

    /** Proxies {@link OrderListener} beans through their interface (a JDK proxy), counting advised calls. */
    static class InterfaceProxyingPostProcessor implements BeanPostProcessor {

        static final AtomicInteger advised = new AtomicInteger();

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof OrderListener
                    ? countingProxy(bean, advised, factory -> factory.addInterface(OrderListener.class)) : bean;
        }
    }

    static class Producers {

        final EventPublisher<OrderEvent> orders;
        final EventPublisher<OrderEvent> ordersByName;
        final Disruptor<OrderEvent> ordersAsDisruptor;
        final EventPublisher<AuditEvent> audit;

        Producers(EventPublisher<OrderEvent> orders, @Qualifier("orders") EventPublisher<OrderEvent> ordersByName,
                Disruptor<OrderEvent> ordersAsDisruptor, EventPublisher<AuditEvent> audit) {
            this.orders = orders;
            this.ordersByName = ordersByName;
            this.ordersAsDisruptor = ordersAsDisruptor;
            this.audit = audit;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EventFactories {

        final AtomicInteger created = new AtomicInteger();

        @Bean
        DisruptorEventFactory<OrderEvent> orderEvents() {
            return () -> {
                created.incrementAndGet();
                return new OrderEvent();
            };
        }

        @Bean
        DisruptorEventFactory<AuditEvent> auditEvents() {
            return AuditEvent::new;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ExceptionHandlers {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Bean
        ExceptionHandler haltAndRecord() {
            return (failure, sequence, event, handlerName) -> {
                seen.add(handlerName + "@" + sequence);
                return ExceptionAction.HALT;
            };
        }

        @Bean
        @DisruptorHandler(ring = "orders", exceptionHandler = "haltAndRecord")
        EventHandler<OrderEvent> guarded() {
            return (event, sequence, endOfBatch) -> {
                throw new IllegalStateException("expected by the test: event " + event.id());
            };
        }

        @Bean
        @DisruptorHandler(ring = "orders")
        EventHandler<OrderEvent> unguarded() {
            return (event, sequence, endOfBatch) -> {
                throw new IllegalStateException("expected by the test: event " + event.id());
            };
        }
    }

    static class BatchedHandler {

        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        final AtomicInteger handled = new AtomicInteger();
        final AtomicInteger largestBatch = new AtomicInteger();
        private int batch;

        @DisruptorHandler(ring = "orders", maxBatchSize = 4)
        void handle(OrderEvent event, long sequence, boolean endOfBatch) throws InterruptedException {
            if (sequence == 0) {
                firstEntered.countDown();
                releaseFirst.await(20, TimeUnit.SECONDS);
            }
            handled.incrementAndGet();
            batch++;
            if (endOfBatch) {
                largestBatch.accumulateAndGet(batch, Math::max);
                batch = 0;
            }
        }
    }

    static class PlaceholderHandlers {

        final AtomicInteger first = new AtomicInteger();
        final AtomicInteger second = new AtomicInteger();
        volatile boolean secondOvertookFirst;

        @DisruptorHandler(ring = "${app.ring}")
        void first(OrderEvent event) {
            first.incrementAndGet();
        }

        @DisruptorHandler(ring = "${app.ring}", after = "${app.upstream}")
        void second(OrderEvent event) {
            if (second.incrementAndGet() > first.get()) {
                secondOvertookFirst = true;
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingHandler {

        @Bean
        @DisruptorHandler(ring = "orders")
        EventHandler<OrderEvent> failing() {
            return (event, sequence, endOfBatch) -> {
                throw new IllegalStateException("expected by the test: event " + event.id());
            };
        }
    }
}
