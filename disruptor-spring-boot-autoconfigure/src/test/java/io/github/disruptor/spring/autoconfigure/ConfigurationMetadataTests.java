package io.github.disruptor.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorMonitor;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.core.HandlerState;
import io.github.disruptor.core.RetryPolicy;
import io.github.disruptor.core.SleepingWaitStrategy;
import io.github.disruptor.spring.actuate.DisruptorHealthAutoConfiguration;
import io.github.disruptor.spring.actuate.DisruptorHealthProperties;
import io.github.disruptor.spring.autoconfigure.HandlerConfigurations.FailingJournal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The configuration metadata an IDE shows: what the configuration processor generated from the
 * properties' javadoc, merged with {@code additional-spring-configuration-metadata.json}.
 */
class ConfigurationMetadataTests {

    private static List<Map<String, Object>> ours;
    private static List<String> hinted;

    @BeforeAll
    static void readMetadata() throws IOException {
        DocumentContext metadata;
        try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            metadata = JsonPath.parse(json);
        }
        List<Map<String, Object>> properties = metadata.read("$.properties[*]");
        ours = properties.stream()
                .filter(property -> property.get("name").toString().matches("(disruptor|management\\.health\\.disruptor(-kafka)?)\\..*"))
                .toList();
        hinted = metadata.read("$.hints[*].name");
    }

    @Test
    void documentsEveryKeyAndHintsTheValueOfEveryKeyThatTakesOne() {
        assertThat(ours).extracting(property -> property.get("name")).containsExactlyInAnyOrder(
                "disruptor.rings", "disruptor.shutdown-timeout", "disruptor.phase", "disruptor.defaults.ring-size",
                "disruptor.defaults.sequencer", "disruptor.defaults.wait-strategy", "disruptor.defaults.exception-policy",
                "disruptor.defaults.sleeping.retries", "disruptor.defaults.sleeping.sleep-duration",
                "disruptor.defaults.retry.attempts", "disruptor.defaults.retry.back-off",
                "disruptor.defaults.retry.multiplier", "disruptor.defaults.retry.max-back-off",
                "management.health.disruptor.enabled", "management.health.disruptor.full-threshold",
                "management.health.disruptor.retrying-threshold",
                // the Kafka part of each ring is bound by its own class, so disruptor.rings appears once per class
                "disruptor.rings", "disruptor.defaults.kafka.group-id", "disruptor.defaults.kafka.poll-timeout",
                "disruptor.defaults.kafka.commit-interval", "disruptor.defaults.kafka.drain-timeout",
                "disruptor.defaults.kafka.on-poison-record", "disruptor.defaults.kafka.dead-letter-topic",
                "disruptor.defaults.kafka.replay", "disruptor.defaults.kafka.stuck-threshold",
                "disruptor.defaults.kafka.auto-startup", "disruptor.defaults.kafka.properties",
                "management.health.disruptor-kafka.enabled");
        assertThat(ours).allSatisfy(property -> assertThat(property.get("description")).as("description of %s",
                property.get("name")).asString().isNotBlank());
        assertThat(ours).filteredOn(property -> !"java.lang.Boolean".equals(property.get("type")))
                .allSatisfy(property -> assertThat(hinted).as("hints").contains(hintName(property.get("name").toString())));
    }

    /** Maps are hinted by their keys. */
    private static String hintName(String property) {
        return property.equals("disruptor.rings") || property.equals("disruptor.defaults.kafka.properties")
                ? property + ".keys" : property;
    }

    /**
     * Each default is written once, in the code that applies it; the metadata can only repeat it, so
     * this test holds every default the metadata shows equal to what the code does without configuration.
     */
    @Test
    void everyDefaultTheMetadataShowsIsWhatTheCodeDoes() {
        Map<String, Object> codeDefaults = new LinkedHashMap<>();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class,
                HealthContributorAutoConfiguration.class, DisruptorHealthAutoConfiguration.class))
                .withUserConfiguration(FailingJournal.class)
                .run(context -> {
                    DisruptorMonitor ring = context.getBean("orders", Disruptor.class).monitor();
                    codeDefaults.put("disruptor.defaults.ring-size", ring.ringSize());
                    codeDefaults.put("disruptor.defaults.sequencer", ring.producerType().name().toLowerCase(Locale.ROOT));
                    codeDefaults.put("disruptor.defaults.wait-strategy", ring.waitStrategy());
                    ((Disruptor<?>) context.getBean("orders")).publish((event, sequence) -> { });
                    HandlerMonitor journal = ring.handlers().get(0);
                    await("the failure to be handled").atMost(Duration.ofSeconds(20)).until(() -> journal.errorCount() == 1);
                    codeDefaults.put("disruptor.defaults.exception-policy",
                            journal.state() == HandlerState.RUNNING ? "log-and-continue" : "halt-handler");
                    codeDefaults.put("management.health.disruptor.enabled", context.containsBean("disruptorHealthContributor"));
                });
        RingSettings settings = RingSettings.of("orders", new DisruptorProperties());
        assertThat(settings.sleepingRetries()).isEqualTo(SleepingWaitStrategy.DEFAULT_RETRIES);
        codeDefaults.put("disruptor.defaults.sleeping.retries", settings.sleepingRetries());
        codeDefaults.put("disruptor.defaults.sleeping.sleep-duration", settings.sleepDuration());
        HandlerDefinition journal = new HandlerDefinition("journal", "journal", null, OrderEvent.class, "orders", 0,
                List.of(), 1, "", Integer.MAX_VALUE, RetrySettings.UNSET, false, "test journal");
        codeDefaults.put("disruptor.defaults.retry.attempts", RetrySettings.policy(journal, settings) == null ? 1 : null);
        DisruptorProperties retrying = new DisruptorProperties();
        retrying.getDefaults().getRetry().setAttempts(3);
        codeDefaults.put("disruptor.defaults.retry.back-off",
                RetrySettings.policy(journal, RingSettings.of("orders", retrying)).backOffAfter(1));
        retrying.getDefaults().getRetry().setBackOff(Duration.ofMillis(1));
        RetryPolicy fromOneMillisecond = RetrySettings.policy(journal, RingSettings.of("orders", retrying));
        codeDefaults.put("disruptor.defaults.retry.multiplier",
                (double) fromOneMillisecond.backOffAfter(2).toNanos() / fromOneMillisecond.backOffAfter(1).toNanos());
        codeDefaults.put("disruptor.shutdown-timeout", new DisruptorProperties().getShutdownTimeout());
        codeDefaults.put("disruptor.phase", new DisruptorProperties().getPhase());
        codeDefaults.put("management.health.disruptor.full-threshold", new DisruptorHealthProperties().getFullThreshold());
        codeDefaults.put("management.health.disruptor.retrying-threshold",
                new DisruptorHealthProperties().getRetryingThreshold());

        Map<String, Object> metadataDefaults = new LinkedHashMap<>();
        // the Kafka keys' defaults are held to the code by the Kafka package's own metadata test
        ours.stream().filter(property -> property.containsKey("defaultValue"))
                .filter(property -> !property.get("name").toString().matches(".*\\bkafka\\b.*|.*disruptor-kafka.*"))
                .forEach(property -> {
            Object value = property.get("defaultValue");
            metadataDefaults.put(property.get("name").toString(), switch (String.valueOf(property.get("type"))) {
                case "java.time.Duration" -> DurationStyle.detectAndParse(value.toString());
                case "java.lang.Double" -> ((Number) value).doubleValue(); // JSON writes 1.0 as 1
                default -> value;
            });
        });
        assertThat(metadataDefaults).as("every default of the metadata, each next to what the code does")
                .containsExactlyInAnyOrderEntriesOf(codeDefaults);
    }
}
