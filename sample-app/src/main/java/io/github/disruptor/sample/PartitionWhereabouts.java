package io.github.disruptor.sample;

import java.util.List;

import io.github.disruptor.spring.kafka.KafkaRingSource;
import io.github.disruptor.spring.kafka.KafkaRingSourceStatus;
import io.github.disruptor.spring.kafka.KafkaRingSources;
import org.springframework.stereotype.Component;

/**
 * Kafka mode: an instance shows the orders of the partitions it matches, from the moment it matches them; the
 * order's id names its partition ({@link OrderRecords}), so a 404 can say where to look.
 */
@Component
@ConditionalOnSampleMode(SampleMode.KAFKA)
class PartitionWhereabouts implements OrderWhereabouts {

    private final KafkaRingSource source;
    private final KafkaModeProperties kafka;

    PartitionWhereabouts(KafkaRingSources sources, KafkaModeProperties kafka) {
        this.source = sources.source(PartitionedMatchingEngine.RING);
        this.kafka = kafka;
    }

    @Override
    public String notShownHere(long orderId) {
        int partition = OrderRecords.partitionOf(orderId);
        List<Integer> matchedHere = source.status().partitions().stream()
                .map(KafkaRingSourceStatus.PartitionStatus::partition).sorted().toList();
        if (matchedHere.contains(partition)) {
            return "No order " + orderId + " here yet: it is in partition " + partition + " of " + kafka.ordersTopic()
                    + ", which this instance matches; it shows once matched, a moment after POST /orders accepted it"
                    + " (orders matched before this instance took the partition over show only in the trades topic)";
        }
        return "Order " + orderId + " is in partition " + partition + " of " + kafka.ordersTopic() + ", which another"
                + " instance of group " + kafka.groupId() + " matches: this one matches partitions " + matchedHere
                + ". Ask that instance, or read the trades topic " + kafka.tradesTopic();
    }
}
