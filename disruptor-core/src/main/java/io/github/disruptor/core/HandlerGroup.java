package io.github.disruptor.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One declared handler: its settings, the processors that run it (one, or one per shard), and the
 * marks of the events it discarded. It is the handler's {@link HandlerMonitor}: its sequence is its
 * slowest shard's, because every event up to there has been handled by exactly one shard, and its
 * counts are summed over the shards.
 *
 * @param <E> the event type
 */
final class HandlerGroup<E> implements HandlerMonitor {

    private final String name;
    private final int stage;
    private final Sequencer sequencer;
    final EventHandler<? super E> handler;
    final ExceptionHandler exceptionHandler;
    /** {@code null} without retries. */
    final RetryPolicy retryPolicy;
    final int maxBatchSize;
    /** Whether a failure rewinds to the start of the batch rather than to the failed event. */
    final boolean rewindsBatch;
    /** The events this handler discarded, which no handler behind it may see. */
    final DiscardMarks discards;
    /** The discard marks of every source this handler must respect: the producers and every handler upstream. */
    final DiscardMarks[] upstreamDiscards;
    private final List<BatchEventProcessor<E>> processors;
    private final List<HandlerMonitor> shardViews;

    HandlerGroup(String name, int stage, EventHandler<? super E> handler, HandlerOptions options,
            ExceptionHandler exceptionHandler, RingBuffer<E> ringBuffer, Sequencer sequencer, Sequence dependency,
            boolean firstStage, DiscardMarks[] upstreamDiscards) {
        this.name = name;
        this.stage = stage;
        this.sequencer = sequencer;
        this.handler = handler;
        this.exceptionHandler = exceptionHandler;
        this.retryPolicy = options.retryPolicy();
        this.maxBatchSize = options.maxBatchSize();
        this.rewindsBatch = options.rewindsBatch();
        this.discards = new DiscardMarks(ringBuffer.size());
        this.upstreamDiscards = upstreamDiscards;
        int shards = options.concurrency();
        List<BatchEventProcessor<E>> created = new ArrayList<>(shards);
        for (int shard = 0; shard < shards; shard++) {
            created.add(new BatchEventProcessor<>(shards == 1 ? name : name + "[" + shard + "]", this, shard, shards,
                    ringBuffer, sequencer, new ProcessingSequenceBarrier(sequencer, dependency, firstStage)));
        }
        this.processors = List.copyOf(created);
        this.shardViews = shards == 1 ? List.of() : List.copyOf(created);
    }

    List<BatchEventProcessor<E>> processors() {
        return processors;
    }

    Sequence[] sequences() {
        return processors.stream().map(BatchEventProcessor::sequenceRef).toArray(Sequence[]::new);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int stage() {
        return stage;
    }

    @Override
    public int concurrency() {
        return processors.size();
    }

    @Override
    public long sequence() {
        long slowest = Long.MAX_VALUE;
        for (BatchEventProcessor<E> processor : processors) {
            slowest = Math.min(slowest, processor.sequence());
        }
        return slowest;
    }

    @Override
    public long lag() {
        return Math.max(0L, sequencer.cursor() - sequence());
    }

    /** HALTED if any shard halted, else RUNNING if any runs, else IDLE if all are new, else STOPPED. */
    @Override
    public HandlerState state() {
        boolean running = false;
        boolean allIdle = true;
        for (BatchEventProcessor<E> processor : processors) {
            HandlerState shard = processor.state();
            if (shard == HandlerState.HALTED) {
                return HandlerState.HALTED;
            }
            running |= shard == HandlerState.RUNNING;
            allIdle &= shard == HandlerState.IDLE;
        }
        return running ? HandlerState.RUNNING : allIdle ? HandlerState.IDLE : HandlerState.STOPPED;
    }

    @Override
    public long errorCount() {
        return processors.stream().mapToLong(BatchEventProcessor::errorCount).sum();
    }

    @Override
    public long retryCount() {
        return processors.stream().mapToLong(BatchEventProcessor::retryCount).sum();
    }

    @Override
    public long discardedCount() {
        return processors.stream().mapToLong(BatchEventProcessor::discardedCount).sum();
    }

    /** Whether every shard's thread is alive. */
    @Override
    public boolean isThreadAlive() {
        return processors.stream().allMatch(BatchEventProcessor::isThreadAlive);
    }

    @Override
    public List<HandlerMonitor> shards() {
        return shardViews;
    }

    @Override
    public String toString() {
        return "handler '" + name + "' (stage " + stage + ", " + processors.size() + " thread"
                + (processors.size() == 1 ? "" : "s") + ") at sequence " + sequence() + ", " + state();
    }
}
