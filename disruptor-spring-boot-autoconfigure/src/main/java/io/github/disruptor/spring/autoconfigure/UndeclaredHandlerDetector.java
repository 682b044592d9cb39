package io.github.disruptor.spring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Fails startup when a bean turns out to carry {@code @DisruptorHandler} that its bean definition did
 * not reveal: for instance a {@code @Bean} method declared to return {@code EventHandler<E>} while the
 * object it returns is an annotated class. Rings are planned from bean definitions, before any bean
 * exists, so such a handler would otherwise be silently left out. Each class is inspected once, like
 * the registrar does, through AOP proxies to the target class.
 */
final class UndeclaredHandlerDetector implements BeanPostProcessor {

    private final Set<String> plannedHandlerBeans;
    private final Map<Class<?>, List<DisruptorRingRegistrar.AnnotatedHandler>> inspected;

    UndeclaredHandlerDetector(Set<String> plannedHandlerBeans,
            Map<Class<?>, List<DisruptorRingRegistrar.AnnotatedHandler>> inspected) {
        this.plannedHandlerBeans = plannedHandlerBeans;
        this.inspected = inspected;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (ScopedProxyUtils.isScopedTarget(beanName)) {
            return bean; // planned under the name of its scoped proxy
        }
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        List<DisruptorRingRegistrar.AnnotatedHandler> handlers = inspected.computeIfAbsent(targetClass,
                DisruptorRingRegistrar::inspect);
        if (!handlers.isEmpty() && !plannedHandlerBeans.contains(beanName)) {
            throw new DisruptorConfigurationException("Bean '" + beanName + "' is a " + targetClass.getName()
                    + ", which has @DisruptorHandler (" + handlers.get(0).origin() + "), but its bean definition "
                    + "does not show that type, so no ring was planned for it.",
                    "Declare the bean with its concrete type: make the @Bean method return " + targetClass.getSimpleName()
                            + ", or let component scanning register the class.");
        }
        return bean;
    }
}
