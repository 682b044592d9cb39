package io.github.disruptor.sample;

import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.kafka.ExactlyOnceKafkaHandler;
import io.github.disruptor.spring.kafka.KafkaRecordTranslator;
import io.github.disruptor.spring.kafka.KafkaRingSources;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * {@code sample.mode=kafka}: the orders ring reads the orders topic (the starter's Kafka bridge, configured in
 * {@code application-kafka.yml}), and its pipeline is
 * <pre>
 * orders topic ─► ring "orders" ─► stage 1: matchingEngine (books per partition; trades + offsets in one transaction)
 *                                  ─► stage 2: orderResults.publish ─► read model
 * </pre>
 * {@code POST /orders} writes to the orders topic ({@link KafkaOrderEntry}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSampleMode(SampleMode.KAFKA)
@EnableConfigurationProperties(KafkaModeProperties.class)
class KafkaModeConfiguration {

    /** Record to event on the ring's consumer thread; a record that is not an order is dead-lettered. */
    @Bean
    KafkaRecordTranslator<OrderEvent, String, String> orderRecordTranslator() {
        return (event, sequence, record, replay) -> OrderRecords.read(record, event, replay);
    }

    @Bean
    PartitionedMatchingEngine partitionedMatchingEngine(KafkaModeProperties kafka, SampleProperties properties,
            MarketData marketData) {
        return new PartitionedMatchingEngine(kafka, properties, marketData);
    }

    /** Named as the standalone mode's matching handler, so dashboards and the endpoint show the same handler. */
    @Bean
    @DisruptorHandler(ring = PartitionedMatchingEngine.RING, stage = 1)
    KafkaMatchingStage matchingEngine(KafkaRingSources sources, ProducerFactory<String, String> producerFactory,
            PartitionedMatchingEngine engine) {
        return new KafkaMatchingStage(new ExactlyOnceKafkaHandler<>(sources.source(PartitionedMatchingEngine.RING),
                producerFactory, engine), engine);
    }

    @Bean
    KafkaTopicSetup kafkaTopicSetup(KafkaAdmin admin, KafkaModeProperties kafka, Environment environment) {
        return new KafkaTopicSetup(admin, kafka, environment.getRequiredProperty(KafkaTopicSetup.DEAD_LETTER_TOPIC));
    }
}
