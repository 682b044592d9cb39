package io.github.disruptor.spring.autoconfigure.pipeline;

import org.springframework.stereotype.Component;

import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.autoconfigure.OrderEvent;

/** Stage 1 on three threads: each event checked exactly once, after all of stage 0. */
@Component
public class Risk {

    private final PipelineRecorder recorder;

    public Risk(PipelineRecorder recorder) {
        this.recorder = recorder;
    }

    @DisruptorHandler(ring = "orders", stage = 1, concurrency = 3)
    public void check(OrderEvent event) {
        recorder.handled("risk.check", event.id(), "journal", "replication.copy", "replication.enrich");
    }
}
