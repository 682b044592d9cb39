package io.github.disruptor.spring.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Writes a consumed Kafka record into a ring's pre-allocated event: the bridge between a topic and a
 * ring. Declare one as a bean whose first type argument is the ring's event type; the ring's consumer
 * thread calls it for every record, in offset order per partition.
 *
 * <p>Copy what the event needs out of the record: the event is reused on the ring's next lap, the record
 * is not. Nothing beyond what the Kafka client allocated is needed per record.
 *
 * <p>A translator that throws has not published anything: no handler sees the half-written event, and
 * the record is a poison record ({@code disruptor.rings.<name>.kafka.on-poison-record}): it goes to the
 * dead-letter topic, or consumption halts at it.
 *
 * @param <E> the ring's event type
 * @param <K> the record key's type, as the consumer deserializes it
 * @param <V> the record value's type, as the consumer deserializes it
 */
@FunctionalInterface
public interface KafkaRecordTranslator<E, K, V> {

    /**
     * Fills {@code event} from {@code record}.
     *
     * @param event the pre-allocated event to overwrite
     * @param sequence the sequence the event will be published under
     * @param record the consumed record
     * @param replay {@code true} when the record was handled before (its offset is below the partition's
     *        committed offset) and is read again only to rebuild state: handlers with side effects outside
     *        the application should skip it; store it in the event
     */
    void translateTo(E event, long sequence, ConsumerRecord<K, V> record, boolean replay);
}
