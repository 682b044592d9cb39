package io.github.disruptor.spring.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.record.TimestampType;
import org.jspecify.annotations.Nullable;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorClosedException;
import io.github.disruptor.core.EventTranslator;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.core.HandlerState;
import io.github.disruptor.spring.kafka.DisruptorKafkaProperties.PoisonRecordPolicy;

/**
 * The consumer thread of a {@link KafkaRingSource}: the only thread that touches its {@link Consumer}.
 *
 * <p>Each turn of its loop polls, publishes the records into the ring in offset order per partition,
 * commits the offsets every handler has passed, and samples what observers read. When the ring is full it
 * keeps the rest of the poll (at most {@code max.poll.records}), pauses every partition and goes on polling,
 * so the group keeps it as a member while the handlers catch up; it resumes once the kept records are in.
 *
 * <p>Rebalances run inside {@code poll}, on this thread. Revoked (or lost) partitions wait until the ring
 * has handled every record taken from them, at most {@code drain-timeout}, then their offsets are committed
 * and they leave. Assigned partitions stay paused until the ring holds nothing unhandled, their committed
 * offsets are known and the {@link KafkaPartitionListener}s have rebuilt their state; then they are read,
 * from the committed offset or from where a listener asked for a replay.
 */
final class RingFeed implements Runnable, ConsumerRebalanceListener, EventTranslator<Object> {

