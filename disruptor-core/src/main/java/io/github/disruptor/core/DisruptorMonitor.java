package io.github.disruptor.core;

import java.util.List;

/**
 * A live, read-only view of a disruptor for metrics, health checks and endpoints. It reads the
 * sequences the engine keeps anyway (the cursor, each handler's sequence), so observing a ring
 * adds nothing to publishing or handling.
 */
public interface DisruptorMonitor {

    /** The disruptor's name. */
    String name();

    /** The number of slots in the ring. */
    int ringSize();

    /** Which sequencer claims slots. */
    ProducerType producerType();

    /** The wait strategy's name, such as {@code blocking}. */
    String waitStrategy();

    /** The highest claimed sequence, -1 before the first publish. */
    long cursor();

    /** How many slots a producer could claim right now without waiting. */
    long remainingCapacity();

    /** How many {@code tryPublish} calls found the ring full. */
    long rejectedPublishes();

    /**
     * How many publishes a single-producer ring refused because another thread was claiming a slot at
     * the same time: a sign that the ring needs the multi-producer sequencer. Always 0 for a
     * multi-producer ring.
     */
    long concurrentClaims();

    /** The disruptor's state. */
    DisruptorState state();

    /**
     * One view per declared handler and poller, in declaration order; a handler that runs on several
     * threads appears once, with one view per thread in {@link HandlerMonitor#shards()}.
     */
    List<HandlerMonitor> handlers();
}
