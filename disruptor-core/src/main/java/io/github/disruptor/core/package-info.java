/**
 * The Disruptor engine: a bounded ring of pre-allocated events between producers and a graph of
 * handler threads, coordinated only through sequences.
 *
 * <p>How the pieces fit:
 * <ul>
 *   <li>{@link io.github.disruptor.core.RingBuffer} holds the events; a producer claims a slot from
 *       the sequencer (single- or multi-producer), writes the event in place through an
 *       {@link io.github.disruptor.core.EventTranslator}, and publishes the slot's sequence.</li>
 *   <li>Each {@link io.github.disruptor.core.EventHandler} runs on its own thread in a batch event
 *       processor. Its {@link io.github.disruptor.core.SequenceBarrier} waits, through the
 *       {@link io.github.disruptor.core.WaitStrategy}, until the cursor (first stage) or every handler
 *       of the previous stage has passed the sequence it needs.</li>
 *   <li>Each processor owns one padded {@link io.github.disruptor.core.Sequence}, released once per
 *       batch. The last handlers of the graph gate the producers: the ring never overwrites an event a
 *       handler has not finished.</li>
 * </ul>
 *
 * <p>No locks on the publishing or handling path (the blocking wait strategy takes one only to park
 * and wake threads), no allocation in the steady state, no counter shared between threads: every
 * sequence has exactly one writer. {@link io.github.disruptor.core.Disruptor#monitor()} reads those
 * sequences for observability.
 *
 * <p>Start with {@link io.github.disruptor.core.DisruptorBuilder}.
 */
package io.github.disruptor.core;
