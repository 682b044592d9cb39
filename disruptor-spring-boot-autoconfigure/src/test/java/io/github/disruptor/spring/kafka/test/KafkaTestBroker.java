package io.github.disruptor.spring.kafka.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft broker (spring-kafka-test) for a test class, with group and transaction timings that let
 * rebalances and take-overs happen in seconds, and the plain Kafka clients the tests check it with. The
 * starter's tests and the sample's share it: this module publishes its package as a test jar.
 */
public final class KafkaTestBroker implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    public KafkaTestBroker() {
        this(Duration.ZERO);
    }

    /** @param initialRebalanceDelay how long a new group waits for more members before its first assignment */
    public KafkaTestBroker(Duration initialRebalanceDelay) {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        // by default the broker's address goes into spring.kafka.bootstrap-servers, a system property that
        // every later application context of the JVM would pick up, even one meant to find no broker
        broker.brokerListProperty("disruptor.test.kafka.brokers");
        broker.brokerProperty("group.min.session.timeout.ms", "500");
        broker.brokerProperty("group.initial.rebalance.delay.ms", Long.toString(initialRebalanceDelay.toMillis()));
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        // a killed instance's open transaction is aborted within a second of its timeout
        broker.brokerProperty("transaction.abort.timed.out.transaction.cleanup.interval.ms", "500");
        broker.brokerProperty("transaction.remove.expired.transaction.cleanup.interval.ms", "500");
        broker.afterPropertiesSet();
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public int port() {
        String first = bootstrapServers().split(",")[0];
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (Exception failure) {
            throw new IllegalStateException("cannot create topic " + topic, failure);
        }
    }

    /** Sends every record and waits for the broker's acknowledgements. */
    public void send(List<ProducerRecord<String, String>> records) {
        Map<String, Object> configuration = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(configuration, new StringSerializer(),
                new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            for (Future<?> acknowledgement : sent) {
                acknowledgement.get();
            }
        } catch (Exception failure) {
            throw new IllegalStateException("cannot send test records", failure);
        }
    }

    /** Every record of {@code topic} up to its end, as a {@code read_committed} reader sees them, in partition order. */
    public List<ConsumerRecord<String, String>> readCommitted(String topic) {
        Map<String, Object> configuration = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(configuration, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed: the end is the last stable offset, before any transaction still open
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + ends);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The group's committed offset per partition of {@code topic}; -1 for none. */
    public Map<Integer, Long> committed(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> byPartition = new HashMap<>();
            endOffsets(topic).keySet().forEach(partition -> {
                OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, partition));
                byPartition.put(partition, offset == null ? -1 : offset.offset());
            });
            return byPartition;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot read the offsets of group " + group, failure);
        }
    }

    /** The log-end offsets of {@code topic}'s partitions. */
    public Map<Integer, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(end -> end.getKey().partition(), end -> end.getValue().offset()));
        } catch (Exception failure) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, failure);
        }
    }

    /** Whether {@code group} has committed, for every partition of {@code topic}, the offset at its end. */
    public boolean caughtUp(String group, String topic) {
        return committed(group, topic).equals(endOffsets(topic));
    }

    /** The members of {@code group} as the coordinator sees them. */
    public Set<String> members(String group) {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .map(member -> member.consumerId()).collect(Collectors.toSet());
        } catch (Exception failure) {
            throw new IllegalStateException("cannot describe group " + group, failure);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
