package io.github.disruptor.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;

import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import io.github.disruptor.core.EventHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class MethodEventHandlersTests {

    private static final int EVENTS = 100_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * A class loaded by another class loader is in another runtime module than the starter, as every
     * application class is under spring-boot-devtools' restart class loader: the call is generated all
     * the same, in that class loader, and reaches a private method.
     */
    @Test
    void generatesTheCallForAClassOfAnotherClassLoader() throws Exception {
        Class<?> reloaded = new ReloadingClassLoader().reload(PrivateHandlers.class);
        assertThat(reloaded.getModule()).isNotEqualTo(MethodEventHandlers.class.getModule());
        Object bean = ReflectionUtils.accessibleConstructor(reloaded).newInstance();

        EventHandler<Object> handler = MethodEventHandlers.bind(bean, reloaded.getDeclaredMethod("count", Object.class));
        handler.onEvent("event", 0, true);
        handler.onEvent("event", 1, false);

        assertThat(handler).isNotInstanceOf(MethodEventHandlers.MethodHandleCall.class);
        Field count = reloaded.getDeclaredField("count");
        ReflectionUtils.makeAccessible(count);
        assertThat(count.getLong(bean)).isEqualTo(2);
        assertThat(EventConstructors.factory(reloaded.getDeclaredConstructor()).get()).isInstanceOf(reloaded);
    }

    @Test
    void theMethodHandleCallPassesSequenceAndEndOfBatchAndAllocatesNothingPerEvent() throws Exception {
        PrivateHandlers bean = new PrivateHandlers();
        EventHandler<Object> handler = MethodEventHandlers.methodHandleCall(bean,
                PrivateHandlers.class.getDeclaredMethod("full", Object.class, long.class, boolean.class));
        for (long sequence = 0; sequence < EVENTS; sequence++) {
            handler.onEvent("warm-up", sequence, false);
        }
        long threadId = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(threadId);
        for (long sequence = 1; sequence <= EVENTS; sequence++) {
            handler.onEvent("event", sequence, sequence % 2 == 0);
        }
        long allocated = THREADS.getThreadAllocatedBytes(threadId) - before;

        assertThat(bean.lastSequence).isEqualTo(EVENTS);
        assertThat(bean.endsOfBatch).isEqualTo(EVENTS / 2);
        // an allocation per event, the smallest object or a boxed long, would be 16 bytes or more each
        assertThat(allocated).as("bytes allocated for %d events", EVENTS).isLessThan(EVENTS);
    }

    @Test
    void theMethodHandleCallHandsOnWhatTheMethodThrows() throws Exception {
        EventHandler<Object> handler = MethodEventHandlers.methodHandleCall(new PrivateHandlers(),
                PrivateHandlers.class.getDeclaredMethod("failing", Object.class));
        assertThatException().isThrownBy(() -> handler.onEvent("event", 7, true))
                .isExactlyInstanceOf(IOException.class).withMessage("expected by the test: event");
    }

    /** Defines its own copy of a class, as devtools' restart class loader does with application classes. */
    private static final class ReloadingClassLoader extends ClassLoader {

        ReloadingClassLoader() {
            super(MethodEventHandlersTests.class.getClassLoader());
        }

        Class<?> reload(Class<?> type) throws IOException {
            String resource = type.getName().replace('.', '/') + ".class";
            try (InputStream bytes = getParent().getResourceAsStream(resource)) {
                byte[] code = bytes.readAllBytes();
                return defineClass(type.getName(), code, 0, code.length);
            }
        }
    }
}
