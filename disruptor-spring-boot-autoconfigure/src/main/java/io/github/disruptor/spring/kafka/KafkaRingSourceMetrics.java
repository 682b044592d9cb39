package io.github.disruptor.spring.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.common.TopicPartition;

/**
 * Meters of the Kafka sources, beside the rings' own (base unit {@code records}):
 * <ul>
 * <li>{@code disruptor.kafka.consumer.lag} [ring, topic, partition]: records in the partition not taken
 * into the ring yet, Kafka's consumer lag, as the consumer thread last sampled it (every second);</li>
 * <li>{@code disruptor.kafka.records.in.ring} [ring, topic, partition]: records taken into the ring whose
 * offsets are not committed yet: the ring's share of the partition's lag;</li>
 * <li>{@code disruptor.kafka.records.dead.lettered} [ring]: poison records sent to a dead-letter topic.</li>
 * </ul>
 * Partition meters come and go with the assignment. Every value is read from what the consumer thread keeps
 * anyway; nothing is counted per record.
 */
final class KafkaRingSourceMetrics implements MeterBinder {

    private final KafkaRingSources sources;

    KafkaRingSourceMetrics(KafkaRingSources sources) {
        this.sources = sources;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (KafkaRingSource source : sources.sources()) {
            FunctionCounter.builder("disruptor.kafka.records.dead.lettered", source, KafkaRingSource::deadLetteredCount)
                    .description("Poison records sent to a dead-letter topic").baseUnit("records")
                    .tag("ring", source.ring()).register(registry);
            Map<TopicPartition, List<Meter>> registered = new HashMap<>();
            source.observePartitions(partitions -> {
                synchronized (registered) {
                    registered.entrySet().removeIf(entry -> {
                        if (partitions.containsKey(entry.getKey())) {
                            return false;
                        }
                        entry.getValue().forEach(registry::remove);
                        return true;
                    });
                    partitions.forEach((partition, progress) -> registered.computeIfAbsent(partition,
                            added -> register(registry, source.ring(), progress)));
                }
            });
        }
    }

    private static List<Meter> register(MeterRegistry registry, String ring, PartitionProgress progress) {
        Tags tags = Tags.of("ring", ring, "topic", progress.partition.topic(), "partition",
                Integer.toString(progress.partition.partition()));
        return List.of(
                Gauge.builder("disruptor.kafka.consumer.lag", progress, partition -> Math.max(0, partition.lag))
                        .description("Records in the partition not taken into the ring yet").baseUnit("records")
                        .tags(tags).register(registry),
                Gauge.builder("disruptor.kafka.records.in.ring", progress, PartitionProgress::inRing)
                        .description("Records taken into the ring whose offsets are not committed yet")
                        .baseUnit("records").tags(tags).register(registry));
    }
}
