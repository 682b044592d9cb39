package io.github.disruptor.spring.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.CannotLoadBeanClassException;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.core.ExceptionHandler;
import io.github.disruptor.spring.DisruptorHandler;

/**
 * Registers one {@code Disruptor<E>} bean definition per ring, before any bean is created, so that
 * rings can be injected by name, by {@code Disruptor<E>} and by {@code EventPublisher<E>}.
 *
 * <p>It binds {@code disruptor.*} (the only binding: the result is registered as the
 * {@code disruptorProperties} bean), finds every {@link DisruptorHandler} from the bean definitions'
 * types (each class inspected once; {@code ${...}} placeholders in its attributes resolved from the
 * environment), plans and checks every ring, and fails startup with a
 * {@link DisruptorConfigurationException} on the first inconsistency: nothing is half built. Each
 * definition's type is {@code Disruptor<E>} with the ring's event type, and its instance is built by
 * {@link RingFactory} from the handler beans when the ring bean is first needed.
 *
 * <p>In an application processed ahead of time (Spring AOT), this post-processor is part of the
 * generated bean definitions and runs again at run time, on the generated definitions: the rings are
 * planned from the configuration and the placeholders of run time, as they would be without AOT.
 */
final class DisruptorRingRegistrar implements BeanFactoryPostProcessor {

    /** The bound {@code disruptor.*}: a singleton, so no post-processor binds it a second time. */
    static final String PROPERTIES_BEAN_NAME = "disruptorProperties";

    private final Environment environment;

