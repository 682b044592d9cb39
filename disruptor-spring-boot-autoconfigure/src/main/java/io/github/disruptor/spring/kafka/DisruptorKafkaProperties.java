package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Kafka part of the rings' configuration: a ring whose {@code kafka.topics} is set takes its input
 * from those topics.
 *
 * <pre>{@code
 * disruptor:
 *   defaults:
 *     kafka:
 *       group-id: matching          # every Kafka-fed ring, unless it says otherwise
 *   rings:
 *     orders:
 *       kafka:
 *         topics: orders
 *         on-poison-record: dead-letter
 * }</pre>
 *
 * Each setting comes from the ring's own {@code disruptor.rings.<name>.kafka.*} key, else from
 * {@code disruptor.defaults.kafka.*}, else from the built-in default named in {@link KafkaRingSettings}.
 * The ring's other keys ({@code ring-size}, ...) belong to the core configuration and are not read here.
 */
@ConfigurationProperties("disruptor")
public class DisruptorKafkaProperties {

    /**
     * Rings by name. Under disruptor.rings.<name>.kafka: topics (the topics that feed the ring), translator
     * (the bean name of its KafkaRecordTranslator) and every key of disruptor.defaults.kafka.
     */
    private final Map<String, Ring> rings = new LinkedHashMap<>();

    /** Settings every ring takes unless it sets its own. */
    private final Defaults defaults = new Defaults();

    public Map<String, Ring> getRings() {
        return rings;
    }

    public Defaults getDefaults() {
        return defaults;
    }

    /** The part of {@code disruptor.defaults} read here. */
    public static class Defaults {

        /** Kafka settings of every Kafka-fed ring that does not set its own. */
        private final KafkaDefaults kafka = new KafkaDefaults();

        public KafkaDefaults getKafka() {
            return kafka;
        }
    }

    /** The part of {@code disruptor.rings.<name>} read here. */
    public static class Ring {

        /** Where the ring's input comes from. */
        private final KafkaRing kafka = new KafkaRing();

        public KafkaRing getKafka() {
            return kafka;
        }
    }

    /** The settings a Kafka-fed ring can take from {@code disruptor.defaults.kafka}; unset means the built-in default. */
    public static class KafkaDefaults {

        /** The consumer group of the ring's consumer. Built-in default: spring.kafka.consumer.group-id. */
        private @Nullable String groupId;

        /**
         * The longest a poll waits for records. The consumer thread also resumes paused partitions,
         * commits and reacts to rebalances between polls. Built-in default: 100ms.
         */
        private @Nullable Duration pollTimeout;

        /**
         * How often offsets whose records every handler has passed are committed (when no
         * ExactlyOnceKafkaHandler commits them in its transactions). Built-in default: 1s.
         */
        private @Nullable Duration commitInterval;

        /**
         * On revocation and on stop, the most time to wait for the handlers to finish the records the ring
         * holds; offsets of records not finished by then stay uncommitted. Must be shorter than the
         * consumer's max.poll.interval.ms. Built-in default: 10s.
         */
        private @Nullable Duration drainTimeout;

        /**
         * What happens to a record that cannot be deserialized or that the translator throws on.
         * Built-in default: dead-letter.
         */
        private @Nullable PoisonRecordPolicy onPoisonRecord;

        /** The dead-letter topic, same partition as the record. Built-in default: the record's topic + "-dlt". */
        private @Nullable String deadLetterTopic;

        /** Where a newly assigned partition is read from. Built-in default: committed. */
        private @Nullable ReplayMode replay;

        /**
         * How long the consumer may go without returning from a poll, or without hearing from the cluster
         * (heartbeat, fetch, commit), before health reports it DOWN. Built-in default: 30s.
         */
        private @Nullable Duration stuckThreshold;

        /** Whether the ring's consumer starts with the application. Built-in default: true. */
        private @Nullable Boolean autoStartup;

        /**
         * Kafka consumer properties for the ring's consumer, on top of spring.kafka.consumer.*, for
         * example max.poll.records or isolation.level. enable.auto.commit is always false.
         */
        private final Map<String, String> properties = new LinkedHashMap<>();

        public @Nullable String getGroupId() {
            return groupId;
        }

        public void setGroupId(@Nullable String groupId) {
            this.groupId = groupId;
        }

        public @Nullable Duration getPollTimeout() {
            return pollTimeout;
        }

        public void setPollTimeout(@Nullable Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
        }

        public @Nullable Duration getCommitInterval() {
            return commitInterval;
        }

        public void setCommitInterval(@Nullable Duration commitInterval) {
            this.commitInterval = commitInterval;
        }

        public @Nullable Duration getDrainTimeout() {
            return drainTimeout;
        }

        public void setDrainTimeout(@Nullable Duration drainTimeout) {
            this.drainTimeout = drainTimeout;
        }

        public @Nullable PoisonRecordPolicy getOnPoisonRecord() {
            return onPoisonRecord;
        }

        public void setOnPoisonRecord(@Nullable PoisonRecordPolicy onPoisonRecord) {
            this.onPoisonRecord = onPoisonRecord;
        }

        public @Nullable String getDeadLetterTopic() {
            return deadLetterTopic;
        }

        public void setDeadLetterTopic(@Nullable String deadLetterTopic) {
            this.deadLetterTopic = deadLetterTopic;
        }

        public @Nullable ReplayMode getReplay() {
            return replay;
        }

        public void setReplay(@Nullable ReplayMode replay) {
            this.replay = replay;
        }

        public @Nullable Duration getStuckThreshold() {
            return stuckThreshold;
        }

        public void setStuckThreshold(@Nullable Duration stuckThreshold) {
            this.stuckThreshold = stuckThreshold;
        }

        public @Nullable Boolean getAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(@Nullable Boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public Map<String, String> getProperties() {
            return properties;
        }
    }

    /** The Kafka settings of one ring. */
    public static class KafkaRing extends KafkaDefaults {

        /** The topics whose records feed the ring; the ring is Kafka-fed when this is not empty. */
        private List<String> topics = new ArrayList<>();

        /**
         * The bean name of the ring's KafkaRecordTranslator; needed only when several translators
         * take the ring's event type.
         */
        private @Nullable String translator;

        public List<String> getTopics() {
            return topics;
        }

        public void setTopics(List<String> topics) {
            this.topics = topics;
        }

        public @Nullable String getTranslator() {
            return translator;
        }

        public void setTranslator(@Nullable String translator) {
            this.translator = translator;
        }
    }

    /** What happens to a record that cannot be read. */
    public enum PoisonRecordPolicy {
        /** Send it to the dead-letter topic (with spring-kafka's kafka_dlt-* headers) and go on. */
        DEAD_LETTER,
        /** Stop consuming at the record: nothing behind it is read or committed, health is DOWN. */
        HALT
    }

    /** Where a newly assigned partition is read from. */
    public enum ReplayMode {
        /** From the committed offset: nothing is replayed. */
        COMMITTED,
        /**
         * From the partition's first offset; records before the committed offset are replayed, marked so
         * that handlers with side effects can skip them, and rebuild the application's state.
         */
        FROM_BEGINNING
    }
}
