package io.github.disruptor.spring.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.kafka.test.KafkaTestBroker;

/**
 * An application that reads numbers from Kafka into ring {@code numbers} and writes each number doubled to
 * {@code <input>-out} through an {@link ExactlyOnceKafkaHandler}, with faults a test can inject: one failed
 * transaction at a value, or a handler stuck at a value.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class DoublingApplication {

    static ConfigurableApplicationContext run(KafkaTestBroker broker, String topic, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "spring.kafka.consumer.auto-offset-reset=earliest", "spring.kafka.consumer.isolation-level=read-committed",
                // unique per instance, as exactly-once v2 asks
                "spring.kafka.producer.transaction-id-prefix=doubling-" + UUID.randomUUID() + "-",
                "spring.kafka.producer.properties.transaction.timeout.ms=5000",
                "spring.main.banner-mode=off", "logging.level.org.apache.kafka=warn", "logging.level.kafka=warn",
                "logging.level.org.apache.kafka.clients.consumer.internals.ConsumerCoordinator=error",
                "disruptor.rings.numbers.kafka.topics=" + topic, "disruptor.rings.numbers.kafka.group-id=" + topic,
                "doubling.output=" + topic + "-out"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(DoublingApplication.class).web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new)).run();
    }

    @Bean
    KafkaRecordTranslator<NumberEvent, String, String> numberTranslator() {
        return (event, sequence, record, replay) -> {
            event.key = record.key();
            event.value = Long.parseLong(record.value());
            event.partition = record.partition();
            event.offset = record.offset();
            event.replay = replay;
        };
    }

    @Bean
    Faults faults() {
        return new Faults();
    }

    @Bean
    @DisruptorHandler(ring = "numbers")
    ExactlyOnceKafkaHandler<NumberEvent, String, String> doubler(KafkaRingSources sources,
            ProducerFactory<String, String> producerFactory, Faults faults,
            org.springframework.core.env.Environment environment) {
        String output = environment.getRequiredProperty("doubling.output");
        return new ExactlyOnceKafkaHandler<>(sources.source("numbers"), producerFactory, (event, sequence, out) -> {
            faults.maybeBlock(event.value);
            out.send(output, event.key, Long.toString(event.value * 2));
            if (faults.failOnce(event.value)) {
                // larger than max.request.size: the send fails and with it the transaction
                out.send(output, event.key, "x".repeat(2 * 1024 * 1024));
            }
        });
    }

    @Bean
    Resets resets() {
        return new Resets();
    }

    /** Faults a test arms. */
    static class Faults {

        volatile long failOnceAt = -1;
        volatile long blockAt = -1;
        final AtomicBoolean failed = new AtomicBoolean();
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        boolean failOnce(long value) {
            return value == failOnceAt && failed.compareAndSet(false, true);
        }

        void maybeBlock(long value) throws InterruptedException {
            if (value == blockAt) {
                blockAt = -1;
                blocked.countDown();
                release.await(1, TimeUnit.MINUTES);
            }
        }
    }

    /** The state resets the application was asked for. */
    static class Resets implements KafkaPartitionListener {

        final Collection<String> log = new ConcurrentLinkedQueue<>();

        @Override
        public void onPartitionsAssigned(PartitionAssignment assignment) {
            log.add("assigned " + assignment.partitions());
        }

        @Override
        public void onPartitionsRevoked(String ring, Collection<TopicPartition> partitions, boolean lost) {
            log.add((lost ? "lost " : "revoked ") + partitions);
        }
    }

    static ProducerRecord<String, String> number(String topic, int partitions, int value) {
        return new ProducerRecord<>(topic, value % partitions, "k" + value, Integer.toString(value));
    }
}
