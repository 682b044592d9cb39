package io.github.disruptor.spring.kafka;

import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition of a ring's consumer. The consumer thread owns it; the volatile fields are the
 * views that metrics, health and the endpoint read.
 */
final class PartitionProgress {

    final TopicPartition partition;
    /** The partition's index in the source's partition table, stored per sequence for the handlers. */
    final int index;
    final OffsetMarks marks = new OffsetMarks();
    /** Records below this offset are replays. */
    volatile long replayUntil = -1;
    /** The sequence of the last record of this partition published into the ring; -1 before the first. */
    long lastPublishedSequence = -1;
    /** The highest offset every handler has passed, to be committed. */
    long committable = -1;
    /** The next offset to take into the ring; written per record, so plain. */
    long position = -1;
    /** {@link #position} as observers see it: published when the consumer thread samples, once a second. */
    volatile long observedPosition = -1;
    /** The last offset committed for the group (by the consumer or by a transaction); -1 if unknown. */
    volatile long committed = -1;
    /** Where this assignment started reading, for counting the records in the ring before the first commit. */
    volatile long startOffset = -1;
    /** Records in the log not taken into the ring yet, as the consumer last saw it; -1 if unknown. */
    volatile long lag = -1;

    /** Records taken into the ring and not committed yet, as observers see it. */
    long inRing() {
        long position = observedPosition;
        long base = Math.max(committed, startOffset);
        return position >= 0 && base >= 0 ? Math.max(0, position - base) : 0;
    }

    PartitionProgress(TopicPartition partition, int index) {
        this.partition = partition;
        this.index = index;
    }
}
