package io.github.disruptor.spring.kafka;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;

/**
 * Tells the application which partitions feed a ring, so that it can keep state per partition the way
 * Kafka Streams keeps a task's state: build it when a partition arrives, drop it when the partition
 * leaves. Declare beans of this type; each is called for every Kafka-fed ring, on the ring's consumer
 * thread.
 *
 * <p>Both methods are called while the ring holds no event that a handler has not finished, so the
 * application may reset the state its handlers use without racing them: what the callback writes is
 * visible to the handlers when they see the next event.
 */
public interface KafkaPartitionListener {

    /**
     * Partitions were assigned to the ring's consumer; no record of them has been published yet. Reset
     * their state here, and choose where each is read from (see {@link PartitionAssignment#replayFrom}).
     *
     * @param assignment the ring, the partitions, their committed offsets and the replay choice
     */
    default void onPartitionsAssigned(PartitionAssignment assignment) {
    }

    /**
     * Partitions no longer feed the ring. When {@code lost} is {@code false} they were revoked in an orderly
     * rebalance and every record of theirs that the ring held has been handled (or the drain timed out,
     * which is logged) and its offset committed. When {@code lost} is {@code true} the consumer lost them
     * (its session expired) or a transaction failed: their uncommitted work is abandoned, and other owners,
     * or this one after a fresh assignment, read it again.
     *
     * @param ring the ring's name
     * @param partitions the partitions that left
     * @param lost whether they were lost rather than revoked in order
     */
    default void onPartitionsRevoked(String ring, Collection<TopicPartition> partitions, boolean lost) {
    }
}
