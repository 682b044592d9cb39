package io.github.disruptor.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class EventConstructorsTests {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void callsAPrivateConstructorOfAPrivateNestedClass() throws Exception {
        Supplier<Object> factory = EventConstructors.factory(PrivateEvent.class.getDeclaredConstructor());

        Object first = factory.get();
        Object second = factory.get();

        assertThat(first).isInstanceOf(PrivateEvent.class).isNotSameAs(second);
        assertThat(((PrivateEvent) first).constructed).isTrue();
    }

    /**
     * Nothing but the events themselves is allocated, so a ring's events lie next to each other on
     * the heap; a reflective factory allocates several times the event's size per call.
     */
    @Test
    void allocatesOnlyTheEvents() throws Exception {
        Supplier<Object> factory = EventConstructors.factory(PrivateEvent.class.getDeclaredConstructor());
        Object[] created = new Object[10_000];
        long threadId = Thread.currentThread().getId();

        long before = THREADS.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < created.length; i++) {
            created[i] = factory.get();
        }
        long bytesPerEvent = (THREADS.getThreadAllocatedBytes(threadId) - before) / created.length;

        assertThat(created).doesNotContainNull().doesNotHaveDuplicates();
        // a PrivateEvent takes 16 bytes with compressed class pointers, 24 without
        assertThat(bytesPerEvent).as("bytes allocated per event created").isLessThanOrEqualTo(24);
    }

    private static final class PrivateEvent {

        private final boolean constructed;

        private PrivateEvent() {
            constructed = true;
        }
    }
}
