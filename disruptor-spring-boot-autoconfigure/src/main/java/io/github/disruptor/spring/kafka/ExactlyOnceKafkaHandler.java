package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.ProducerFactory;

import io.github.disruptor.core.EventHandler;

/**
 * A last-stage handler whose output records and the offsets of the records it consumed are committed to
 * Kafka in one transaction per batch, as Kafka Streams' exactly-once v2 does: a {@code read_committed}
 * reader of the output sees each output once, also when an instance dies and another takes its partitions
 * over.
 *
 * <p>A transaction begins with the first event of a batch that is not a replay and commits on
 * {@code endOfBatch}: {@code sendOffsetsToTransaction} with the consumed offsets and the consumer's group
 * metadata, then {@code commitTransaction}. The group metadata carries the consumer's generation, so the
 * broker refuses the commit of a zombie, an instance whose partitions have moved on while it was away.
 *
 * <p>The consumer thread owns the consumer, this handler's thread owns the producer; they meet through the
 * {@link KafkaRingSource}: the consumer thread publishes the group metadata after each rebalance, and fences
 * events of partitions it lost before it publishes the new metadata, so a commit never carries an old event
 * under a new generation. The source's consumer never commits offsets itself while this handler is attached;
 * on revocation it waits until this handler's sequence has passed the revoked partitions' events, which happens
 * only after the batch's transaction has committed or aborted.
 *
 * <p>When a transaction fails (fenced, timed out, a send failed) it is aborted and the source re-reads every
 * assigned partition from its committed offset, after the {@link KafkaPartitionListener}s have reset the
 * state; events until then are dropped. Declare it in the ring's last stage, with the ring's default
 * exception policy (log-and-continue); other handlers of the last stage see every event at least once.
 *
 * @param <E> the ring's event type
 * @param <K> the output key type
 * @param <V> the output value type
 */
public final class ExactlyOnceKafkaHandler<E, K, V> implements EventHandler<E> {

