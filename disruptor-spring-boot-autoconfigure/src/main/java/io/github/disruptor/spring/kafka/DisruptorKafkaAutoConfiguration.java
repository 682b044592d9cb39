package io.github.disruptor.spring.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.spring.DisruptorRegistry;
import io.github.disruptor.spring.actuate.DisruptorRingSources;
import io.github.disruptor.spring.autoconfigure.DisruptorLifecycle;
import io.github.disruptor.spring.autoconfigure.DisruptorProperties;

/**
 * Auto-configuration of Kafka-fed rings, when spring-kafka is on the class path: a {@link KafkaRingSources}
 * with one {@link KafkaRingSource} per ring that names topics under {@code disruptor.rings.<name>.kafka.topics},
 * using the application's {@link ConsumerFactory} (Boot's, from {@code spring.kafka.*}) and, for dead letters,
 * its {@link ProducerFactory}. Without spring-kafka nothing here loads and nothing changes.
 */
@AutoConfiguration(afterName = {
        "io.github.disruptor.spring.autoconfigure.DisruptorAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@ConditionalOnClass({ Disruptor.class, ConsumerFactory.class })
@ConditionalOnBean(DisruptorRegistry.class)
@EnableConfigurationProperties(DisruptorKafkaProperties.class)
public final class DisruptorKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    KafkaRingSources kafkaRingSources(DisruptorKafkaProperties properties, ConfigurableListableBeanFactory beanFactory,
            DisruptorRegistry disruptorRegistry, ObjectProvider<ConsumerFactory<?, ?>> consumerFactory,
            ObjectProvider<ProducerFactory<?, ?>> producerFactory, ObjectProvider<KafkaPartitionListener> listeners,
            ObjectProvider<DisruptorLifecycle> disruptorLifecycle) {
        int ringPhase = disruptorLifecycle.getIfAvailable() != null ? disruptorLifecycle.getObject().getPhase()
                : DisruptorProperties.DEFAULT_PHASE;
        return new KafkaRingSources(properties, beanFactory, disruptorRegistry,
                (ConsumerFactory<Object, Object>) consumerFactory.getIfUnique(),
                (ProducerFactory<Object, Object>) producerFactory.getIfUnique(),
                listeners.orderedStream().toList(), ringPhase + 1);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaRingSourcesDescription")
    DisruptorRingSources kafkaRingSourcesDescription(KafkaRingSources kafkaRingSources) {
        return ring -> kafkaRingSources.find(ring).<Map<String, Object>>map(source -> {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("kafka", source.status());
            return described;
        }).orElse(Map.of());
    }
}
