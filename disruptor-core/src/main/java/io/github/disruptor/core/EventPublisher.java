package io.github.disruptor.core;

import java.time.Duration;

/**
 * The producer's view of a ring: claim a slot, write the pre-allocated event in place, publish it.
 *
 * <p>Blocking variants ({@code publish}) wait while the ring is full: that is the backpressure a
 * bounded ring gives. They wait until space frees up, the disruptor shuts down
 * ({@link DisruptorClosedException}) or the calling thread is interrupted
 * ({@link PublishInterruptedException}); never forever. {@code tryPublish} never waits and answers
 * {@code false} when the ring is full.
 *
 * <p>A publish that returns normally has been accepted: every handler will see it, including when
 * the disruptor is shut down right after. A translator that throws publishes nothing: the exception
 * propagates to the caller and no handler sees the half-written event.
 *
 * <p>The translator and argument variants exist so that hot producers can publish without allocating:
 * pass a static or otherwise non-capturing translator and the data as arguments.
 *
 * @param <E> the event type
 */
public interface EventPublisher<E> {

    /**
     * Publishes one event, waiting while the ring is full.
     *
     * @param translator writes the event
     * @throws DisruptorClosedException if the disruptor is shut down, also while waiting
     * @throws PublishInterruptedException if the thread is interrupted while waiting for space
     */
    void publish(EventTranslator<E> translator);

    /**
     * Publishes one event if the ring has space now.
     *
     * @param translator writes the event
     * @return {@code false} if the ring was full; nothing was published
     * @throws DisruptorClosedException if the disruptor is shut down
     */
    boolean tryPublish(EventTranslator<E> translator);

    /**
     * Publishes one event, waiting at most {@code timeout} for space.
     *
     * @param translator writes the event
     * @param timeout how long to wait for space
     * @return {@code false} if no space freed up in time; nothing was published
     * @throws DisruptorClosedException if the disruptor is shut down, also while waiting
     * @throws PublishInterruptedException if the thread is interrupted while waiting for space
     */
    boolean tryPublish(EventTranslator<E> translator, Duration timeout);

    /** Like {@link #publish(EventTranslator)}, with the event's data passed as an argument. */
    <A> void publish(EventTranslatorOneArg<E, A> translator, A arg);

    /** Like {@link #tryPublish(EventTranslator)}, with the event's data passed as an argument. */
    <A> boolean tryPublish(EventTranslatorOneArg<E, A> translator, A arg);

    /** Like {@link #publish(EventTranslator)}, with the event's data passed as two arguments. */
    <A, B> void publish(EventTranslatorTwoArg<E, A, B> translator, A first, B second);

    /** Like {@link #tryPublish(EventTranslator)}, with the event's data passed as two arguments. */
    <A, B> boolean tryPublish(EventTranslatorTwoArg<E, A, B> translator, A first, B second);

    /**
     * Claims {@code count} consecutive slots, writes each with {@code translator} and publishes them
     * together: one claim and one publication for the whole batch. If the translator throws on any
     * slot, the whole batch is discarded and no handler sees any of it.
     *
     * @param count how many events, from 1 to the ring size
     * @param translator called once per slot, in sequence order
     * @throws IllegalArgumentException if {@code count} is not in {@code 1..ringSize}
     */
    void publishBatch(int count, EventTranslator<E> translator);

    /**
     * Publishes one event per element of {@code args[from, from + count)} as one batch; see
     * {@link #publishBatch(int, EventTranslator)}. Arguments are checked before anything is claimed.
     *
     * @throws IllegalArgumentException if {@code count} is not in {@code 1..ringSize}, or the range
     *         does not lie inside {@code args} (a negative {@code from}, or {@code from + count} past
     *         its end)
     * @throws NullPointerException if {@code translator} or {@code args} is null
     */
    <A> void publishBatch(EventTranslatorOneArg<E, A> translator, A[] args, int from, int count);
}
