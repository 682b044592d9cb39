package io.github.disruptor.benchmarks;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorBuilder;
import io.github.disruptor.core.EventTranslator;
import io.github.disruptor.core.ProducerType;
import java.time.Duration;

/** Our disruptor: one barrier per stage, one handler thread per consumer. */
final class CoreFlow implements EventFlow {

    /** Writes the sequence into the event: every publishing benchmark's translation. */
    static final EventTranslator<LongEvent> WRITE_SEQUENCE = (event, sequence) -> event.value = sequence;

    private final Disruptor<LongEvent> disruptor;
    private final CountingHandler[] terminals;
    private final Idle idle;

    CoreFlow(Topology topology, Idle idle) {
        this.idle = idle;
        DisruptorBuilder<LongEvent> builder = DisruptorBuilder.withRingBuffer(CAPACITY, LongEvent::new)
                .withName("benchmark")
                .withWaitStrategy(idle.core())
                .withProducerType(topology.producers() == 1 ? ProducerType.SINGLE : ProducerType.MULTI);
        CountingHandler[] stage = null;
        for (int s = 0; s < topology.stages(); s++) {
            CountingHandler[] handlers = newHandlers(topology.consumersPerStage());
            int stageIndex = s;
            builder.withBarrier(scope -> {
                for (int h = 0; h < handlers.length; h++) {
                    scope.handleEvents("stage" + stageIndex + "-consumer" + h, handlers[h]);
                }
            });
            stage = handlers;
        }
        this.terminals = stage;
        this.disruptor = builder.build();
        disruptor.start();
    }

    static CountingHandler[] newHandlers(int count) {
        CountingHandler[] handlers = new CountingHandler[count];
        for (int i = 0; i < count; i++) {
            handlers[i] = new CountingHandler();
        }
        return handlers;
    }

    @Override
    public void publish(int events, int batchSize) {
        if (batchSize == 1) {
            for (int i = 0; i < events; i++) {
                disruptor.publish(WRITE_SEQUENCE);
            }
        } else {
            for (int i = 0; i < events; i += batchSize) {
                disruptor.publishBatch(batchSize, WRITE_SEQUENCE);
            }
        }
    }

    @Override
    public long awaitConsumed(long total) {
        return EventFlow.awaitAll(terminals, total, idle);
    }

    @Override
    public void close() {
        if (!disruptor.shutdown(Duration.ofSeconds(10))) {
            throw new IllegalStateException("our disruptor did not drain in 10 s: " + disruptor);
        }
    }
}
