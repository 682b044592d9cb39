package io.github.disruptor.spring.autoconfigure;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.BeanUtils;

/**
 * Turns an event type's no-argument constructor into the ring's event factory.
 *
 * <p>The factory is a class generated once by {@link LambdaMetafactory}, the same code javac emits
 * for {@code Event::new}, not a reflective call: reflection leaves garbage between the events it
 * creates (argument arrays, accessor state), so a ring filled that way has its events scattered over
 * the heap instead of next to each other in the order the handlers read them. Measured with the
 * unicast benchmark, a ring filled through {@link BeanUtils#instantiateClass} handled about a fifth
 * fewer events per second (median of five paired rounds).
 */
final class EventConstructors {

    private static final Log logger = LogFactory.getLog(EventConstructors.class);

    private EventConstructors() {
    }

    /**
     * A factory calling {@code constructor}; reflective only where no class can be generated (a native
     * image, or an event type in a module that does not open its package to the starter).
     */
    @SuppressWarnings("unchecked")
    static Supplier<Object> factory(Constructor<?> constructor) {
        Class<?> type = constructor.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup = FullPrivilegeLookups.on(type);
            CallSite site = LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), lookup.unreflectConstructor(constructor),
                    MethodType.methodType(type));
            return (Supplier<Object>) site.getTarget().invoke();
        } catch (Throwable inaccessible) {
            logger.info("Creating the events of type " + type.getName() + " reflectively: no class calling its "
                    + "constructor can be generated here (" + inaccessible + ")");
            return () -> BeanUtils.instantiateClass(constructor);
        }
    }
}
