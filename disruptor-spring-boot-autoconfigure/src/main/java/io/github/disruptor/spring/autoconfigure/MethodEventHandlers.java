package io.github.disruptor.spring.autoconfigure;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;

import io.github.disruptor.core.EventHandler;

/**
 * Adapts {@code @DisruptorHandler} methods to {@link EventHandler}s. The call to the method is a
 * class generated once by {@link LambdaMetafactory}, bound to the bean: the JIT sees an ordinary
 * virtual call it can inline, with no reflection and no boxing per event. The class is generated in
 * the bean class's own module and class loader ({@link FullPrivilegeLookups}), so this also holds for
 * classes that another class loader loaded, such as spring-boot-devtools' restart class loader.
 *
 * <p>Where no class can be generated (a native image; a package that cannot take one more class), the
 * method is called through a {@link MethodHandle} instead: no reflection and no allocation per event
 * either, but a call the JIT inlines less well.
 */
final class MethodEventHandlers {

    private static final Log logger = LogFactory.getLog(MethodEventHandlers.class);

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
    static EventHandler<Object> bind(Object bean, Method method) {
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        try {
            return generatedCall(bean, invocable);
        } catch (Throwable noGeneratedClass) {
            logger.info("@DisruptorHandler method " + describe(invocable) + " is called through a method handle: no "
                    + "class calling it can be generated here (" + noGeneratedClass + ")");
            return methodHandleCall(bean, invocable);
        }
    }

    /** The handler that calls {@code method} through a method handle, where no class can be generated. */
    static EventHandler<Object> methodHandleCall(Object bean, Method method) {
        return new MethodHandleCall(boundHandle(bean, method));
    }

    @SuppressWarnings("unchecked")
    private static EventHandler<Object> generatedCall(Object bean, Method invocable) throws Throwable {
        Class<?> owner = invocable.getDeclaringClass();
        boolean full = invocable.getParameterCount() == 3;
        MethodHandles.Lookup lookup = FullPrivilegeLookups.on(owner);
        MethodHandle target = lookup.unreflect(invocable);
        MethodType instantiated = target.type().dropParameterTypes(0, 1);
        CallSite site = LambdaMetafactory.metafactory(lookup, full ? "onEvent" : "accept",
                MethodType.methodType(full ? EventHandler.class : Consumer.class, owner),
                full ? FULL_SIGNATURE : EVENT_ONLY_SIGNATURE, target, instantiated);
        Object bound = site.getTarget().invoke(bean);
        return full ? (EventHandler<Object>) bound : new EventOnly((Consumer<Object>) bound);
    }

    /** The method bound to the bean, of type {@code (Object event, long sequence, boolean endOfBatch)void}. */
    private static MethodHandle boundHandle(Object bean, Method invocable) {
        MethodHandle method;
        try {
            method = MethodHandles.privateLookupIn(invocable.getDeclaringClass(), MethodHandles.lookup())
                    .unreflect(invocable);
        } catch (IllegalAccessException notOpen) {
            try {
                method = MethodHandles.publicLookup().unreflect(invocable);
            } catch (IllegalAccessException notPublic) {
                Class<?> owner = invocable.getDeclaringClass();
                String module = MethodEventHandlers.class.getModule().isNamed()
                        ? MethodEventHandlers.class.getModule().getName() : "ALL-UNNAMED";
                throw new DisruptorConfigurationException("Cannot call @DisruptorHandler method " + describe(invocable)
                        + ": module " + owner.getModule().getName() + " does not open package " + owner.getPackageName()
                        + " to the Disruptor starter (" + notOpen.getMessage() + ").",
                        "Open the package to the starter: 'opens " + owner.getPackageName() + " to " + module
                                + ";' in module-info.java, or --add-opens " + owner.getModule().getName() + "/"
                                + owner.getPackageName() + "=" + module + " on the command line; or make the method "
                                + "and its class public, in an exported package.", notOpen);
            }
        }
        MethodHandle bound = method.bindTo(bean);
        if (invocable.getParameterCount() == 1) {
            bound = MethodHandles.dropArguments(bound, 1, long.class, boolean.class);
        }
        return bound.asType(FULL_SIGNATURE);
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

    /** A method called through a handle of type {@code (Object, long, boolean)void}, bound to its bean. */
    record MethodHandleCall(MethodHandle method) implements EventHandler<Object> {

        @Override
        public void onEvent(Object event, long sequence, boolean endOfBatch) throws Exception {
            try {
                method.invokeExact(event, sequence, endOfBatch);
            } catch (Exception | Error failure) {
                throw failure;
            } catch (Throwable other) {
                throw new UndeclaredThrowableException(other);
            }
        }
    }
}
