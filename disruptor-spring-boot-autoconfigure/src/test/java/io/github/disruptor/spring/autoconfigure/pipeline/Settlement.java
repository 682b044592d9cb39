package io.github.disruptor.spring.autoconfigure.pipeline;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.autoconfigure.OrderEvent;

/** Stage 2: sees an event only after every one of the risk threads is past it. */
@DisruptorHandler(ring = "orders", stage = 2)
public class Settlement implements EventHandler<OrderEvent> {

    private final PipelineRecorder recorder;

    public Settlement(PipelineRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onEvent(OrderEvent event, long sequence, boolean endOfBatch) {
        recorder.handled("settlement", event.id(), "risk.check");
    }
}