    private static final Log logger = LogFactory.getLog(ExactlyOnceKafkaHandler.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaRingSource source;
    private final ProducerFactory<K, V> producerFactory;
    private final KafkaOutputWriter<E, K, V> writer;
    private final Output output = new Output();

    private @Nullable Producer<K, V> producer;
    private boolean inTransaction;
    private long firstSequence;
    /** The next offset to commit per partition index of the source, -1 when the batch has none. */
    private long[] nextOffsets = new long[0];
    private boolean awaitingRewind;
    private long failedAt;
    private volatile long committedTransactions;
    private volatile long abortedTransactions;

    /**
     * @param source the Kafka source of the ring, from {@link KafkaRingSources#source(String)}
     * @param producerFactory a transactional producer factory (for example Boot's, with
     *        {@code spring.kafka.producer.transaction-id-prefix} set, unique per instance)
     * @param writer the application's logic
     * @throws IllegalArgumentException if the producer factory is not transactional
     */
    public ExactlyOnceKafkaHandler(KafkaRingSource source, ProducerFactory<K, V> producerFactory,
            KafkaOutputWriter<E, K, V> writer) {
        this.source = Objects.requireNonNull(source, "source");
        this.producerFactory = Objects.requireNonNull(producerFactory, "producerFactory");
        this.writer = Objects.requireNonNull(writer, "writer");
        if (!producerFactory.transactionCapable()) {
            throw new IllegalArgumentException("The producer factory of the ExactlyOnceKafkaHandler of ring '"
                    + source.ring() + "' is not transactional; set spring.kafka.producer.transaction-id-prefix "
                    + "(unique per application instance) or give it a transaction id prefix");
        }
        source.attach(this);
    }

    @Override
    public void onEvent(E event, long sequence, boolean endOfBatch) throws Exception {
        if (awaitingRewind) {
            if (source.fencedBelow() <= failedAt || sequence < source.fencedBelow()) {
                return; // read again after the rewind
            }
            awaitingRewind = false;
        }
        boolean replay = source.isReplay(sequence);
        int partition = source.partitionIndex(sequence);
        try {
            output.replay = replay;
            if (!replay && !inTransaction) {
                begin(sequence);
            }
            writer.write(event, sequence, output);
        } finally {
            if (!replay && partition >= 0) {
                track(partition, source.offset(sequence) + 1);
            }
            if (endOfBatch && inTransaction) {
                commit(sequence);
            }
        }
    }

    @Override
    public void onShutdown() {
        Producer<K, V> current = producer;
        if (current != null) {
            if (inTransaction) {
                abortQuietly(current);
            }
            current.close(CLOSE_TIMEOUT);
            producer = null;
        }
    }

    /** Transactions committed since start. */
    public long committedTransactions() {
        return committedTransactions;
    }

    /** Transactions aborted since start. */
    public long abortedTransactions() {
        return abortedTransactions;
    }

    private void begin(long sequence) {
        if (producer == null) {
            producer = producerFactory.createProducer();
        }
        producer.beginTransaction();
        output.takeFailure();
        inTransaction = true;
        firstSequence = sequence;
    }

    private void track(int partition, long nextOffset) {
        if (partition >= nextOffsets.length) {
            int from = nextOffsets.length;
            nextOffsets = Arrays.copyOf(nextOffsets, Math.max(partition + 1, from * 2));
            Arrays.fill(nextOffsets, from, nextOffsets.length, -1);
        }
        nextOffsets[partition] = nextOffset;
    }

    private void commit(long lastSequence) {
        Producer<K, V> current = producer;
        inTransaction = false;
        // metadata first, then the fence: whoever sees new metadata also sees the fence written before it
        ConsumerGroupMetadata metadata = source.groupMetadata();
        boolean fenced = firstSequence < source.fencedBelow();
        Map<TopicPartition, Long> offsets = takeOffsets();
        KafkaException sendFailure = output.takeFailure();
        if (fenced || metadata == null) {
            abortQuietly(current);
            abortedTransactions++;
            logger.debug("Aborted the transaction of sequences " + firstSequence + ".." + lastSequence + " of ring '"
                    + source.ring() + "': its partitions moved on");
            return;
        }
        if (sendFailure != null) {
            failed(current, firstSequence, lastSequence, sendFailure);
        }
        try {
            if (!offsets.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> committing = new HashMap<>();
                offsets.forEach((partition, offset) -> committing.put(partition, new OffsetAndMetadata(offset)));
                current.sendOffsetsToTransaction(committing, metadata);
            }
            current.commitTransaction();
            committedTransactions++;
            source.committedInTransaction(offsets);
        } catch (KafkaException failure) {
            failed(current, firstSequence, lastSequence, failure);
        }
    }

    /** Aborts, asks the source to re-read from the committed offsets, and reports the failure to the ring. */
    private void failed(Producer<K, V> current, long first, long last, KafkaException failure) {
        abortQuietly(current);
        abortedTransactions++;
        closeFailed(current);
        awaitingRewind = true;
        failedAt = last;
        source.requestRewind();
        throw new KafkaException("The Kafka transaction of ring '" + source.ring() + "' (sequences " + first + ".."
                + last + ") failed and was aborted; its partitions are read again from their committed offsets", failure);
    }

    private Map<TopicPartition, Long> takeOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (int i = 0; i < nextOffsets.length; i++) {
            if (nextOffsets[i] >= 0) {
                offsets.put(source.partitionAt(i), nextOffsets[i]);
                nextOffsets[i] = -1;
            }
        }
        return offsets;
    }

    private void abortQuietly(Producer<K, V> current) {
        try {
            current.abortTransaction();
        } catch (KafkaException failure) {
            // a fenced producer cannot abort; its transaction ends with the new owner or the timeout
            closeFailed(current);
        }
    }

    /** Closing a failed producer makes the factory drop it; the next transaction gets a fresh one. */
    private void closeFailed(Producer<K, V> current) {
        if (producer == current) {
            producer = null;
            try {
                current.close(Duration.ZERO);
            } catch (KafkaException ignored) {
                // already unusable
            }
        }
    }

    @Override
    public String toString() {
        return "ExactlyOnceKafkaHandler of ring '" + source.ring() + "' (" + writer + ")";
    }

    /**
     * The batch's view of the producer. Once a send has failed the transaction can only abort, so the rest of
     * the batch's sends are dropped and the failure is reported once, at the end of the batch.
     */
    private final class Output implements KafkaOutput<K, V>, Callback {

        private boolean replay;
        private volatile @Nullable KafkaException failure;

        @Override
        public void send(ProducerRecord<K, V> record) {
            if (replay || failure != null) {
                return;
            }
            try {
                producer.send(record, this);
            } catch (KafkaException refused) {
                failure = refused;
            }
        }

        /** Called on the producer's I/O thread; the one callback object serves every send. */
        @Override
        public void onCompletion(RecordMetadata metadata, @Nullable Exception exception) {
            // sends cut short by an abort fail with TransactionAbortedException: a consequence, not a cause
            if (exception != null && failure == null && !(exception instanceof TransactionAbortedException)) {
                failure = exception instanceof KafkaException kafka ? kafka : new KafkaException(exception);
            }
        }

        @Nullable KafkaException takeFailure() {
            KafkaException taken = failure;
            failure = null;
            return taken;
        }

        @Override
        public boolean replay() {
            return replay;
        }
    }
}
