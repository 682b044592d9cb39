package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import io.github.disruptor.core.Disruptor;

/**
 * The Kafka input of one ring: a consumer thread that publishes the records of its assigned partitions
 * into the ring, and the per-sequence record of where each event came from.
 *
 * <p>Handlers (and {@link ExactlyOnceKafkaHandler}) ask it about the event in hand:
 * {@link #topicPartition(long)}, {@link #offset(long)} and {@link #isReplay(long)} read arrays that the
 * consumer thread wrote before publishing the sequence, so the ring's publication makes them visible; they
 * stay valid while a handler holds the event, because the ring never reuses a slot that a last-stage
 * handler has not finished. Nothing here is shared per event between threads beyond what the ring already
 * publishes.
 *
 * <p>Get one from {@link KafkaRingSources#source(String)}.
 */
public final class KafkaRingSource {

    /** The offset reported for a sequence that did not come from Kafka. */
    public static final long NO_OFFSET = -1;

    private final KafkaRingSettings settings;
    private final String groupId;
    private final String bootstrapServers;
    private final FeedFactory feedFactory;

    private int originMask;
    private long[] originSequences = new long[0];
    private int[] originPartitions = new int[0];
    private long[] originOffsets = new long[0];
    private boolean[] originReplays = new boolean[0];
    /** Append-only: an index, once given to a partition, stays its index for the source's life. */
    private volatile TopicPartition[] partitionTable = new TopicPartition[0];

    private volatile @Nullable ConsumerGroupMetadata groupMetadata;
    /** Events below this sequence must not be committed in a transaction: see {@link #fence(long)}. */
    private volatile long fencedBelow;
    private volatile boolean rewindRequested;
    private volatile @Nullable ExactlyOnceKafkaHandler<?, ?, ?> transactionalHandler;
    private volatile Map<TopicPartition, PartitionProgress> partitions = Map.of();
    private volatile @Nullable RingFeed feed;
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile java.util.function.@Nullable Consumer<Map<TopicPartition, PartitionProgress>> partitionObserver;

    KafkaRingSource(KafkaRingSettings settings, String groupId, String bootstrapServers, FeedFactory feedFactory) {
        this.settings = settings;
        this.groupId = groupId;
        this.bootstrapServers = bootstrapServers;
        this.feedFactory = feedFactory;
    }

    /** The ring this source feeds. */
    public String ring() {
        return settings.ring();
    }

    /** The consumer group. */
    public String groupId() {
        return groupId;
    }

    /** The topics subscribed to. */
    public List<String> topics() {
        return settings.topics();
    }

    /**
     * Whether the event at {@code sequence} is a replayed record: one the group had committed before this
     * consumer was assigned its partition, read again to rebuild state.
     */
    public boolean isReplay(long sequence) {
        int slot = (int) sequence & originMask;
        return originSequences.length > 0 && originSequences[slot] == sequence && originReplays[slot];
    }

    /** The partition the event at {@code sequence} was read from, or {@code null} if it was not read from Kafka. */
    public @Nullable TopicPartition topicPartition(long sequence) {
        int index = partitionIndex(sequence);
        return index < 0 ? null : partitionTable[index];
    }

    /** The offset of the record behind the event at {@code sequence}, or {@link #NO_OFFSET}. */
    public long offset(long sequence) {
        int slot = (int) sequence & originMask;
        return originSequences.length > 0 && originSequences[slot] == sequence ? originOffsets[slot] : NO_OFFSET;
    }

    /** A snapshot for health checks and the endpoint. */
    public KafkaRingSourceStatus status() {
        RingFeed current = feed;
        return KafkaRingSourceStatus.of(this, current, partitions, deadLettered.get());
    }

    // ---------------------------------------------------------------- consumer-thread side

    int partitionIndex(long sequence) {
        int slot = (int) sequence & originMask;
        return originSequences.length > 0 && originSequences[slot] == sequence ? originPartitions[slot] : -1;
    }

    TopicPartition partitionAt(int index) {
        return partitionTable[index];
    }

    /** The index of {@code partition}, adding it to the table the first time. Consumer thread only. */
    int indexOf(TopicPartition partition) {
        TopicPartition[] table = partitionTable;
        for (int i = 0; i < table.length; i++) {
            if (table[i].equals(partition)) {
                return i;
            }
        }
        TopicPartition[] grown = Arrays.copyOf(table, table.length + 1);
        grown[table.length] = partition;
        partitionTable = grown;
        return table.length;
    }

