package io.github.disruptor.spring.kafka;

/**
 * The application's last stage, writing its output to Kafka through an {@link ExactlyOnceKafkaHandler}:
 * updates its state from the event and sends the records the event produces.
 *
 * <p>It is called for replayed events too, so that state is rebuilt from them; their sends are dropped.
 *
 * @param <E> the ring's event type
 * @param <K> the output key type
 * @param <V> the output value type
 */
@FunctionalInterface
public interface KafkaOutputWriter<E, K, V> {

    /**
     * Handles one event.
     *
     * @param event the event (owned by the ring: copy what must outlive the call)
     * @param sequence its sequence
     * @param output where to send output records
     * @throws Exception handed to the handler's exception handler, like any handler's; records sent before the
     *         throw stay in the transaction, so throw before sending
     */
    void write(E event, long sequence, KafkaOutput<K, V> output) throws Exception;
}
