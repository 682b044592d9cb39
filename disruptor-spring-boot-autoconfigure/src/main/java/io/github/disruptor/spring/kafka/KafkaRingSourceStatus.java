package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link KafkaRingSource} is doing, for health checks and the {@code disruptor} endpoint.
 *
 * @param ring the ring it feeds
 * @param groupId its consumer group
 * @param topics the topics it subscribes to
 * @param state what its consumer thread is doing
 * @param activity the same in words, such as "waiting for space in the ring"
 * @param inActivityFor how long it has been doing that
 * @param sinceLastPoll how long ago its last poll returned; {@code null} when it is not running
 * @param sinceLastContact how long ago the consumer last heard from the cluster (a heartbeat to the group
 *        coordinator, a fetch that returned records, a commit, a rebalance), or since it started if it never
 *        has; {@code null} when it is not running
 * @param runningFor how long its consumer thread has been running; {@code null} when it is not running
 * @param problem the latest problem not resolved yet, or {@code null}
 * @param deadLettered how many records it has sent to a dead-letter topic since the application started
 * @param lastRevocationDrain how long the ring took, at the last revocation, to handle what it held from the
 *        revoked partitions; {@code null} before the first
 * @param partitions the partitions that feed the ring, by topic and partition
 */
public record KafkaRingSourceStatus(String ring, String groupId, List<String> topics, State state, String activity,
        Duration inActivityFor, @Nullable Duration sinceLastPoll, @Nullable Duration sinceLastContact,
        @Nullable Duration runningFor, @Nullable String problem, long deadLettered, @Nullable Duration lastRevocationDrain,
        List<PartitionStatus> partitions) {

    /** What the consumer thread is doing. */
    public enum State {
        /** Not started, or stopped with the application. */
        STOPPED,
        /** Subscribing. */
        STARTING,
        /** Reading records into the ring. */
        CONSUMING,
        /** Every partition paused because the ring is full; still polling, so it stays in the group. */
        PAUSED,
        /** Partitions are being revoked or prepared. */
        REBALANCING,
        /** A poison record could not be sent to the dead-letter topic; consumption waits and retries. */
        DEAD_LETTER_FAILING,
        /** Stopped at a poison record ({@code on-poison-record=halt}). */
        HALTED,
        /** Leaving the group. */
        STOPPING,
        /** The consumer thread ended on an error. */
        FAILED
    }

    /**
     * One partition that feeds the ring.
     *
     * @param topic the topic
     * @param partition the partition
     * @param position the next offset to take into the ring; -1 until known
     * @param committed the group's committed offset as last known; -1 if none
     * @param inRing records taken into the ring and not committed yet (position minus the committed offset, or
     *        minus where this assignment started reading before the first commit)
     * @param lag records in the log not taken into the ring yet (Kafka's consumer lag); -1 until known
     * @param replayingUntil records below this offset are replays; -1 if none
     */
    public record PartitionStatus(String topic, int partition, long position, long committed, long inRing, long lag,
            long replayingUntil) {
    }

    static KafkaRingSourceStatus of(KafkaRingSource source, @Nullable RingFeed feed,
            Map<TopicPartition, PartitionProgress> partitions, long deadLettered) {
        List<PartitionStatus> views = partitions.values().stream()
                .map(progress -> new PartitionStatus(progress.partition.topic(), progress.partition.partition(),
                        progress.observedPosition, progress.committed, progress.inRing(),
                        progress.lag, progress.replayUntil))
                .sorted(Comparator.comparing(PartitionStatus::topic).thenComparingInt(PartitionStatus::partition))
                .toList();
        if (feed == null) {
            return new KafkaRingSourceStatus(source.ring(), source.groupId(), source.topics(), State.STOPPED, "stopped",
                    Duration.ZERO, null, null, null, null, deadLettered, null, views);
        }
        long now = System.nanoTime();
        return new KafkaRingSourceStatus(source.ring(), source.groupId(), source.topics(), feed.state(), feed.activity(),
                Duration.ofNanos(now - feed.activitySinceNanos()), Duration.ofNanos(now - feed.lastPollNanos()),
                Duration.ofNanos(now - feed.lastContactNanos()),
                Duration.ofNanos(now - feed.startedNanos()), feed.problem(), deadLettered,
                feed.lastDrainNanos() >= 0 ? Duration.ofNanos(feed.lastDrainNanos()) : null, views);
    }
}
