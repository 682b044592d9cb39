package io.github.disruptor.spring.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.disruptor.core.EventHandler;
import io.github.disruptor.spring.DisruptorHandler;
import io.github.disruptor.spring.kafka.test.KafkaTestBroker;

/**
 * An application whose ring {@code numbers} is fed from Kafka: a recorder in stage 0 and a gate in stage 1
 * that a test can close at a value, so the last stage falls behind on purpose.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class NumbersApplication {

    /** The value the translator refuses, to make a poison record that deserializes fine. */
    static final long UNTRANSLATABLE = 1_000_013;

    static ConfigurableApplicationContext run(KafkaTestBroker broker, String... properties) {
        return run(broker.bootstrapServers(), properties);
    }

    static ConfigurableApplicationContext run(String bootstrapServers, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.kafka.bootstrap-servers=" + bootstrapServers,
                "spring.kafka.consumer.auto-offset-reset=earliest", "spring.main.banner-mode=off",
                "disruptor.defaults.kafka.commit-interval=100ms", "logging.level.org.apache.kafka=warn",
                "logging.level.kafka=warn", "logging.level.org.apache.kafka.clients.consumer.internals.ConsumerCoordinator=error"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(NumbersApplication.class).web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new)).run();
    }

    @Bean
    KafkaRecordTranslator<NumberEvent, String, String> numberTranslator() {
        return (event, sequence, record, replay) -> {
            long value = Long.parseLong(record.value());
            if (value == UNTRANSLATABLE) {
                throw new IllegalArgumentException("unlucky number " + value);
            }
            event.key = record.key();
            event.value = value;
            event.partition = record.partition();
            event.offset = record.offset();
            event.replay = replay;
        };
    }

    @Bean
    @DisruptorHandler(ring = "numbers", stage = 0)
    Recorder recorder() {
        return new Recorder();
    }

    @Bean
    @DisruptorHandler(ring = "numbers", stage = 1)
    Gate gate() {
        return new Gate();
    }

    @Bean
    PartitionEvents partitionEvents() {
        return new PartitionEvents();
    }

    /** What a handler saw: partition, offset, value and whether it was a replay. */
    record Seen(int partition, long offset, long value, boolean replay) {
    }

    /** Records every event. */
    static class Recorder implements EventHandler<NumberEvent> {

        final Collection<Seen> seen = new ConcurrentLinkedQueue<>();

        @Override
        public void onEvent(NumberEvent event, long sequence, boolean endOfBatch) {
            seen.add(new Seen(event.partition, event.offset, event.value, event.replay));
        }
    }

    /** The last stage; closed at a value, it waits there until opened (at most a minute). */
    static class Gate implements EventHandler<NumberEvent> {

        final Collection<Seen> passed = new ConcurrentLinkedQueue<>();
        volatile long closedAt = -1;
        private final CountDownLatch open = new CountDownLatch(1);

        @Override
        public void onEvent(NumberEvent event, long sequence, boolean endOfBatch) throws InterruptedException {
            if (event.value == closedAt) {
                open.await(1, TimeUnit.MINUTES);
            }
            passed.add(new Seen(event.partition, event.offset, event.value, event.replay));
        }

        void open() {
            open.countDown();
        }
    }

    /** Counts the rebalance callbacks. */
    static class PartitionEvents implements KafkaPartitionListener {

        final AtomicInteger assignments = new AtomicInteger();
        final AtomicInteger revocations = new AtomicInteger();
        final Collection<TopicPartition> assigned = new ConcurrentLinkedQueue<>();
        final Collection<String> log = new ConcurrentLinkedQueue<>();

        @Override
        public void onPartitionsAssigned(PartitionAssignment assignment) {
            assignments.incrementAndGet();
            assigned.addAll(assignment.partitions());
            assignment.partitions().forEach(partition -> log.add("assigned " + partition + " committed "
                    + assignment.committedOffset(partition)));
        }

        @Override
        public void onPartitionsRevoked(String ring, Collection<TopicPartition> partitions, boolean lost) {
            revocations.incrementAndGet();
            assigned.removeAll(partitions);
            log.add((lost ? "lost " : "revoked ") + partitions);
        }
    }

    /** A value deserializer that refuses anything but digits, to make records that cannot be deserialized. */
    public static class DigitsDeserializer implements Deserializer<String> {

        @Override
        public String deserialize(String topic, byte[] data) {
            String value = data == null ? null : new String(data, StandardCharsets.UTF_8);
            if (value != null && !value.chars().allMatch(Character::isDigit)) {
                throw new SerializationException("not a number: " + value);
            }
            return value;
        }
    }

    static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
