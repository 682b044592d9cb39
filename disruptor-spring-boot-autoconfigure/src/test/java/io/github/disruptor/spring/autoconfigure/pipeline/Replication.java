package io.github.disruptor.spring.autoconfigure.pipeline;

import org.springframework.stereotype.Component;

import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.autoconfigure.OrderEvent;

/**
 * Method level: {@code replication.copy} runs beside the journal in stage 0, and
 * {@code replication.enrich} waits for the journal only, not for the whole stage.
 */
@Component
public class Replication {

    private final PipelineRecorder recorder;

    public Replication(PipelineRecorder recorder) {
        this.recorder = recorder;
    }

    @DisruptorHandler(ring = "orders", stage = 0)
    void copy(OrderEvent event, long sequence, boolean endOfBatch) {
        recorder.handled("replication.copy", event.id());
    }

    @DisruptorHandler(ring = "orders", stage = 0, after = "journal")
    void enrich(OrderEvent event) {
        recorder.handled("replication.enrich", event.id(), "journal");
    }
}
