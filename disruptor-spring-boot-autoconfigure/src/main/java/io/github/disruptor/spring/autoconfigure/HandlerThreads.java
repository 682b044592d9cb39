package io.github.disruptor.spring.autoconfigure;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Predicate;

import io.github.disruptor.core.DisruptorBuilder;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.spring.DisruptorThreadFactoryCustomizer;

/**
 * The threads of a ring's handlers: the core's default ({@link DisruptorBuilder#defaultThreadFactory}:
 * platform, non-daemon threads named {@code disruptor-<ring>-<handler>}), passed through every
 * {@link DisruptorThreadFactoryCustomizer}, and checked to be platform threads, whatever a customizer
 * returns.
 */
final class HandlerThreads {

    /** {@code Thread::isVirtual} from Java 21 on; before, no thread is virtual. */
    private static final Predicate<Thread> IS_VIRTUAL = virtualThreadCheck();

    private HandlerThreads() {
    }

    /** The thread factory of ring {@code ringName}, after {@code customizers} in their order. */
    static ThreadFactory of(String ringName, List<DisruptorThreadFactoryCustomizer> customizers) {
        ThreadFactory factory = DisruptorBuilder.defaultThreadFactory(ringName);
        for (DisruptorThreadFactoryCustomizer customizer : customizers) {
            factory = customizer.customize(ringName, factory);
            if (factory == null) {
                throw new DisruptorConfigurationException("A DisruptorThreadFactoryCustomizer ("
                        + customizer.getClass().getName() + ") returned no thread factory for ring '" + ringName + "'.",
                        "Return the thread factory it is given to keep the ring's threads as they are, or a "
                                + "ThreadFactory of platform threads.");
            }
        }
        return platformThreadsOnly(ringName, factory, IS_VIRTUAL);
    }

    /** {@code factory}, refusing any virtual thread it makes with a report naming the ring and the handler. */
    static ThreadFactory platformThreadsOnly(String ringName, ThreadFactory factory, Predicate<Thread> isVirtual) {
        return handler -> {
            Thread thread = factory.newThread(handler);
            if (thread != null && isVirtual.test(thread)) {
                throw new DisruptorConfigurationException("The thread factory of ring '" + ringName
                        + "' made a virtual thread for handler '" + nameOf(handler) + "'; handlers run on platform "
                        + "threads only.", "Return a factory of platform threads from the DisruptorThreadFactoryCustomizer "
                                + "beans: a handler thread waits on its wait strategy for as long as its ring runs, which "
                                + "on a virtual thread would hold a carrier thread (spinning) or add a scheduling hop "
                                + "to every wake-up (parking).");
            }
            return thread;
        };
    }

    private static String nameOf(Runnable handler) {
        return handler instanceof HandlerMonitor monitor ? monitor.name() : "handler";
    }

    private static Predicate<Thread> virtualThreadCheck() {
        MethodHandle isVirtual;
        try {
            isVirtual = MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException beforeJava21) {
            return thread -> false;
        }
        return thread -> {
            try {
                return (boolean) isVirtual.invokeExact(thread);
            } catch (Throwable unexpected) {
                throw new IllegalStateException("Thread.isVirtual() failed", unexpected);
            }
        };
    }
}