    DisruptorRingRegistrar(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
            throw new IllegalStateException("Disruptor rings need a bean factory that accepts bean definitions, was "
                    + beanFactory.getClass().getName());
        }
        DisruptorProperties properties = bindProperties();
        beanFactory.registerSingleton(PROPERTIES_BEAN_NAME, properties);
        Map<Class<?>, List<AnnotatedHandler>> inspected = new ConcurrentHashMap<>();
        List<RingPlan> plans = RingPlanner.plan(properties, findHandlers(beanFactory, inspected, environment));
        Set<String> handlerBeans = plans.stream().flatMap(plan -> plan.handlers().stream())
                .map(HandlerDefinition::beanName).collect(Collectors.toUnmodifiableSet());
        beanFactory.addBeanPostProcessor(new UndeclaredHandlerDetector(handlerBeans, inspected));
        plans.forEach(plan -> plan.handlers().forEach(handler -> checkExceptionHandler(handler, beanFactory)));
        RingFactory factory = new RingFactory(beanFactory);
        for (RingPlan plan : plans) {
            checkNameIsFree(plan.name(), beanFactory);
            registry.registerBeanDefinition(plan.name(), factory.beanDefinition(plan));
        }
    }

    private DisruptorProperties bindProperties() {
        try {
            return Binder.get(environment).bindOrCreate("disruptor", DisruptorProperties.class);
        } catch (BindException failure) {
            if (failure.getCause() instanceof ConversionFailedException conversion
                    && conversion.getTargetType().getType().getEnclosingClass() == DisruptorProperties.class
                    && conversion.getTargetType().getType().isEnum()) {
                throw invalidChoice(failure, conversion.getTargetType().getType());
            }
            throw failure;
        }
    }

    private static DisruptorConfigurationException invalidChoice(BindException failure, Class<?> choices) {
        String property = failure.getName().toString();
        Object value = failure.getProperty() != null ? failure.getProperty().getValue() : null;
        String origin = failure.getProperty() != null && failure.getProperty().getOrigin() != null
                ? " (from " + failure.getProperty().getOrigin() + ")" : "";
        List<String> accepted = Arrays.stream(choices.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        return new DisruptorConfigurationException("Invalid value '" + value + "' for " + property + origin + ".",
                "Set " + property + " to one of: " + String.join(", ", accepted) + ".", failure);
    }

    private static List<HandlerDefinition> findHandlers(ConfigurableListableBeanFactory beanFactory,
            Map<Class<?>, List<AnnotatedHandler>> byClass, PropertyResolver placeholders) {
        List<HandlerDefinition> handlers = new ArrayList<>();
        for (String beanName : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
            // a scoped bean's target is reached through its proxy bean: count the handler once
            boolean candidate = !definition.isAbstract() && !ScopedProxyUtils.isScopedTarget(beanName);
            Class<?> beanClass = candidate ? typeOf(beanName, beanFactory) : null;
            if (beanClass == null) {
                continue;
            }
            AnnotatedHandler declaredByBeanMethod = onBeanMethod(beanName, beanFactory);
            for (AnnotatedHandler found : byClass.computeIfAbsent(beanClass, DisruptorRingRegistrar::inspect)) {
                if (found.method() != null || declaredByBeanMethod == null) {
                    handlers.add(found.toDefinition(beanName, placeholders));
                }
            }
            if (declaredByBeanMethod != null) {
                handlers.add(declaredByBeanMethod.toDefinition(beanName, placeholders));
            }
        }
        return handlers;
    }

    private static @Nullable Class<?> typeOf(String beanName, BeanFactory beanFactory) {
        try {
            Class<?> type = beanFactory.getType(beanName, false);
            return type != null ? ClassUtils.getUserClass(type) : null;
        } catch (CannotLoadBeanClassException unloadable) {
            return null; // the bean factory reports it when it creates the bean
        }
    }

    /**
     * {@code @DisruptorHandler} on a {@code @Bean} method: the bean it returns is the handler. The
     * method is known from the configuration class's metadata, or, in an application processed ahead
     * of time, from the generated definition's instance supplier.
     */
    private static @Nullable AnnotatedHandler onBeanMethod(String beanName, ConfigurableListableBeanFactory beanFactory) {
        BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
        MergedAnnotation<DisruptorHandler> annotation;
        String origin;
        if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
            MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
            annotation = factoryMethod.getAnnotations().get(DisruptorHandler.class);
            origin = "@Bean method " + factoryMethod.getDeclaringClassName() + "." + factoryMethod.getMethodName() + "()";
        } else if (beanFactory.getMergedBeanDefinition(beanName) instanceof RootBeanDefinition generated
                && generated.getResolvedFactoryMethod() != null) {
            Method factoryMethod = generated.getResolvedFactoryMethod();
            annotation = MergedAnnotations.from(factoryMethod).get(DisruptorHandler.class);
            origin = "@Bean method " + factoryMethod.getDeclaringClass().getName() + "." + factoryMethod.getName() + "()";
        } else {
            return null;
        }
        if (!annotation.isPresent()) {
            return null;
        }
        ResolvableType beanType = beanFactory.getMergedBeanDefinition(beanName).getResolvableType();
        return eventHandlerBean(beanType, annotation.synthesize(), origin);
    }

    static List<AnnotatedHandler> inspect(Class<?> beanClass) {
        List<AnnotatedHandler> found = new ArrayList<>();
        DisruptorHandler onClass = AnnotatedElementUtils.findMergedAnnotation(beanClass, DisruptorHandler.class);
        if (onClass != null) {
            found.add(eventHandlerBean(ResolvableType.forClass(beanClass), onClass, "class " + beanClass.getName()));
        }
        Map<Method, DisruptorHandler> methods = MethodIntrospector.selectMethods(beanClass,
                (MethodIntrospector.MetadataLookup<DisruptorHandler>) method ->
                        AnnotatedElementUtils.hasAnnotation(method, Bean.class) ? null
                                : AnnotatedElementUtils.findMergedAnnotation(method, DisruptorHandler.class));
        methods.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.toGenericString().compareTo(b.toGenericString())))
                .forEach(entry -> found.add(new AnnotatedHandler(entry.getKey(),
                        MethodEventHandlers.eventTypeOf(entry.getKey(), beanClass), entry.getValue(),
                        "method " + MethodEventHandlers.describe(entry.getKey()))));
        return found;
    }

    /** A bean that is the handler: it must be an {@code EventHandler<E>}. */
    private static AnnotatedHandler eventHandlerBean(ResolvableType beanType, DisruptorHandler annotation, String origin) {
        ResolvableType handlerType = beanType.as(EventHandler.class);
        if (handlerType == ResolvableType.NONE) {
            throw new DisruptorConfigurationException("@DisruptorHandler " + origin + " is not an "
                    + EventHandler.class.getName() + " (its type is " + beanType + ").",
                    "Implement EventHandler<E> with the ring's event type E, or put @DisruptorHandler on a "
                            + "method taking (E event) or (E event, long sequence, boolean endOfBatch).");
        }
        return new AnnotatedHandler(null, handlerType.getGeneric(0).resolve(Object.class), annotation, origin);
    }

    /** The bean that {@code @DisruptorHandler(exceptionHandler)} names exists and is an {@link ExceptionHandler}. */
    private static void checkExceptionHandler(HandlerDefinition handler, ConfigurableListableBeanFactory beanFactory) {
        String name = handler.exceptionHandler();
        if (name.isEmpty()) {
            return;
        }
        Class<?> type = beanFactory.containsBean(name) ? beanFactory.getType(name, false) : null;
        if (type != null && ExceptionHandler.class.isAssignableFrom(type)) {
            return;
        }
        String problem = beanFactory.containsBean(name)
                ? "bean '" + name + "' is a " + (type != null ? type.getName() : "bean of unknown type") + ", not an "
                        + ExceptionHandler.class.getName()
                : "there is no bean named '" + name + "'";
        List<String> candidates = Arrays.stream(beanFactory.getBeanNamesForType(ExceptionHandler.class, true, false))
                .sorted().toList();
        String action = candidates.isEmpty()
                ? "Declare a bean of type " + ExceptionHandler.class.getName() + " named '" + name + "', or remove "
                        + "exceptionHandler from @DisruptorHandler of " + handler.origin()
                        + " to use the ring's exception-policy."
                : RingPlanner.closest(name, candidates).map(close -> "Did you mean '" + close + "'? ").orElse("")
                        + "Name a bean of type " + ExceptionHandler.class.getName()
                        + " in @DisruptorHandler(exceptionHandler) of " + handler.origin() + "; there are: "
                        + String.join(", ", candidates) + ".";
        throw new DisruptorConfigurationException("@DisruptorHandler on handler " + handler.describe()
                + " has exceptionHandler = \"" + name + "\", but " + problem + ".", action);
    }

    private static void checkNameIsFree(String ringName, ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory.containsBean(ringName)) {
            Class<?> type = beanFactory.getType(ringName, false);
            throw new DisruptorConfigurationException("Ring '" + ringName + "' needs the bean name '" + ringName
                    + "', which another bean" + (type != null ? " (" + type.getName() + ")" : "") + " already has.",
                    "Rename the ring (disruptor.rings." + ringName + " and @DisruptorHandler(ring = \"" + ringName
                            + "\")) or the other bean.");
        }
    }

    /** A {@code @DisruptorHandler} found on a class: on the class itself when {@code method} is null. */
    record AnnotatedHandler(@Nullable Method method, Class<?> eventType, DisruptorHandler annotation, String origin) {

        HandlerDefinition toDefinition(String beanName, PropertyResolver placeholders) {
            String name = method == null ? beanName : beanName + "." + method.getName();
            return HandlerDefinition.of(name, beanName, method, eventType, annotation, origin, placeholders);
        }
    }
}
