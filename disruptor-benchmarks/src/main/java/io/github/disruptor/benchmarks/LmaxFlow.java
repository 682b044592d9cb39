package io.github.disruptor.benchmarks;

import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;

/** LMAX Disruptor 4.0.0 with the same ring size, wait strategy and handler. */
final class LmaxFlow implements EventFlow {

    /** Writes the sequence into the event: every publishing benchmark's translation. */
    static final EventTranslator<LongEvent> WRITE_SEQUENCE = (event, sequence) -> event.value = sequence;

    private final Disruptor<LongEvent> disruptor;
    private final RingBuffer<LongEvent> ringBuffer;
    private final CountingHandler[] terminals;
    private final Idle idle;

    LmaxFlow(Topology topology, Idle idle) {
        this.idle = idle;
        this.disruptor = new Disruptor<>(LongEvent::new, CAPACITY, DaemonThreadFactory.INSTANCE,
                topology.producers() == 1 ? ProducerType.SINGLE : ProducerType.MULTI, idle.lmax());
        CountingHandler[] stage = CoreFlow.newHandlers(topology.consumersPerStage());
        EventHandlerGroup<LongEvent> group = disruptor.handleEventsWith(stage);
        for (int s = 1; s < topology.stages(); s++) {
            stage = CoreFlow.newHandlers(topology.consumersPerStage());
            group = group.then(stage);
        }
        this.terminals = stage;
        this.ringBuffer = disruptor.start();
    }

    @Override
    public void publish(int events, int batchSize) {
        if (batchSize == 1) {
            for (int i = 0; i < events; i++) {
                ringBuffer.publishEvent(WRITE_SEQUENCE);
            }
        } else {
            for (int i = 0; i < events; i += batchSize) {
                long high = ringBuffer.next(batchSize);
                long low = high - batchSize + 1;
                for (long sequence = low; sequence <= high; sequence++) {
                    WRITE_SEQUENCE.translateTo(ringBuffer.get(sequence), sequence);
                }
                ringBuffer.publish(low, high);
            }
        }
    }

    @Override
    public long awaitConsumed(long total) {
        return EventFlow.awaitAll(terminals, total, idle);
    }

    @Override
    public void close() {
        disruptor.halt();
    }
}
