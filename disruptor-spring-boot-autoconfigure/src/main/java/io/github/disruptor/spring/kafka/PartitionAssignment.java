package io.github.disruptor.spring.kafka;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.TopicPartition;

/**
 * Partitions newly assigned to a ring's consumer, handed to {@link KafkaPartitionListener}s before any of
 * their records is published. A listener may choose to replay a partition: records from the chosen offset up
 * to the committed offset are published again with {@code replay = true}, so the application rebuilds its
 * state from them while handlers with side effects skip them.
 */
public final class PartitionAssignment {

    /** A committed offset that does not exist: the group has not committed for that partition yet. */
    public static final long NO_COMMITTED_OFFSET = -1;

    private final String ring;
    private final Map<TopicPartition, Long> committed;
    private final Map<TopicPartition, Long> replayFrom = new LinkedHashMap<>();

    PartitionAssignment(String ring, Map<TopicPartition, Long> committed) {
        this.ring = ring;
        this.committed = Collections.unmodifiableMap(committed);
    }

    /** The ring the partitions feed. */
    public String ring() {
        return ring;
    }

    /** The assigned partitions. */
    public Collection<TopicPartition> partitions() {
        return committed.keySet();
    }

    /** The group's committed offset of {@code partition}: the first record not handled yet, or {@link #NO_COMMITTED_OFFSET}. */
    public long committedOffset(TopicPartition partition) {
        Long offset = committed.get(Objects.requireNonNull(partition, "partition"));
        if (offset == null) {
            throw new IllegalArgumentException(partition + " is not part of this assignment " + committed.keySet());
        }
        return offset;
    }

    /**
     * Reads {@code partition} from {@code offset} instead of its committed offset; the records before the
     * committed offset are replayed. An offset at or past the committed offset replays nothing.
     *
     * @param offset the first offset to read, 0 or more (an offset before the log's start reads from its start)
     */
    public void replayFrom(TopicPartition partition, long offset) {
        committedOffset(partition);
        if (offset < 0) {
            throw new IllegalArgumentException("replay offset of " + partition + " must not be negative, was " + offset);
        }
        replayFrom.put(partition, offset);
    }

    /** Replays {@code partition} from the first record the log still has. */
    public void replayFromBeginning(TopicPartition partition) {
        replayFrom(partition, 0);
    }

    /** Where each partition is read from when a listener asked for a replay. */
    Map<TopicPartition, Long> replays() {
        return replayFrom;
    }
}
