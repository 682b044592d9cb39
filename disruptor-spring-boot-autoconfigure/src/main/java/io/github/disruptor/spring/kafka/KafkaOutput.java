package io.github.disruptor.spring.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Where a {@link KafkaOutputWriter} sends its records: into the transaction of the current batch. During a
 * replay it drops them, because they were committed when the record was first handled.
 *
 * @param <K> the output key type
 * @param <V> the output value type
 */
public interface KafkaOutput<K, V> {

    /** Adds {@code record} to the batch's transaction, or drops it during a replay. */
    void send(ProducerRecord<K, V> record);

    /** Adds a record for {@code topic} to the batch's transaction, or drops it during a replay. */
    default void send(String topic, K key, V value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Whether the event in hand is a replay, whose output is dropped. */
    boolean replay();
}
