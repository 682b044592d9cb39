package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends poison records to their dead-letter topic with spring-kafka's {@link DeadLetterPublishingRecoverer},
 * so they carry the {@code kafka_dlt-*} headers spring-kafka users know (original topic, partition, offset,
 * timestamp, group, exception). A record that could not be deserialized is sent with its original bytes; a
 * record the translator threw on is sent as deserialized, through the application's producer factory, whose
 * serializers must match the consumer's deserializers. A send counts only once the broker acknowledged it;
 * a failed send throws and the record stays where it is.
 */
final class DeadLetterPublisher {

    private final DeadLetterPublishingRecoverer deserialized;
    private final DeadLetterPublishingRecoverer raw;
    private final DefaultKafkaProducerFactory<byte[], byte[]> bytesFactory;

    DeadLetterPublisher(ProducerFactory<Object, Object> producerFactory, KafkaRingSettings settings) {
        this.bytesFactory = bytesFactory(producerFactory);
        this.deserialized = recoverer(new KafkaTemplate<>(producerFactory), settings);
        this.raw = recoverer(new KafkaTemplate<>(bytesFactory), settings);
    }

    /** Closes the producers of raw records; the application's producer factory stays the application's. */
    void close() {
        bytesFactory.destroy();
    }

    /** Sends {@code record} and waits for the broker's acknowledgement; throws if it did not come. */
    void send(ConsumerRecord<Object, Object> record, Exception failure, Consumer<?, ?> consumer, boolean unreadable) {
        (unreadable ? raw : deserialized).accept(record, consumer, failure);
    }

    private static DeadLetterPublishingRecoverer recoverer(KafkaTemplate<?, ?> template, KafkaRingSettings settings) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(settings.deadLetterTopicFor(record.topic()), record.partition()));
        recoverer.setFailIfSendResultIsError(true);
        Duration timeout = settings.drainTimeout().isZero() ? settings.pollTimeout() : settings.drainTimeout();
        recoverer.setWaitForSendResultTimeout(timeout);
        return recoverer;
    }

    /** The same producer settings with byte-array serializers, for records that never were deserialized. */
    private static DefaultKafkaProducerFactory<byte[], byte[]> bytesFactory(ProducerFactory<Object, Object> producerFactory) {
        Map<String, Object> configuration = new HashMap<>(producerFactory.getConfigurationProperties());
        configuration.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        configuration.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        configuration.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaProducerFactory<byte[], byte[]> bytes = new DefaultKafkaProducerFactory<>(configuration,
                new ByteArraySerializer(), new ByteArraySerializer());
        if (producerFactory.transactionCapable()) {
            // its own prefix, so its transactional ids never fence the application's producers
            bytes.setTransactionIdPrefix(producerFactory.getTransactionIdPrefix() + "dead-letters-");
        }
        return bytes;
    }
}
