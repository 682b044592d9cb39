package io.github.disruptor.spring.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import io.github.disruptor.spring.autoconfigure.DisruptorAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every default the metadata shows for the Kafka keys is what the code does without configuration. */
class KafkaConfigurationMetadataTests {

    @Test
    void everyKafkaDefaultTheMetadataShowsIsWhatTheCodeDoes() throws IOException {
        List<Map<String, Object>> properties;
        try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            properties = JsonPath.parse(json).read("$.properties[*]");
        }
        Map<String, Object> metadataDefaults = new LinkedHashMap<>();
        properties.stream().filter(property -> property.containsKey("defaultValue"))
                .filter(property -> property.get("name").toString().matches("disruptor\\.defaults\\.kafka\\..*|.*disruptor-kafka.*"))
                .forEach(property -> {
                    Object value = property.get("defaultValue");
                    metadataDefaults.put(property.get("name").toString(), "java.time.Duration".equals(property.get("type"))
                            ? DurationStyle.detectAndParse(value.toString()) : value);
                });

        DisruptorKafkaProperties configured = new DisruptorKafkaProperties();
        configured.getRings().computeIfAbsent("numbers", name -> new DisruptorKafkaProperties.Ring()).getKafka()
                .setTopics(List.of("in"));
        KafkaRingSettings settings = KafkaRingSettings.of(configured).get(0);
        Map<String, Object> codeDefaults = new LinkedHashMap<>();
        codeDefaults.put("disruptor.defaults.kafka.poll-timeout", settings.pollTimeout());
        codeDefaults.put("disruptor.defaults.kafka.commit-interval", settings.commitInterval());
        codeDefaults.put("disruptor.defaults.kafka.drain-timeout", settings.drainTimeout());
        codeDefaults.put("disruptor.defaults.kafka.on-poison-record", choice(settings.onPoisonRecord()));
        codeDefaults.put("disruptor.defaults.kafka.replay", choice(settings.replay()));
        codeDefaults.put("disruptor.defaults.kafka.stuck-threshold", settings.stuckThreshold());
        codeDefaults.put("disruptor.defaults.kafka.auto-startup", settings.autoStartup());
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DisruptorAutoConfiguration.class, KafkaAutoConfiguration.class,
                        DisruptorKafkaAutoConfiguration.class, DisruptorKafkaObservabilityAutoConfiguration.class))
                .run(context -> codeDefaults.put("management.health.disruptor-kafka.enabled",
                        context.containsBean("disruptorKafkaHealthContributor")));

        assertThat(metadataDefaults).as("every Kafka default of the metadata, each next to what the code does")
                .containsExactlyInAnyOrderEntriesOf(codeDefaults);
    }

    private static String choice(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
