package io.github.disruptor.spring.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorBuilder;
import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.ExceptionHandler;
import io.github.disruptor.core.HandlerOptions;
import io.github.disruptor.core.RetryPolicy;
import io.github.disruptor.spring.DisruptorEventFactory;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.DisruptorThreadFactoryCustomizer;

/**
 * Builds a ring from its {@link RingPlan}: gets the handler beans, binds handler methods, wires one
 * {@code withBarrier} per stage and registers the ring in the {@link DisruptorRegistry}. The ring is
 * the bean itself, no proxy: publishing through an injected {@code EventPublisher} costs nothing
 * more than through the core.
 */
final class RingFactory {

    /** The attribute of a ring's bean definition that holds its {@link RingPlan}. */
    static final String PLAN_ATTRIBUTE = RingPlan.class.getName();

    private final ConfigurableListableBeanFactory beanFactory;

    RingFactory(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /**
     * The ring's bean definition. Spring AOT does not generate it (its instance is built by code, not by
     * a constructor or a factory method it could call): like a {@code BeanRegistrar}'s definitions, it is
     * registered again at run time, by the {@link DisruptorRingRegistrar} that the generated code
     * contains, from the configuration of run time.
     */
    RootBeanDefinition beanDefinition(RingPlan plan) {
        RootBeanDefinition definition = new RootBeanDefinition(Disruptor.class);
        definition.setTargetType(ResolvableType.forClassWithGenerics(Disruptor.class, plan.eventType()));
        definition.setInstanceSupplier(() -> build(plan));
        definition.setAttribute(BeanRegistrationAotProcessor.IGNORE_REGISTRATION_ATTRIBUTE, true);
        definition.setAttribute(PLAN_ATTRIBUTE, plan);
        definition.setLazyInit(false);
        definition.setDescription("Disruptor ring '" + plan.name() + "' of " + plan.eventType().getName()
                + " events (disruptor.rings." + plan.name() + ")");
        return definition;
    }

    Disruptor<Object> build(RingPlan plan) {
        RingSettings settings = plan.settings();
        DisruptorBuilder<Object> builder = DisruptorBuilder.withRingBuffer(settings.ringSize(), eventFactory(plan))
                .withName(plan.name())
                .withThreadFactory(HandlerThreads.of(plan.name(),
                        beanFactory.getBeanProvider(DisruptorThreadFactoryCustomizer.class).orderedStream().toList()));
        settings.applyTo(builder);
        for (List<HandlerDefinition> stage : plan.stages()) {
            Map<HandlerDefinition, EventHandler<Object>> handlers = new LinkedHashMap<>();
            stage.forEach(handler -> handlers.put(handler, handlerBean(plan, handler)));
            builder.withBarrier(scope -> handlers.forEach((handler, bean) ->
                    scope.handleEvents(handler.name(), bean, options(handler, settings, beanFactory))));
        }
        Disruptor<Object> ring = builder.build();
        beanFactory.getBean(DisruptorRegistry.class).register(ring);
        return ring;
    }

    @SuppressWarnings("unchecked")
    private EventHandler<Object> handlerBean(RingPlan plan, HandlerDefinition handler) {
        Object bean = beanFactory.getBean(handler.beanName());
        beanFactory.registerDependentBean(handler.beanName(), plan.name());
        return handler.method() == null ? (EventHandler<Object>) bean : MethodEventHandlers.bind(bean, handler.method());
    }

    private static HandlerOptions options(HandlerDefinition handler, RingSettings ring, BeanFactory beanFactory) {
        HandlerOptions options = HandlerOptions.defaults().withConcurrency(handler.concurrency())
                .withMaxBatchSize(handler.maxBatchSize());
        if (!handler.exceptionHandler().isEmpty()) {
            options = options.withExceptionHandler(beanFactory.getBean(handler.exceptionHandler(), ExceptionHandler.class));
        }
        RetryPolicy retry = RetrySettings.policy(handler, ring);
        if (retry != null) {
            options = options.withRetry(retry);
        }
        if (handler.batchRewind()) {
            options = options.withBatchRewind();
        }
        return handler.after().isEmpty() ? options : options.withDependencies(handler.after().toArray(String[]::new));
    }

    private Supplier<Object> eventFactory(RingPlan plan) {
        ObjectProvider<DisruptorEventFactory<Object>> factories = beanFactory.getBeanProvider(
                ResolvableType.forClassWithGenerics(DisruptorEventFactory.class, plan.eventType()));
        DisruptorEventFactory<Object> factory = factories.getIfAvailable();
        if (factory != null) {
            return factory;
        }
        return EventConstructors.factory(noArgumentConstructor(plan));
    }

    private static Constructor<?> noArgumentConstructor(RingPlan plan) {
        Class<?> type = plan.eventType();
        return noArgumentConstructor(type).orElseThrow(() -> {
            String problem = type.isInterface() ? "is an interface"
                    : Modifier.isAbstract(type.getModifiers()) ? "is abstract"
                    : type.isMemberClass() && !Modifier.isStatic(type.getModifiers())
                            ? "is an inner class (not static), so its constructors need an enclosing instance"
                            : "has no no-argument constructor";
            return new DisruptorConfigurationException("Ring '" + plan.name() + "' cannot create its events: "
                    + type.getName() + " " + problem + ".",
                    "Give " + type.getName() + " a no-argument constructor (a nested class must be static), or "
                            + "declare a bean of type DisruptorEventFactory<" + type.getSimpleName() + ">.");
        });
    }

    /** The constructor that creates {@code type}'s events, if it has one a ring can call. */
    static Optional<Constructor<?>> noArgumentConstructor(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.getDeclaredConstructor());
        } catch (NoSuchMethodException missing) {
            return Optional.empty();
        }
    }
}
