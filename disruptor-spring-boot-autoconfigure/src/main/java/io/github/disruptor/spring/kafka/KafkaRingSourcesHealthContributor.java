package io.github.disruptor.spring.kafka;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * The {@code disruptorKafka} health contributor: one component per Kafka-fed ring, named after the ring
 * (see {@link KafkaRingSourceHealthIndicator}).
 */
final class KafkaRingSourcesHealthContributor implements CompositeHealthContributor {

    private final Map<String, KafkaRingSourceHealthIndicator> indicators = new TreeMap<>();

    KafkaRingSourcesHealthContributor(KafkaRingSources sources) {
        sources.sources().forEach(source -> indicators.put(source.ring(), new KafkaRingSourceHealthIndicator(source, sources)));
    }

    @Override
    public @Nullable HealthContributor getContributor(String name) {
        return indicators.get(name);
    }

    @Override
    public Stream<Entry> stream() {
        return indicators.entrySet().stream().map(entry -> new Entry(entry.getKey(), entry.getValue()));
    }
}
