package io.github.disruptor.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Tells a native image what the rings reach by reflection at run time, from the rings planned while
 * the application was processed ahead of time: the classes of the handler beans (the registrar reads
 * their annotations again), the handler methods (called through method handles where no class can be
 * generated at run time), the events' no-argument constructors, and the properties bound under
 * {@code disruptor.*}.
 */
final class DisruptorRingsAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        List<RingPlan> plans = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            if (beanFactory.getBeanDefinition(name).getAttribute(RingFactory.PLAN_ATTRIBUTE) instanceof RingPlan plan) {
                plans.add(plan);
            }
        }
        if (plans.isEmpty()) {
            return null;
        }
        return (generationContext, code) -> {
            ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
            BindableRuntimeHintsRegistrar.forTypes(DisruptorProperties.class).registerHints(generationContext.getRuntimeHints());
            for (RingPlan plan : plans) {
                RingFactory.noArgumentConstructor(plan.eventType())
                        .ifPresent(constructor -> reflection.registerConstructor(constructor, ExecutableMode.INVOKE));
                for (HandlerDefinition handler : plan.handlers()) {
                    Class<?> beanClass = beanFactory.getType(handler.beanName(), false);
                    if (beanClass != null) {
                        reflection.registerType(ClassUtils.getUserClass(beanClass));
                    }
                    if (handler.method() != null) {
                        reflection.registerMethod(handler.method(), ExecutableMode.INVOKE);
                    }
                }
            }
        };
    }
}