    /** Called by the consumer thread inside the ring's translator, before the sequence is published. */
    void recordOrigin(long sequence, int partition, long offset, boolean replay) {
        int slot = (int) sequence & originMask;
        originPartitions[slot] = partition;
        originOffsets[slot] = offset;
        originReplays[slot] = replay;
        originSequences[slot] = sequence;
    }

    KafkaRingSettings settings() {
        return settings;
    }

    /** Where the consumer looks for the cluster, for messages. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    @Nullable ConsumerGroupMetadata groupMetadata() {
        return groupMetadata;
    }

    void groupMetadata(ConsumerGroupMetadata metadata) {
        groupMetadata = metadata;
    }

    long fencedBelow() {
        return fencedBelow;
    }

    /**
     * Marks every event below {@code sequence} as belonging to an ownership that has ended (partitions lost,
     * a drain that timed out, a failed transaction): a transactional handler aborts instead of committing
     * them. Written before the group metadata is replaced, so a handler that reads the new metadata and
     * then the fence never commits an old event under the new generation.
     */
    void fence(long sequence) {
        fencedBelow = sequence;
    }

    /** Asked by a transactional handler whose transaction failed: the consumer re-reads from the committed offsets. */
    void requestRewind() {
        rewindRequested = true;
    }

    boolean takeRewindRequest() {
        if (rewindRequested) {
            rewindRequested = false;
            return true;
        }
        return false;
    }

    boolean transactional() {
        return transactionalHandler != null;
    }

    void attach(ExactlyOnceKafkaHandler<?, ?, ?> handler) {
        synchronized (this) {
            ExactlyOnceKafkaHandler<?, ?, ?> existing = transactionalHandler;
            if (existing != null && existing != handler) {
                throw new IllegalStateException("Ring '" + ring() + "' has an ExactlyOnceKafkaHandler already; its "
                        + "offsets can be committed by one transactional handler only");
            }
            if (feed != null) {
                throw new IllegalStateException("The Kafka source of ring '" + ring() + "' is running; create the "
                        + "ExactlyOnceKafkaHandler before the application starts");
            }
            transactionalHandler = handler;
        }
    }

    void partitions(Map<TopicPartition, PartitionProgress> assigned) {
        partitions = Map.copyOf(assigned);
        java.util.function.Consumer<Map<TopicPartition, PartitionProgress>> observer = partitionObserver;
        if (observer != null) {
            observer.accept(partitions);
        }
    }

    /** Calls {@code observer} with the partitions that feed the ring now and after every change. */
    void observePartitions(java.util.function.Consumer<Map<TopicPartition, PartitionProgress>> observer) {
        partitionObserver = observer;
        observer.accept(partitions);
    }

    long deadLetteredCount() {
        return deadLettered.get();
    }

    void deadLettered() {
        deadLettered.incrementAndGet();
    }

    /** The handler committed {@code offsets} in a transaction. Handler thread. */
    void committedInTransaction(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, PartitionProgress> current = partitions;
        offsets.forEach((partition, offset) -> {
            PartitionProgress progress = current.get(partition);
            if (progress != null) {
                progress.committed = offset;
            }
        });
    }

    // ---------------------------------------------------------------- lifecycle

    synchronized void start(Disruptor<Object> ring) {
        if (feed != null) {
            return;
        }
        int size = ring.ringBuffer().size();
        if (originSequences.length != size) {
            originMask = size - 1;
            originSequences = new long[size];
            Arrays.fill(originSequences, -1);
            originPartitions = new int[size];
            originOffsets = new long[size];
            originReplays = new boolean[size];
        }
        RingFeed started = feedFactory.create(this, ring);
        feed = started;
        started.start();
    }

    /** Stops consuming: drains what the ring holds, commits, leaves the group; then runs {@code whenStopped}. */
    void stop(Runnable whenStopped) {
        RingFeed running;
        synchronized (this) {
            running = feed;
            feed = null;
        }
        if (running == null) {
            whenStopped.run();
        } else {
            running.stop(() -> {
                partitions(Map.of());
                whenStopped.run();
            });
        }
    }

    /** Waits until the consumer thread has ended, at most {@code timeout}; for tests and shutdown. */
    boolean awaitStopped(Duration timeout) {
        RingFeed current = feed;
        return current == null || current.awaitEnd(timeout);
    }

    @Override
    public String toString() {
        return "Kafka source of ring '" + ring() + "' (group " + groupId + ", topics " + topics() + ")";
    }

    /** Creates the consumer thread; one per start. */
    @FunctionalInterface
    interface FeedFactory {
        RingFeed create(KafkaRingSource source, Disruptor<Object> ring);
    }
}
