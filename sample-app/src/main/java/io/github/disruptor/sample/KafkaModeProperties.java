package io.github.disruptor.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka mode's settings, under {@code sample.kafka} (read with {@code sample.mode=kafka}). The broker is
 * Boot's {@code spring.kafka.bootstrap-servers}.
 *
 * @param ordersTopic the topic of accepted orders, key = symbol; the orders ring reads it
 * @param tradesTopic the topic the trades are written to, key = symbol, in transactions
 * @param groupId the consumer group the instances share; a new group recomputes every trade from the orders topic
 * @param partitions the partitions of the topics the sample creates when they do not exist. A symbol is matched
 *        by the instance that has its partition, so more instances than partitions stay idle. Partitions are never
 *        added to an existing orders topic: that would move symbols to other partitions, away from their books
 * @param ackTimeout how long {@code POST /orders} waits for the broker to acknowledge an order before it answers 503
 */
@ConfigurationProperties("sample.kafka")
public record KafkaModeProperties(@DefaultValue("orders") String ordersTopic, @DefaultValue("trades") String tradesTopic,
        @DefaultValue("disruptor-sample") String groupId, @DefaultValue("3") int partitions,
        @DefaultValue("5s") Duration ackTimeout) {

    public KafkaModeProperties {
        requireName("sample.kafka.orders-topic", ordersTopic);
        requireName("sample.kafka.trades-topic", tradesTopic);
        requireName("sample.kafka.group-id", groupId);
        if (ordersTopic.equals(tradesTopic)) {
            throw new IllegalArgumentException("sample.kafka.orders-topic and sample.kafka.trades-topic must differ, both"
                    + " were '" + ordersTopic + "'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("sample.kafka.partitions must be at least 1, was " + partitions);
        }
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("sample.kafka.ack-timeout must be positive, was " + ackTimeout);
        }
    }

    private static void requireName(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must name a topic or group (for example "
                    + (property.endsWith("group-id") ? "disruptor-sample" : "orders") + "), was '" + value + "'");
        }
    }
}
