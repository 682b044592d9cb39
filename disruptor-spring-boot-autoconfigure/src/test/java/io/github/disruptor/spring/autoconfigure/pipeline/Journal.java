package io.github.disruptor.spring.autoconfigure.pipeline;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.autoconfigure.OrderEvent;

/** Stage 0, class level: the annotation alone makes it a bean. */
@DisruptorHandler(ring = "orders", stage = 0)
public class Journal implements EventHandler<OrderEvent> {

    private final PipelineRecorder recorder;

    public Journal(PipelineRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onEvent(OrderEvent event, long sequence, boolean endOfBatch) {
        recorder.handled("journal", event.id());
    }
}