    private static final Log logger = LogFactory.getLog(RingFeed.class);
    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);
    private static final long FIRST_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long LAST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final KafkaRingSource source;
    private final KafkaRingSettings settings;
    private final Disruptor<Object> ring;
    private final Consumer<Object, Object> consumer;
    private final KafkaRecordTranslator<Object, Object, Object> translator;
    private final List<KafkaPartitionListener> listeners;
    private final @Nullable DeadLetterPublisher deadLetters;
    private final boolean commitOffsets;
    private final Thread thread;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final long startedNanos = System.nanoTime();

    private volatile boolean running = true;
    private volatile @Nullable Runnable whenStopped;

    // observed by health and the endpoint
    private volatile KafkaRingSourceStatus.State state = KafkaRingSourceStatus.State.STARTING;
    private volatile String activity = "starting";
    private volatile long activitySinceNanos = System.nanoTime();
    private volatile long lastPollNanos = System.nanoTime();
    private volatile long lastContactNanos = startedNanos;
    private volatile long lastDrainNanos = -1;
    private volatile @Nullable String problem;
    private @Nullable ProblemKind problemKind;

    // consumer thread only
    private final Map<TopicPartition, PartitionProgress> assigned = new HashMap<>();
    private final Set<TopicPartition> uninitialized = new LinkedHashSet<>();
    private final Map<TopicPartition, Long> startOffsets = new HashMap<>();
    private @Nullable ConsumerRecords<Object, Object> pending;
    private @Nullable Iterator<TopicPartition> pendingPartitions;
    private @Nullable PartitionProgress pendingProgress;
    private @Nullable List<ConsumerRecord<Object, Object>> pendingRecords;
    private int pendingIndex;
    private @Nullable PoisonRecord poison;
    private boolean paused;
    private boolean halted;
    private long retryAtNanos;
    private long retryDelayNanos = FIRST_RETRY_NANOS;
    private long lastPublishedSequence = -1;
    private long lastCommitNanos = System.nanoTime();
    private boolean commitInFlight;
    private long lastSampleNanos;
    private @Nullable Metric heartbeatMetric;
    private boolean heartbeatMetricLooked;
    private long lastProblemLogNanos;

    // the record being translated
    private @Nullable ConsumerRecord<Object, Object> current;
    private @Nullable PartitionProgress currentProgress;
    private boolean currentReplay;
    private long translatedSequence;
    private @Nullable RuntimeException translationFailure;

    RingFeed(KafkaRingSource source, Disruptor<Object> ring, Consumer<Object, Object> consumer,
            KafkaRecordTranslator<Object, Object, Object> translator, List<KafkaPartitionListener> listeners,
            @Nullable DeadLetterPublisher deadLetters) {
        this.source = source;
        this.settings = source.settings();
        this.ring = ring;
        this.consumer = consumer;
        this.translator = translator;
        this.listeners = List.copyOf(listeners);
        this.deadLetters = deadLetters;
        this.commitOffsets = !source.transactional();
        this.thread = new Thread(this, "disruptor-kafka-" + settings.ring());
    }

    void start() {
        thread.start();
    }

    /** Asks the loop to end; {@code callback} runs on the consumer thread once it has left the group. */
    void stop(Runnable callback) {
        whenStopped = callback;
        running = false;
        if (ended.getCount() == 0) {
            runCallback();
        }
    }

    boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---------------------------------------------------------------- the loop

    @Override
    public void run() {
        try {
            consumer.subscribe(settings.topics(), this);
            activity("polling", KafkaRingSourceStatus.State.CONSUMING);
            while (running) {
                turn();
            }
        } catch (Throwable fatal) {
            problem = "consumer thread ended: " + fatal;
            state = KafkaRingSourceStatus.State.FAILED;
            logger.error("The Kafka consumer of ring '" + settings.ring() + "' stopped; its partitions go to other "
                    + "members of group " + source.groupId(), fatal);
        } finally {
            close();
        }
    }

    private void turn() {
        try {
            if (source.takeRewindRequest()) {
                rewind("a transaction failed");
            }
            if (!uninitialized.isEmpty()) {
                initializeAssigned();
            }
            // new partitions wait for the ring to drain: feeding it from the others meanwhile would keep it from
            // ever draining under a steady load, so they are paused too until the new ones are set up
            boolean holdingForAssignment = !uninitialized.isEmpty();
            if (holdingForAssignment && !paused) {
                consumer.pause(consumer.assignment());
                paused = true;
            }
            // waiting for space, tryPublish waits instead of poll; otherwise poll waits for records
            boolean waitingForSpace = paused && pending != null && poison == null && !halted && !holdingForAssignment;
            ConsumerRecords<Object, Object> records = consumer.poll(waitingForSpace ? Duration.ZERO : settings.pollTimeout());
            lastPollNanos = System.nanoTime();
            clearProblem(ProblemKind.POLL);
            if (!records.isEmpty()) {
                heardFromCluster(lastPollNanos);
                keep(records);
            }
            if (halted || holdingForAssignment) {
                // halted: nothing more is read, what the ring took before the poison record is still committed;
                // holding: what was kept is published once the new partitions are set up
            } else if (retryAtNanos == 0 || System.nanoTime() - retryAtNanos >= 0) {
                publishKept();
            } else {
                LockSupport.parkNanos(Math.min(settings.pollTimeout().toNanos(), retryAtNanos - System.nanoTime()));
            }
            if (paused && !halted && pending == null && poison == null && uninitialized.isEmpty()) {
                resume();
            }
            if (commitOffsets) {
                commitHandled();
            }
            sample();
        } catch (RecordDeserializationException unreadable) {
            // the position stays on the record; nothing more is fetched until it is dead-lettered
            poison = PoisonRecord.unreadable(unreadable);
            retryAtNanos = 0;
            consumer.pause(consumer.assignment());
            paused = true;
        } catch (DisruptorClosedException closed) {
            running = false;
            problem = "ring '" + settings.ring() + "' stopped accepting events: " + closed.getMessage();
            state = KafkaRingSourceStatus.State.FAILED;
            logger.warn("The Kafka consumer of ring '" + settings.ring() + "' stops: the ring no longer accepts events");
        } catch (KafkaException failure) {
            reportProblem(ProblemKind.POLL, "The Kafka consumer of ring '" + settings.ring() + "' failed; it retries: "
                    + failure, failure);
            sleepBeforeRetry();
        }
    }

    /** Waits before the next attempt after a failure, doubling from 0.5s to 30s, and wakes up for a stop. */
    private void sleepBeforeRetry() {
        long until = System.nanoTime() + retryDelayNanos;
        retryDelayNanos = Math.min(LAST_RETRY_NANOS, retryDelayNanos * 2);
        while (running && System.nanoTime() - until < 0) {
            LockSupport.parkNanos(Math.min(settings.pollTimeout().toNanos(), until - System.nanoTime()));
        }
    }

    // ---------------------------------------------------------------- publishing

    private void keep(ConsumerRecords<Object, Object> records) {
        pending = records;
        pendingPartitions = records.partitions().iterator();
        pendingRecords = null;
    }

    /** Publishes kept records until none is left, the ring is full, or a poison record holds the line. */
    private void publishKept() {
        if (poison != null && !handlePoison()) {
            return;
        }
        while (pending != null) {
            List<ConsumerRecord<Object, Object>> records = pendingRecords;
            if (records == null || pendingIndex == records.size()) {
                nextKeptPartition();
                continue;
            }
            if (!publish(records.get(pendingIndex), pendingProgress)) {
                return;
            }
            pendingIndex++;
        }
    }

    private void nextKeptPartition() {
        Iterator<TopicPartition> partitions = pendingPartitions;
        while (partitions != null && partitions.hasNext()) {
            TopicPartition partition = partitions.next();
            PartitionProgress progress = assigned.get(partition);
            if (progress != null) {
                pendingProgress = progress;
                pendingRecords = pending.records(partition);
                pendingIndex = 0;
                return;
            }
        }
        pending = null;
        pendingPartitions = null;
        pendingRecords = null;
        pendingProgress = null;
    }

    /** @return {@code false} if the record stays kept: the ring is full, or it is a poison record not yet resolved */
    private boolean publish(ConsumerRecord<Object, Object> record, PartitionProgress progress) {
        current = record;
        currentProgress = progress;
        currentReplay = record.offset() < progress.replayUntil;
        translationFailure = null;
        boolean published;
        try {
            published = paused ? ring.tryPublish(this, settings.pollTimeout()) : ring.tryPublish(this);
        } catch (RuntimeException failure) {
            if (failure != translationFailure) {
                throw failure;
            }
            poison = PoisonRecord.untranslatable(record, progress, translatedSequence, failure);
            return handlePoison();
        } finally {
            current = null;
        }
        if (!published) {
            pauseForSpace();
            return false;
        }
        progress.lastPublishedSequence = translatedSequence;
        lastPublishedSequence = translatedSequence;
        progress.position = record.offset() + 1;
        if (commitOffsets && !currentReplay) {
            progress.marks.add(translatedSequence, record.offset() + 1);
        }
        return true;
    }

    /** The ring's translator: records where the event comes from, then lets the application's translator fill it. */
    @Override
    public void translateTo(Object event, long sequence) {
        ConsumerRecord<Object, Object> record = current;
        PartitionProgress progress = currentProgress;
        translatedSequence = sequence;
        source.recordOrigin(sequence, progress.index, record.offset(), currentReplay);
        try {
            translator.translateTo(event, sequence, record, currentReplay);
        } catch (RuntimeException failure) {
            translationFailure = failure;
            throw failure;
        }
    }

    private void pauseForSpace() {
        if (!paused) {
            consumer.pause(consumer.assignment());
            paused = true;
            activity("waiting for space in the ring", KafkaRingSourceStatus.State.PAUSED);
        }
    }

    private void resume() {
        List<TopicPartition> readable = new ArrayList<>(assigned.keySet());
        consumer.resume(readable);
        paused = false;
        activity("polling", KafkaRingSourceStatus.State.CONSUMING);
    }

    // ---------------------------------------------------------------- poison records

    /** @return {@code true} once the poison record is dead-lettered and consumption goes on */
    private boolean handlePoison() {
        PoisonRecord record = poison;
        if (settings.onPoisonRecord() == PoisonRecordPolicy.HALT || deadLetters == null) {
            halt(record);
            return false;
        }
        PartitionProgress progress = assigned.get(record.partition());
        try {
            deadLetters.send(record.record(), record.failure(), consumer, record.unreadable());
        } catch (RuntimeException failure) {
            pauseForSpace();
            state = KafkaRingSourceStatus.State.DEAD_LETTER_FAILING;
            reportProblem(ProblemKind.POISON, "Ring '" + settings.ring() + "' cannot dead-letter " + record.describe() + " to "
                    + settings.deadLetterTopicFor(record.partition().topic()) + "; consumption waits and retries: "
                    + failure, failure);
            backOff();
            return false;
        }
        poison = null;
        clearProblem(ProblemKind.POISON);
        retryAtNanos = 0;
        retryDelayNanos = FIRST_RETRY_NANOS;
        source.deadLettered();
        logger.warn("Dead-lettered " + record.describe() + " of ring '" + settings.ring() + "' to "
                + settings.deadLetterTopicFor(record.partition().topic()) + ": " + record.failure());
        if (record.unreadable()) {
            consumer.seek(record.partition(), record.offset() + 1);
        }
        if (progress != null) {
            progress.position = record.offset() + 1;
            if (commitOffsets) {
                progress.marks.add(Math.max(progress.lastPublishedSequence, record.discardedSequence()),
                        record.offset() + 1);
            }
        }
        if (paused && pending == null) {
            resume();
        }
        return true;
    }

    private void halt(PoisonRecord record) {
        if (!halted) {
            halted = true;
            consumer.pause(consumer.assignment());
            paused = true;
            problem = "halted at " + record.describe() + ": " + record.failure()
                    + "; nothing after it is read or committed until the application restarts";
            problemKind = ProblemKind.POISON;
            activity = "halted on a poison record";
            activitySinceNanos = System.nanoTime();
            state = KafkaRingSourceStatus.State.HALTED;
            logger.error("The Kafka consumer of ring '" + settings.ring() + "' " + problem + " ("
                    + settings.property("on-poison-record") + "=halt)", record.failure());
        }
    }

    // ---------------------------------------------------------------- offsets

    private void commitHandled() {
        long now = System.nanoTime();
        if (commitInFlight || now - lastCommitNanos < settings.commitInterval().toNanos()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(assigned.values());
        lastCommitNanos = now;
        if (offsets.isEmpty()) {
            return;
        }
        commitInFlight = true;
        consumer.commitAsync(offsets, (committed, failure) -> {
            commitInFlight = false;
            if (failure == null) {
                heardFromCluster(System.nanoTime());
                committed.forEach(this::committed);
                clearProblem(ProblemKind.COMMIT);
            } else {
                reportProblem(ProblemKind.COMMIT, "The commit of " + committed + " for ring '" + settings.ring()
                        + "' failed; the next commit retries: " + failure, null);
            }
        });
    }

    /** The offset of each partition that every handler has passed and that is not committed yet. */
    private Map<TopicPartition, OffsetAndMetadata> committable(Collection<PartitionProgress> partitions) {
        long handled = handledSequence();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionProgress progress : partitions) {
            long offset = progress.marks.takeCommittable(handled);
            if (offset >= 0) {
                progress.committable = offset;
            }
            if (progress.committable > progress.committed) {
                offsets.put(progress.partition, new OffsetAndMetadata(progress.committable));
            }
        }
        return offsets;
    }

    private void committed(TopicPartition partition, OffsetAndMetadata offset) {
        PartitionProgress progress = assigned.get(partition);
        if (progress != null && offset.offset() > progress.committed) {
            progress.committed = offset.offset();
        }
    }

    private boolean commitNow(Collection<PartitionProgress> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(partitions);
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets, settings.drainTimeout().plus(settings.pollTimeout()));
            offsets.forEach(this::committed);
            clearProblem(ProblemKind.COMMIT);
            return true;
        } catch (KafkaException failure) {
            reportProblem(ProblemKind.COMMIT, "The commit of " + offsets + " for ring '" + settings.ring() + "' failed: " + failure, failure);
            return false;
        }
    }

    /** The lowest sequence every handler of the ring has finished: offsets up to it are safe to commit. */
    private long handledSequence() {
        List<HandlerMonitor> handlers = ring.monitor().handlers();
        long minimum = Long.MAX_VALUE;
        for (int i = 0; i < handlers.size(); i++) {
            minimum = Math.min(minimum, handlers.get(i).sequence());
        }
        return minimum == Long.MAX_VALUE ? ring.monitor().cursor() : minimum;
    }

    /**
     * Waits until every handler has passed {@code sequence}, at most the drain timeout. Gives up at once when
     * a handler has halted or its thread died: it will not get there.
     */
    private boolean awaitHandled(long sequence) {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        int attempt = 0;
        while (handledSequence() < sequence) {
            if (System.nanoTime() - deadline >= 0 || handlerStopped()) {
                return false;
            }
            LockSupport.parkNanos(attempt++ < 100 ? 50_000L : 1_000_000L);
        }
        return true;
    }

    private boolean handlerStopped() {
        List<HandlerMonitor> handlers = ring.monitor().handlers();
        for (int i = 0; i < handlers.size(); i++) {
            HandlerMonitor handler = handlers.get(i);
            if (handler.state() == HandlerState.HALTED || (handler.state() == HandlerState.RUNNING && !handler.isThreadAlive())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- rebalances (inside poll)

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        leave(partitions, false);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        leave(partitions, true);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // after the revocations of this rebalance, so events still in the ring were fenced or committed first
        source.groupMetadata(consumer.groupMetadata());
        heardFromCluster(System.nanoTime());
        if (!partitions.isEmpty()) {
            uninitialized.addAll(partitions);
            consumer.pause(partitions);
        }
    }

    private void leave(Collection<TopicPartition> partitions, boolean lost) {
        uninitialized.removeAll(partitions);
        List<PartitionProgress> leaving = new ArrayList<>();
        long target = -1;
        for (TopicPartition partition : partitions) {
            PartitionProgress progress = assigned.get(partition);
            if (progress != null) {
                leaving.add(progress);
                target = Math.max(target, progress.lastPublishedSequence);
            }
        }
        if (leaving.isEmpty()) {
            return;
        }
        activity((lost ? "draining lost partitions " : "draining revoked partitions ") + partitions,
                KafkaRingSourceStatus.State.REBALANCING);
        long began = System.nanoTime();
        boolean drained = awaitHandled(target);
        long drainNanos = System.nanoTime() - began;
        long drainMillis = TimeUnit.NANOSECONDS.toMillis(drainNanos);
        if (drained) {
            lastDrainNanos = drainNanos;
        }
        boolean committed = lost || !commitOffsets || !drained || commitNow(leaving);
        if (drained && !lost) {
            logger.info("Ring '" + settings.ring() + "' drained revoked partitions " + partitions + " in " + drainMillis
                    + " ms" + (commitOffsets && committed ? " and committed their offsets" : ""));
        } else if (!drained) {
            logger.warn("Ring '" + settings.ring() + "' did not finish the records of " + (lost ? "lost" : "revoked")
                    + " partitions " + partitions + " within " + settings.property("drain-timeout") + " ("
                    + settings.drainTimeout() + "); their offsets stay uncommitted and the next owner reads them again");
        }
        for (PartitionProgress progress : leaving) {
            assigned.remove(progress.partition);
            startOffsets.remove(progress.partition);
        }
        source.partitions(assigned);
        notifyRevoked(partitions, lost || !drained);
        if ((lost || !drained) && source.transactional()) {
            // the ring may still hold their events: no transaction may commit them, nor what came after them
            source.fence(ring.monitor().cursor() + 1);
            if (!assigned.isEmpty()) {
                reinitializeAll();
            }
        }
        activity(paused ? "waiting for space in the ring" : "polling",
                paused ? KafkaRingSourceStatus.State.PAUSED : KafkaRingSourceStatus.State.CONSUMING);
    }

    /**
     * After a failed transaction: everything in the ring is fenced, and every partition is read again from
     * its committed offset once the ring has drained, with its state rebuilt by the listeners.
     */
    private void rewind(String reason) {
        logger.warn("Ring '" + settings.ring() + "' re-reads partitions " + assigned.keySet()
                + " from their committed offsets: " + reason);
        source.fence(ring.monitor().cursor() + 1);
        reinitializeAll();
    }

    private void reinitializeAll() {
        List<TopicPartition> all = new ArrayList<>(assigned.keySet());
        pending = null;
        pendingPartitions = null;
        pendingRecords = null;
        poison = null;
        consumer.pause(all);
        ring.awaitIdle(settings.drainTimeout());
        assigned.clear();
        source.partitions(assigned);
        notifyRevoked(all, true);
        uninitialized.addAll(all);
    }

    /**
     * Sets up newly assigned partitions once the ring holds nothing unhandled: committed offsets, listeners,
     * replay, position. Until then they stay paused and the loop goes on polling, so waiting for a slow ring
     * never costs the consumer its group membership.
     */
    private void initializeAssigned() {
        if (handledSequence() < ring.monitor().cursor()) {
            if (state != KafkaRingSourceStatus.State.REBALANCING) {
                activity("waiting for the ring to drain before reading partitions " + uninitialized,
                        KafkaRingSourceStatus.State.REBALANCING);
            } else if (System.nanoTime() - activitySinceNanos > settings.drainTimeout().toNanos()) {
                reportProblem(ProblemKind.POLL, "Ring '" + settings.ring() + "' has not drained within "
                        + settings.drainTimeout() + "; partitions " + uninitialized + " wait until it has", null);
            }
            return;
        }
        uninitialized.retainAll(consumer.assignment());
        Set<TopicPartition> partitions = new LinkedHashSet<>(uninitialized);
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, settings.stuckThreshold());
        Map<TopicPartition, Long> committedOffsets = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            committedOffsets.put(partition, offset != null ? offset.offset() : PartitionAssignment.NO_COMMITTED_OFFSET);
        }
        PartitionAssignment assignment = new PartitionAssignment(settings.ring(), committedOffsets);
        if (settings.replay() == DisruptorKafkaProperties.ReplayMode.FROM_BEGINNING) {
            partitions.forEach(assignment::replayFromBeginning);
        }
        for (KafkaPartitionListener listener : listeners) {
            listener.onPartitionsAssigned(assignment);
        }
        Map<TopicPartition, Long> replays = assignment.replays();
        Map<TopicPartition, Long> beginnings = replays.isEmpty() ? Map.of()
                : consumer.beginningOffsets(replays.keySet(), settings.stuckThreshold());
        for (TopicPartition partition : partitions) {
            PartitionProgress progress = new PartitionProgress(partition, source.indexOf(partition));
            long committedOffset = committedOffsets.get(partition);
            progress.committed = committedOffset;
            progress.committable = committedOffset;
            Long replayFrom = replays.get(partition);
            long start = committedOffset >= 0 ? committedOffset : startOffsets.computeIfAbsent(partition, consumer::position);
            if (replayFrom != null && replayFrom < start) {
                progress.replayUntil = start;
                start = Math.max(replayFrom, beginnings.getOrDefault(partition, 0L));
            }
            consumer.seek(partition, start);
            progress.position = start;
            progress.observedPosition = start;
            progress.startOffset = progress.replayUntil >= 0 ? progress.replayUntil : start;
            assigned.put(partition, progress);
        }
        uninitialized.clear();
        source.partitions(assigned);
        if (!paused) {
            consumer.resume(partitions);
        }
        logger.info("Ring '" + settings.ring() + "' reads partitions " + partitions + " of group " + source.groupId()
                + " from offsets " + describeStarts(partitions));
        activity(paused ? "waiting for space in the ring" : "polling",
                paused ? KafkaRingSourceStatus.State.PAUSED : KafkaRingSourceStatus.State.CONSUMING);
    }

    private String describeStarts(Set<TopicPartition> partitions) {
        StringBuilder starts = new StringBuilder("{");
        for (TopicPartition partition : partitions) {
            PartitionProgress progress = assigned.get(partition);
            starts.append(starts.length() > 1 ? ", " : "").append(partition).append('=').append(progress.position);
            if (progress.replayUntil > progress.position) {
                starts.append(" (replaying up to ").append(progress.replayUntil).append(')');
            }
        }
        return starts.append('}').toString();
    }

    private void notifyRevoked(Collection<TopicPartition> partitions, boolean lost) {
        List<TopicPartition> copy = List.copyOf(partitions);
        for (KafkaPartitionListener listener : listeners) {
            try {
                listener.onPartitionsRevoked(settings.ring(), copy, lost);
            } catch (RuntimeException failure) {
                logger.error("A KafkaPartitionListener of ring '" + settings.ring() + "' failed on revoked partitions "
                        + copy, failure);
            }
        }
    }

    // ---------------------------------------------------------------- observation

    private void sample() {
        long now = System.nanoTime();
        if (now - lastSampleNanos < SAMPLE_INTERVAL.toNanos()) {
            return;
        }
        lastSampleNanos = now;
        for (PartitionProgress progress : assigned.values()) {
            progress.observedPosition = progress.position;
            OptionalLong lag = consumer.currentLag(progress.partition);
            if (lag.isPresent()) {
                progress.lag = lag.getAsLong();
            }
        }
        if (!heartbeatMetricLooked) {
            heartbeatMetricLooked = true;
            for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
                if (metric.getKey().name().equals("last-heartbeat-seconds-ago")) {
                    heartbeatMetric = metric.getValue();
                }
            }
        }
        // -1 until the first heartbeat
        if (heartbeatMetric != null && heartbeatMetric.metricValue() instanceof Number seconds && seconds.doubleValue() >= 0) {
            heardFromCluster(now - (long) (seconds.doubleValue() * 1e9));
        }
        if (now - lastContactNanos > settings.stuckThreshold().toNanos()) {
            reportProblem(ProblemKind.CONTACT, "The Kafka consumer of ring '" + settings.ring() + "' has heard nothing from "
                    + "the cluster (group " + source.groupId() + ") for more than " + settings.stuckThreshold()
                    + "; is the broker at " + source.bootstrapServers() + " down or unreachable? It keeps trying", null);
        } else {
            clearProblem(ProblemKind.CONTACT);
        }
    }

    /** Contact: a heartbeat, a fetch with records, a commit or a rebalance; all on this thread. */
    private void heardFromCluster(long nanos) {
        if (nanos - lastContactNanos > 0) {
            lastContactNanos = nanos;
        }
    }

    private void activity(String what, KafkaRingSourceStatus.State newState) {
        activity = what;
        activitySinceNanos = System.nanoTime();
        if (!halted) {
            state = newState;
        }
    }

    /** Logs a problem once, then at most every 30 seconds while it lasts; health shows the latest. */
    private void reportProblem(ProblemKind kind, String message, @Nullable Throwable failure) {
        if (halted) {
            return;
        }
        boolean repeated = message.equals(problem);
        problem = message;
        problemKind = kind;
        long now = System.nanoTime();
        if (!repeated || now - lastProblemLogNanos > TimeUnit.SECONDS.toNanos(30)) {
            lastProblemLogNanos = now;
            if (failure != null && !repeated) {
                logger.warn(message, failure);
            } else {
                logger.warn(message);
            }
        }
    }

    /** The problem of {@code kind}, if it is the one shown, is over. */
    private void clearProblem(ProblemKind kind) {
        if (problemKind == kind && !halted && problem != null) {
            logger.info("Resolved: " + problem);
            problem = null;
            problemKind = null;
        }
        if (kind == ProblemKind.POLL) {
            retryDelayNanos = poison == null ? FIRST_RETRY_NANOS : retryDelayNanos;
        }
    }

    private enum ProblemKind { POLL, COMMIT, POISON, CONTACT }

    private void backOff() {
        retryAtNanos = System.nanoTime() + retryDelayNanos;
        retryDelayNanos = Math.min(LAST_RETRY_NANOS, retryDelayNanos * 2);
    }

    KafkaRingSourceStatus.State state() {
        return state;
    }

    String activity() {
        return activity;
    }

    long activitySinceNanos() {
        return activitySinceNanos;
    }

    long lastPollNanos() {
        return lastPollNanos;
    }

    long startedNanos() {
        return startedNanos;
    }

    long lastContactNanos() {
        return lastContactNanos;
    }

    @Nullable String problem() {
        return problem;
    }

    long lastDrainNanos() {
        return lastDrainNanos;
    }

    // ---------------------------------------------------------------- stop

    private void close() {
        activity("stopping", KafkaRingSourceStatus.State.STOPPING);
        try {
            // closing leaves the group: onPartitionsRevoked drains the ring and commits, on this thread
            consumer.close(CloseOptions.timeout(settings.drainTimeout().plus(settings.pollTimeout())));
        } catch (RuntimeException failure) {
            logger.warn("Closing the Kafka consumer of ring '" + settings.ring() + "' failed", failure);
        } finally {
            state = KafkaRingSourceStatus.State.STOPPED;
            ended.countDown();
            runCallback();
        }
    }

    private void runCallback() {
        Runnable callback = whenStopped;
        if (callback != null) {
            whenStopped = null;
            callback.run();
        }
    }

    /** A record that cannot be published: unreadable (the consumer could not deserialize it) or untranslatable. */
    record PoisonRecord(ConsumerRecord<Object, Object> record, TopicPartition partition, Exception failure,
            boolean unreadable, long discardedSequence) {

        static PoisonRecord unreadable(RecordDeserializationException failure) {
            ConsumerRecord<Object, Object> raw = new ConsumerRecord<>(failure.topicPartition().topic(),
                    failure.topicPartition().partition(), failure.offset(), failure.timestamp(),
                    failure.timestampType() != null ? failure.timestampType() : TimestampType.NO_TIMESTAMP_TYPE,
                    -1, -1, bytes(failure.keyBuffer()), bytes(failure.valueBuffer()), failure.headers(),
                    java.util.Optional.empty());
            return new PoisonRecord(raw, failure.topicPartition(), failure, true, -1);
        }

        static PoisonRecord untranslatable(ConsumerRecord<Object, Object> record, PartitionProgress progress,
                long discardedSequence, Exception failure) {
            return new PoisonRecord(record, progress.partition, failure, false, discardedSequence);
        }

        long offset() {
            return record.offset();
        }

        String describe() {
            return "record " + partition + "@" + record.offset() + (unreadable ? " (cannot be deserialized)"
                    : " (the translator threw)");
        }

        private static byte @Nullable [] bytes(java.nio.ByteBuffer buffer) {
            if (buffer == null) {
                return null;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
    }
}
