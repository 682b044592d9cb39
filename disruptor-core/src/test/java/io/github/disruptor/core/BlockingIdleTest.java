package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Durations.ONE_MILLISECOND;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The blocking strategy parks a stage that waits behind a stalled upstream stage, instead of spinning
 * on the upstream sequence as LMAX's does. Measured as CPU time of the waiting threads over a window.
 */
class BlockingIdleTest {

    private static final long WINDOW_MILLIS = 500;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void stagesBehindAStalledUpstreamBurnNoCpu() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CountDownLatch stall = new CountDownLatch(1);
        AtomicLong handledDownstream = new AtomicLong();
        Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(16, LongEvent::new)
                .withName("idle")
                .withBlockingWaitStrategy()
                .withBarrier(scope -> scope.handleEvents("stalled", (event, sequence, end) -> {
                    if (sequence == 1) {
                        stall.await(30, TimeUnit.SECONDS);
                    }
                }))
                .withBarrier(scope -> scope.handleEvents("second", (event, sequence, end) -> handledDownstream.incrementAndGet()))
                .withBarrier(scope -> scope.handleEvents("third", (event, sequence, end) -> { }))
                .build();
        disruptor.start();
        disruptor.publish(LongEvent.VALUE, 0L);
        await("the second stage to handle the event before the stall").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(handledDownstream).hasValue(1));
        disruptor.publish(LongEvent.VALUE, 1L);

        long[] waiting = threadIds("disruptor-idle-second", "disruptor-idle-third");
        await("the waiting handlers to park").atMost(PATIENCE).pollInterval(ONE_MILLISECOND)
                .untilAsserted(() -> assertThat(Arrays.stream(waiting).mapToObj(id -> threads.getThreadInfo(id).getThreadState()))
                        .containsOnly(Thread.State.WAITING));
        long before = cpuNanos(threads, waiting);
        Thread.sleep(WINDOW_MILLIS); // a measurement window, not a synchronisation
        long used = cpuNanos(threads, waiting) - before;

        assertThat(Duration.ofNanos(used)).as("CPU burnt by two waiting stages in %d ms", WINDOW_MILLIS)
                .isLessThan(Duration.ofMillis(WINDOW_MILLIS / 10));
        stall.countDown();
        assertThat(disruptor.shutdown(Duration.ofSeconds(20))).isTrue();
        assertThat(handledDownstream).hasValue(2);
    }

    private static long[] threadIds(String... names) {
        return Arrays.stream(names).mapToLong(name -> Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name)).findFirst().orElseThrow().getId()).toArray();
    }

    private static long cpuNanos(ThreadMXBean threads, long[] ids) {
        return Arrays.stream(ids).map(threads::getThreadCpuTime).sum();
    }
}
