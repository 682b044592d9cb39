package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Steady-state publishing and handling allocate nothing: measured with the JVM's per-thread allocation
 * counter on the producer thread and on the handler thread, after a warm-up that lets the JIT compile
 * the paths.
 */
class AllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final EventTranslator<LongEvent> INCREMENT = (event, sequence) -> event.value = sequence;
    private static final int ROUNDS = 2_000_000;
    /** Room for the counter's own noise (its first call, a TLAB refill report); far below one object per event. */
    private static final long TOLERANCE_BYTES = 64 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(ProducerType.class)
    void publishingAndHandlingAllocateNothing(ProducerType producerType) {
        AtomicReference<Thread> handlerThread = new AtomicReference<>();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(1024, LongEvent::new)
                .withProducerType(producerType)
                .withYieldingWaitStrategy()
                .withBarrier(scope -> scope.handleEvents("sum", new EventHandler<>() {
                    long sum;

                    @Override
                    public void onStart() {
                        handlerThread.set(Thread.currentThread());
                    }

                    @Override
                    public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
                        sum += event.value;
                    }
                }))
                .build();
        disruptor.start();
        await("the handler to start").atMost(PATIENCE).until(() -> handlerThread.get() != null);
        long handlerId = handlerThread.get().getId();
        long producerId = Thread.currentThread().getId();
        HandlerMonitor sum = disruptor.monitor().handlers().get(0);

        publish(disruptor, ROUNDS); // warm-up: compile the paths
        awaitHandled(sum, ROUNDS - 1);
        long producerBefore = THREADS.getThreadAllocatedBytes(producerId);
        long handlerBefore = THREADS.getThreadAllocatedBytes(handlerId);
        publish(disruptor, ROUNDS);
        // read before waiting, so that the wait's own allocations on this thread are not counted
        long producerBytes = THREADS.getThreadAllocatedBytes(producerId) - producerBefore;
        awaitHandled(sum, 2L * ROUNDS - 1);
        long handlerBytes = THREADS.getThreadAllocatedBytes(handlerId) - handlerBefore;

        assertThat(producerBytes).as("bytes allocated by the producer for %d publishes", ROUNDS).isLessThan(TOLERANCE_BYTES);
        assertThat(handlerBytes).as("bytes allocated by the handler thread for %d events", ROUNDS).isLessThan(TOLERANCE_BYTES);
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
    }

    private static void publish(Disruptor<LongEvent> disruptor, int count) {
        for (int i = 0; i < count; i++) {
            disruptor.publish(INCREMENT);
        }
    }

    private static void awaitHandled(HandlerMonitor handler, long sequence) {
        await("handler '" + handler.name() + "' to reach sequence " + sequence).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(1))
                .untilAsserted(() -> assertThat(handler.sequence()).as("its sequence").isGreaterThanOrEqualTo(sequence));
    }
}
