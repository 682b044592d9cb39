package io.github.disruptor.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SmokeTest {
    static final class LongEvent { long value; }

    @Test
    void pipelineDeliversEverything() {
        AtomicLong sum = new AtomicLong();
        AtomicLong count = new AtomicLong();
        Disruptor<LongEvent> d = DisruptorBuilder.withRingBuffer(64, LongEvent::new)
                .withName("smoke")
                .withYieldingWaitStrategy()
                .withSingleProducerSequencer()
                .withBarrier(s -> s.handleEvents("a", (e, seq, end) -> { }).handleEvents("b", (e, seq, end) -> { }))
                .withBarrier(s -> s.handleEvents("c", (e, seq, end) -> { sum.addAndGet(e.value); count.incrementAndGet(); }))
                .build();
        d.start();
        for (int i = 0; i < 100_000; i++) {
            final int v = i;
            d.publish((e, seq) -> e.value = v);
        }
        assertThat(d.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(count.get()).isEqualTo(100_000);
        assertThat(sum.get()).isEqualTo(99_999L * 100_000 / 2);
    }
}
