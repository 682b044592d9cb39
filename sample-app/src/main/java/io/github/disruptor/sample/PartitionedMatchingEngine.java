package io.github.disruptor.sample;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.disruptor.spring.kafka.KafkaOutput;
import io.github.disruptor.spring.kafka.KafkaOutputWriter;
import io.github.disruptor.spring.kafka.KafkaPartitionListener;
import io.github.disruptor.spring.kafka.PartitionAssignment;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka mode's business logic: the order books of the partitions of the orders topic this instance is assigned,
 * as Kafka Streams keeps a task's state. Each partition has its own books, trade ids and memory of
 * {@code Idempotency-Key}s, so the trades of a symbol depend only on the orders of its partition, in offset
 * order: one instance and several, or a new consumer group reading the topic from its start, produce the same
 * trades with the same ids.
 *
 * <p>When partitions arrive, their state is dropped and rebuilt by replaying each from its first record up to the
 * group's committed offset: the replayed orders are matched again, their trades (written when the orders were
 * first matched) are not sent. When partitions leave, their state is dropped.
 *
 * <p>{@link #write} runs on the matching stage's thread ({@link KafkaMatchingStage}); the partition callbacks
 * run on the ring's consumer thread while the ring holds none of those partitions' orders unhandled.
 */
final class PartitionedMatchingEngine implements KafkaOutputWriter<OrderEvent, String, String>, KafkaPartitionListener {

    static final String RING = "orders";

    private final String ordersTopic;
    private final String tradesTopic;
    private final int maxKeys;
    private final MarketData marketData;
    private final Map<Integer, PartitionBooks> partitions = new ConcurrentHashMap<>();

    PartitionedMatchingEngine(KafkaModeProperties kafka, SampleProperties properties, MarketData marketData) {
        this.ordersTopic = kafka.ordersTopic();
        this.tradesTopic = kafka.tradesTopic();
        this.maxKeys = properties.idempotency().maxKeys();
        this.marketData = marketData;
    }

    @Override
    public void write(OrderEvent order, long sequence, KafkaOutput<String, String> output) {
        partitions.computeIfAbsent(order.partition(), PartitionBooks::new).match(order);
        if (output.replay()) {
            return;
        }
        List<Trade> trades = order.trades();
        for (int i = 0; i < trades.size(); i++) {
            Trade trade = trades.get(i);
            output.send(tradesTopic, trade.symbol(), OrderRecords.trade(trade));
        }
    }

    @Override
    public void onPartitionsAssigned(PartitionAssignment assignment) {
        for (TopicPartition partition : assignment.partitions()) {
            if (isOrders(assignment.ring(), partition)) {
                drop(partition.partition());
                assignment.replayFromBeginning(partition);
            }
        }
    }

    @Override
    public void onPartitionsRevoked(String ring, Collection<TopicPartition> revoked, boolean lost) {
        for (TopicPartition partition : revoked) {
            if (isOrders(ring, partition)) {
                drop(partition.partition());
            }
        }
    }

    /** Snapshots the books that changed, for {@code GET /books}; on the matching stage's thread, which owns them. */
    void publishMarketData() {
        for (PartitionBooks books : partitions.values()) {
            books.publishChanged(marketData);
        }
    }

    private boolean isOrders(String ring, TopicPartition partition) {
        return RING.equals(ring) && ordersTopic.equals(partition.topic());
    }

    private void drop(int partition) {
        PartitionBooks dropped = partitions.remove(partition);
        if (dropped != null) {
            dropped.books.keySet().forEach(marketData::remove);
        }
    }

    /** The state of one partition: its symbols' books, its next trade id, the keys its orders used. */
    private final class PartitionBooks {

        /** Read by the consumer thread when the partition leaves, hence concurrent. */
        final Map<String, OrderBook> books = new ConcurrentHashMap<>();
        /** The latest {@code sample.idempotency.max-keys} keys, oldest first, with the order that first used each. */
        final Map<String, KeyUse> keys = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, KeyUse> eldest) {
                return size() > maxKeys;
            }
        };
        long nextTradeId;

        PartitionBooks(int partition) {
            this.nextTradeId = OrderRecords.firstTradeId(partition);
        }

        void match(OrderEvent order) {
            order.resetOutcome();
            String key = order.idempotencyKey();
            if (key != null) {
                KeyUse first = keys.putIfAbsent(key, new KeyUse(order.orderId(), order.ticket()));
                if (first != null && order.rejection() == null) {
                    order.rejection(first.repeatedBy(key, order));
                }
            }
            if (order.rejection() != null) {
                order.status(OrderStatus.REJECTED);
                return;
            }
            nextTradeId = books.computeIfAbsent(order.symbol(), OrderBook::new).match(order, nextTradeId);
        }

        void publishChanged(MarketData marketData) {
            for (OrderBook book : books.values()) {
                if (book.takeChanged()) {
                    marketData.update(book.snapshot(MarketData.DEPTH));
                }
            }
        }
    }

    /** The order that first used an {@code Idempotency-Key}. */
    private record KeyUse(long orderId, OrderTicket ticket) {

        /** Why {@code order}, which carries the same key, is not executed. */
        String repeatedBy(String key, OrderEvent order) {
            OrderTicket repeated = order.ticket();
            return repeated.equals(ticket)
                    ? IdempotencyKeys.HEADER + " '" + key + "' was used by order " + orderId + " (" + ticket + "): this"
                            + " order repeats it and is not executed again"
                    : IdempotencyKeys.HEADER + " '" + key + "' was first used for order " + orderId + " (" + ticket
                            + "); this order differs (" + repeated.differencesFrom(ticket) + ") and is not executed: a key"
                            + " stands for one order";
        }
    }
}
