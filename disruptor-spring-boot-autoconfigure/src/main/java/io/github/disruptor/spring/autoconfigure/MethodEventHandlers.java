package io.github.disruptor.spring.autoconfigure;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Consumer;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;

import io.github.disruptor.core.EventHandler;

/**
 * Adapts {@code @DisruptorHandler} methods to {@link EventHandler}s. The call to the method is a
 * class generated once by {@link LambdaMetafactory}, bound to the bean: the JIT sees an ordinary
 * virtual call it can inline, with no reflection and no boxing per event.
 */
final class MethodEventHandlers {

    private static final MethodType FULL_SIGNATURE = MethodType.methodType(void.class, Object.class, long.class,
            boolean.class);
    private static final MethodType EVENT_ONLY_SIGNATURE = MethodType.methodType(void.class, Object.class);

    private MethodEventHandlers() {
    }

    /**
     * The event type of a handler method, or a {@link DisruptorConfigurationException} if the method
     * is not a {@code void} instance method taking {@code (E)} or {@code (E, long, boolean)}.
     */
    static Class<?> eventTypeOf(Method method, Class<?> beanClass) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean eventOnly = parameters.length == 1;
        boolean full = parameters.length == 3 && parameters[1] == long.class && parameters[2] == boolean.class;
        if (Modifier.isStatic(method.getModifiers()) || method.getReturnType() != void.class || !(eventOnly || full)
                || parameters[0].isPrimitive()) {
            throw new DisruptorConfigurationException("@DisruptorHandler method " + describe(method)
                    + " has an unsupported signature.",
                    "Declare it as a void instance method taking (E event) or (E event, long sequence, boolean "
                            + "endOfBatch), where E is the ring's event type.");
        }
        return ResolvableType.forMethodParameter(method, 0, beanClass).resolve(parameters[0]);
    }

    /**
     * An event handler that calls {@code method} on {@code bean}. On an AOP proxy, the method is
     * called through the proxy, so its advice applies.
     */
    @SuppressWarnings("unchecked")
    static EventHandler<Object> bind(Object bean, Method method) {
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        Class<?> owner = invocable.getDeclaringClass();
        boolean full = invocable.getParameterCount() == 3;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandle target = lookup.unreflect(invocable);
            MethodType instantiated = target.type().dropParameterTypes(0, 1);
            CallSite site = LambdaMetafactory.metafactory(lookup, full ? "onEvent" : "accept",
                    MethodType.methodType(full ? EventHandler.class : Consumer.class, owner),
                    full ? FULL_SIGNATURE : EVENT_ONLY_SIGNATURE, target, instantiated);
            Object bound = site.getTarget().invoke(bean);
            return full ? (EventHandler<Object>) bound : new EventOnly((Consumer<Object>) bound);
        } catch (Throwable failure) {
            throw new DisruptorConfigurationException("Cannot generate the call to @DisruptorHandler method "
                    + describe(invocable) + ": " + failure + ".",
                    "If the application runs on the module path, open the package of " + owner.getName()
                            + " to the module disruptor.spring.boot.autoconfigure (opens ... to, or --add-opens).",
                    failure);
        }
    }

    static String describe(Method method) {
        StringBuilder text = new StringBuilder(method.getDeclaringClass().getName()).append('.')
                .append(method.getName()).append('(');
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            text.append(i == 0 ? "" : ", ").append(parameters[i].getSimpleName());
        }
        return text.append(')').toString();
    }

    /** A method taking only the event. */
    private record EventOnly(Consumer<Object> method) implements EventHandler<Object> {

        @Override
        public void onEvent(Object event, long sequence, boolean endOfBatch) {
            method.accept(event);
        }
    }
}
