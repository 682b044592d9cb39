package io.github.disruptor.sample;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.kafka.ExactlyOnceKafkaHandler;

/**
 * Kafka mode, stage 1: the {@link PartitionedMatchingEngine} behind an {@link ExactlyOnceKafkaHandler}, so the
 * trades of each batch are written to the trades topic in one Kafka transaction together with the offsets of the
 * batch's orders; and, at the end of each batch, the snapshots of the books that changed, taken on this thread,
 * which owns the books (as {@link MatchingEngine} does in standalone mode).
 */
final class KafkaMatchingStage implements EventHandler<OrderEvent> {

    private final ExactlyOnceKafkaHandler<OrderEvent, String, String> transactions;
    private final PartitionedMatchingEngine engine;

    KafkaMatchingStage(ExactlyOnceKafkaHandler<OrderEvent, String, String> transactions, PartitionedMatchingEngine engine) {
        this.transactions = transactions;
        this.engine = engine;
    }

    @Override
    public void onEvent(OrderEvent order, long sequence, boolean endOfBatch) throws Exception {
        try {
            transactions.onEvent(order, sequence, endOfBatch);
        } finally {
            if (endOfBatch) {
                engine.publishMarketData();
            }
        }
    }

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        transactions.onBatchStart(batchSize, queueDepth);
    }

    @Override
    public void onTimeout(long sequence) {
        transactions.onTimeout(sequence);
    }

    @Override
    public void onStart() {
        transactions.onStart();
    }

    @Override
    public void onShutdown() {
        transactions.onShutdown();
    }

    /** The transactions committed and aborted since the start. */
    ExactlyOnceKafkaHandler<OrderEvent, String, String> transactions() {
        return transactions;
    }

    @Override
    public String toString() {
        return "matching, trades written exactly once (" + transactions + ")";
    }
}
