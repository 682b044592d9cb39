package io.github.disruptor.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE shows: what the configuration processor generated from the
 * properties' javadoc, merged with {@code additional-spring-configuration-metadata.json}.
 */
class ConfigurationMetadataTests {

    @Test
    void documentsEveryKeyAndHintsTheValueOfEveryKeyThatTakesOne() throws IOException {
        DocumentContext metadata;
        try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            metadata = JsonPath.parse(json);
        }
        List<Map<String, Object>> properties = metadata.read("$.properties[*]");
        List<Map<String, Object>> ours = properties.stream()
                .filter(property -> property.get("name").toString().matches("(disruptor|management\\.health\\.disruptor(-kafka)?)\\..*"))
                .toList();
        List<String> hinted = metadata.read("$.hints[*].name");

        assertThat(ours).extracting(property -> property.get("name")).containsExactlyInAnyOrder(
                "disruptor.rings", "disruptor.shutdown-timeout", "disruptor.phase", "disruptor.defaults.ring-size",
                "disruptor.defaults.sequencer", "disruptor.defaults.wait-strategy", "disruptor.defaults.exception-policy",
                "disruptor.defaults.sleeping.retries", "disruptor.defaults.sleeping.sleep-duration",
                "management.health.disruptor.enabled", "management.health.disruptor.full-threshold",
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
}
