package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.github.disruptor.spring.autoconfigure.DisruptorConfigurationException;
import io.github.disruptor.spring.kafka.DisruptorKafkaProperties.KafkaDefaults;
import io.github.disruptor.spring.kafka.DisruptorKafkaProperties.KafkaRing;
import io.github.disruptor.spring.kafka.DisruptorKafkaProperties.PoisonRecordPolicy;
import io.github.disruptor.spring.kafka.DisruptorKafkaProperties.ReplayMode;

/**
 * The resolved Kafka settings of one ring: its own key, else {@code disruptor.defaults.kafka}, else the
 * built-in default below (the one place these defaults live).
 *
 * @param ring the ring's name
 * @param topics the topics that feed it
 * @param translator the bean name of its translator, or {@code null} to find the only one that fits
 * @param groupId the consumer group, or {@code null} for the consumer factory's
 * @param consumerProperties consumer properties on top of the consumer factory's
 */
record KafkaRingSettings(String ring, List<String> topics, @Nullable String translator, @Nullable String groupId,
        Duration pollTimeout, Duration commitInterval, Duration drainTimeout, PoisonRecordPolicy onPoisonRecord,
        @Nullable String deadLetterTopic, ReplayMode replay, Duration stuckThreshold, boolean autoStartup,
        Map<String, Object> consumerProperties) {

    static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(100);
    static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);
    static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);
    static final PoisonRecordPolicy DEFAULT_ON_POISON_RECORD = PoisonRecordPolicy.DEAD_LETTER;
    static final ReplayMode DEFAULT_REPLAY = ReplayMode.COMMITTED;
    static final Duration DEFAULT_STUCK_THRESHOLD = Duration.ofSeconds(30);
    /** Suffix of the default dead-letter topic, as spring-kafka's DeadLetterPublishingRecoverer names it. */
    static final String DEAD_LETTER_SUFFIX = "-dlt";

    /** The settings of every ring that names topics under {@code disruptor.rings.<name>.kafka.topics}. */
    static List<KafkaRingSettings> of(DisruptorKafkaProperties properties) {
        KafkaDefaults defaults = properties.getDefaults().getKafka();
        return properties.getRings().entrySet().stream()
                .filter(ring -> !ring.getValue().getKafka().getTopics().isEmpty())
                .map(ring -> resolve(ring.getKey(), ring.getValue().getKafka(), defaults))
                .toList();
    }

    private static KafkaRingSettings resolve(String ring, KafkaRing own, KafkaDefaults defaults) {
        String prefix = "disruptor.rings." + ring + ".kafka.";
        List<String> topics = own.getTopics();
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i) == null || topics.get(i).isBlank()) {
                throw new DisruptorConfigurationException("Invalid value '" + topics.get(i) + "' for " + prefix
                        + "topics[" + i + "]: a topic name must not be blank.", "Name a topic, or remove the entry.");
            }
        }
        Map<String, Object> consumerProperties = new LinkedHashMap<>(defaults.getProperties());
        consumerProperties.putAll(own.getProperties());
        return new KafkaRingSettings(ring, List.copyOf(topics), own.getTranslator(),
                pick(own, defaults, KafkaDefaults::getGroupId, null),
                positive(prefix + "poll-timeout", pick(own, defaults, KafkaDefaults::getPollTimeout, DEFAULT_POLL_TIMEOUT)),
                notNegative(prefix + "commit-interval",
                        pick(own, defaults, KafkaDefaults::getCommitInterval, DEFAULT_COMMIT_INTERVAL)),
                notNegative(prefix + "drain-timeout", pick(own, defaults, KafkaDefaults::getDrainTimeout, DEFAULT_DRAIN_TIMEOUT)),
                pick(own, defaults, KafkaDefaults::getOnPoisonRecord, DEFAULT_ON_POISON_RECORD),
                pick(own, defaults, KafkaDefaults::getDeadLetterTopic, null),
                pick(own, defaults, KafkaDefaults::getReplay, DEFAULT_REPLAY),
                positive(prefix + "stuck-threshold",
                        pick(own, defaults, KafkaDefaults::getStuckThreshold, DEFAULT_STUCK_THRESHOLD)),
                pick(own, defaults, KafkaDefaults::getAutoStartup, true),
                Map.copyOf(consumerProperties));
    }

    /** The dead-letter topic of records from {@code topic}. */
    String deadLetterTopicFor(String topic) {
        return deadLetterTopic != null ? deadLetterTopic : topic + DEAD_LETTER_SUFFIX;
    }

    /** The property a setting of this ring is read from, for messages. */
    String property(String key) {
        return "disruptor.rings." + ring + ".kafka." + key;
    }

    private static <T> T pick(KafkaRing own, KafkaDefaults defaults, Function<KafkaDefaults, @Nullable T> key,
            T builtIn) {
        T value = key.apply(own);
        if (value == null) {
            value = key.apply(defaults);
        }
        return value != null ? value : builtIn;
    }

    private static Duration positive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new DisruptorConfigurationException("Invalid value " + value + " for " + property
                    + ": it must be longer than zero.", "Set " + property + " to a positive duration, such as 100ms.");
        }
        return value;
    }

    private static Duration notNegative(String property, Duration value) {
        if (value.isNegative()) {
            throw new DisruptorConfigurationException("Invalid value " + value + " for " + property
                    + ": it must not be negative.", "Set " + property + " to zero or a positive duration.");
        }
        return value;
    }
}
