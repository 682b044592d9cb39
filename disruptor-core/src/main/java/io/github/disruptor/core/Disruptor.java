package io.github.disruptor.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * A running ring: the ring buffer, its sequencer, and one processor thread per handler, wired into
 * stages. Build one with {@link DisruptorBuilder}; it is the {@link EventPublisher} producers use.
 *
 * <p>Life cycle: {@link #start()}; publish from any thread (from one thread at a time with the
 * single-producer sequencer); {@link #stop(Duration)} and {@link #start()} again to pause the
 * handlers; {@link #shutdown(Duration)} to drain and stop for good, or {@link #halt()} to stop at
 * once. Events published before {@code start()} wait in the ring. This class holds the publishing
 * path; the cold half (threads, draining, states) lives in {@link Lifecycle}.
 *
 * <p>Publishing: claim, translate in place, publish. If the translator throws, the claimed slots are
 * published as discarded, so the sequence has no hole and no handler sees a half-written event; the
 * exception reaches the caller. After publishing, the producer reads the sequencer's closed flag once
 * (on the cache line it read to claim, and a field that never changes while the ring runs): if a
 * stop or shutdown has begun, it waits until its event has been handled (after a restart, if it
 * raced a stop) or the disruptor has terminated, so a publish that returns normally has always been
 * handled, and one that raced a shutdown and lost gets a {@link DisruptorClosedException}.
 *
 * @param <E> the event type
 */
public final class Disruptor<E> implements EventPublisher<E> {

    private static final EventTranslatorTwoArg<Object, EventTranslator<Object>, Object> PLAIN =
            (event, sequence, translator, unused) -> translator.translateTo(event, sequence);
    private static final EventTranslatorTwoArg<Object, EventTranslatorOneArg<Object, Object>, Object> ONE_ARG =
            (event, sequence, translator, arg) -> translator.translateTo(event, sequence, arg);
    private static final BatchTranslator<Object, EventTranslator<Object>, Object> PLAIN_BATCH =
            (event, sequence, index, translator, unused) -> translator.translateTo(event, sequence);
    private static final BatchTranslator<Object, EventTranslatorOneArg<Object, Object>, Object[]> ARRAY_BATCH =
            (event, sequence, index, translator, args) -> translator.translateTo(event, sequence, args[index]);

    /**
     * Fills one slot of a batch. The public publishing variants funnel into two claim-translate-publish
     * paths, one for single events and one for batches, through static adapters of this shape or of
     * {@link EventTranslatorTwoArg}, so that none of them allocates a capturing lambda.
     */
    @FunctionalInterface
    private interface BatchTranslator<E, A, B> {
        void translateTo(E event, long sequence, int index, A first, B second);
    }

    private final String name;
    private final RingBuffer<E> ringBuffer;
    /**
     * The ring buffer's events and mask, held here as well: the publish path finds its slot without
     * loading the ring buffer first, one dependent load less per event.
     */
    private final Object[] events;
    private final int mask;
    private final Sequencer sequencer;
    private final ProducerType producerType;
    private final List<HandlerMonitor> handlerViews;
    private final Map<String, EventPoller<E>> pollers;
    private final Lifecycle lifecycle;
    private final LongAdder rejectedPublishes = new LongAdder();
    private final Monitor monitor = new Monitor();

    Disruptor(String name, RingBuffer<E> ringBuffer, Sequencer sequencer, ProducerType producerType,
            List<HandlerMonitor> handlerViews, Map<String, EventPoller<E>> pollers, Lifecycle lifecycle) {
        this.name = name;
        this.ringBuffer = ringBuffer;
        this.events = ringBuffer.entries();
        this.mask = ringBuffer.mask();
        this.sequencer = sequencer;
        this.producerType = producerType;
        this.handlerViews = List.copyOf(handlerViews);
        this.pollers = Map.copyOf(pollers);
        this.lifecycle = lifecycle;
    }

    /** The disruptor's name. */
    public String name() {
        return name;
    }

    /** The ring buffer, for reading events by sequence and for its cursor and capacity. */
    public RingBuffer<E> ringBuffer() {
        return ringBuffer;
    }

    /**
     * The event poller declared with {@code scope.pollEvents(name)}.
     *
     * @throws IllegalArgumentException if no poller has that name; the message lists the pollers
     */
    public EventPoller<E> poller(String name) {
        EventPoller<E> poller = pollers.get(name);
        if (poller == null) {
            throw new IllegalArgumentException("Disruptor '" + this.name + "' has no poller named '" + name
                    + "'; its pollers: " + (pollers.isEmpty() ? "none (declare one with scope.pollEvents(name))"
                            : String.join(", ", new TreeSet<>(pollers.keySet()))));
        }
        return poller;
    }

    /** A live, read-only view for metrics and health checks. */
    public DisruptorMonitor monitor() {
        return monitor;
    }

    /**
     * Starts one thread per handler (per shard): on a new disruptor, or again after {@link #stop}, in
     * which case every handler continues from the sequence where it stopped.
     *
     * @throws IllegalStateException if it is running, draining or terminated, or if a thread of the
     *         last run is still alive
     */
    public void start() {
        lifecycle.start();
    }

    /**
     * Stops accepting events, waits until every event published so far has passed every handler,
     * then stops the handler threads and joins them, all within {@code timeout}: like
     * {@link #shutdown}, but not for good. While stopped, publishing fails fast with a
     * {@link DisruptorClosedException}; {@link #start()} runs the same handlers again, on new threads,
     * from where they stopped, and every {@code EventPublisher} reference stays valid. Events left by
     * a stop that ran out of time stay in the ring and are handled after the restart. Threads halted
     * when the time ran out get a tenth of a second more to end.
     *
     * @param timeout the most time to spend draining and joining
     * @return {@code true} if every published event was handled and every thread ended in time; also
     *         when the disruptor was not running
     * @throws IllegalStateException if it is terminated
     */
    public boolean stop(Duration timeout) {
        return lifecycle.stop(timeout);
    }

    /**
     * Stops accepting events for good, waits until every event published so far has passed every
     * handler, then stops the handler threads and joins them, all within {@code timeout}. Producers
     * waiting for space are released with a {@link DisruptorClosedException}. It returns {@code false}
     * as soon as the drain has become impossible (a handler halted by its exception policy holds back
     * the events behind it) or the timeout has run out; the handlers are then halted and the log says,
     * per handler, how far it got. Every handler's {@code onShutdown} has returned when it returns
     * {@code true}.
     *
     * <p>Calling it again returns the first call's answer.
     *
     * @param timeout the most time to spend draining and joining
     * @return {@code true} if every published event was handled and every thread ended in time
     */
    public boolean shutdown(Duration timeout) {
        return lifecycle.shutdown(timeout);
    }

    /**
     * Stops every handler after the event in hand, without draining, and refuses further publishes
     * for good. Events not yet handled stay unhandled. Does not wait for the threads; each still calls
     * its handler's {@code onShutdown}.
     */
    public void halt() {
        lifecycle.halt();
    }

    /**
     * Waits until every handler has handled every event published before this call.
     *
     * @param timeout the most time to wait
     * @return {@code true} once they have; {@code false} if the time ran out first or a halted handler
     *         makes it impossible
     */
    public boolean awaitIdle(Duration timeout) {
        return lifecycle.awaitIdle(timeout);
    }

    // ---------------------------------------------------------------- publishing

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void publish(EventTranslator<E> translator) {
        Objects.requireNonNull(translator, "translator");
        publish((EventTranslatorTwoArg) PLAIN, translator, null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean tryPublish(EventTranslator<E> translator) {
        Objects.requireNonNull(translator, "translator");
        return tryPublish((EventTranslatorTwoArg) PLAIN, translator, null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean tryPublish(EventTranslator<E> translator, Duration timeout) {
        Objects.requireNonNull(translator, "translator");
        Objects.requireNonNull(timeout, "timeout");
        return publishBefore(System.nanoTime() + BackOff.saturatedNanos(timeout), (EventTranslatorTwoArg) PLAIN, translator, null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <A> void publish(EventTranslatorOneArg<E, A> translator, A arg) {
        Objects.requireNonNull(translator, "translator");
        publish((EventTranslatorTwoArg) ONE_ARG, translator, arg);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <A> boolean tryPublish(EventTranslatorOneArg<E, A> translator, A arg) {
        Objects.requireNonNull(translator, "translator");
        return tryPublish((EventTranslatorTwoArg) ONE_ARG, translator, arg);
    }

    @Override
    public <A, B> void publish(EventTranslatorTwoArg<E, A, B> translator, A first, B second) {
        Objects.requireNonNull(translator, "translator");
        translateAndPublish(translator, first, second, sequencer.next(1, Sequencer.NO_DEADLINE));
    }

    @Override
    public <A, B> boolean tryPublish(EventTranslatorTwoArg<E, A, B> translator, A first, B second) {
        Objects.requireNonNull(translator, "translator");
        return publishBefore(Sequencer.NO_WAIT, translator, first, second);
    }

    /** Publishes one event if a slot frees up before {@code deadlineNanos}; counts a refusal. */
    private <A, B> boolean publishBefore(long deadlineNanos, EventTranslatorTwoArg<E, A, B> translator, A first,
            B second) {
        long sequence = sequencer.next(1, deadlineNanos);
        if (sequence == Sequencer.NO_CAPACITY) {
            rejectedPublishes.increment();
            return false;
        }
        translateAndPublish(translator, first, second, sequence);
        return true;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void publishBatch(int count, EventTranslator<E> translator) {
        Objects.requireNonNull(translator, "translator");
        publishRange(count, (BatchTranslator) PLAIN_BATCH, translator, null, 0);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <A> void publishBatch(EventTranslatorOneArg<E, A> translator, A[] args, int from, int count) {
        Objects.requireNonNull(translator, "translator");
        Objects.requireNonNull(args, "args");
        sequencer.checkClaimSize(count);
        if (from < 0 || from > args.length - count) {
            throw new IllegalArgumentException("publishBatch cannot take " + count + " arguments from index " + from
                    + " of an array of " + args.length + "; from must be between 0 and args.length - count ("
                    + (args.length - count) + ")");
        }
        publishRange(count, (BatchTranslator) ARRAY_BATCH, translator, args, from);
    }

    /** Claims {@code count} slots, fills slot {@code i} through {@code fill} with index {@code firstIndex + i}. */
    private <A, B> void publishRange(int count, BatchTranslator<E, A, B> fill, A first, B second, int firstIndex) {
        sequencer.checkClaimSize(count);
        long high = sequencer.next(count, Sequencer.NO_DEADLINE);
        long low = high - count + 1;
        try {
            for (int i = 0; i < count; i++) {
                fill.translateTo(RingBuffer.<E>eventAt(events, mask, low + i), low + i, firstIndex + i, first, second);
            }
        } catch (Throwable failure) {
            discard(low, high);
            throw rethrow(failure);
        }
        commit(low, high);
    }

    private <A, B> void translateAndPublish(EventTranslatorTwoArg<E, A, B> translator, A first, B second,
            long sequence) {
        try {
            translator.translateTo(RingBuffer.<E>eventAt(events, mask, sequence), sequence, first, second);
        } catch (Throwable failure) {
            discard(sequence, sequence);
            throw rethrow(failure);
        }
        commit(sequence, sequence);
    }

    /**
     * Rethrows whatever a translator threw, checked exceptions included (a translator written in
     * another JVM language can throw one): the slot is already discarded, the caller gets the original.
     */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable failure) throws T {
        throw (T) failure;
    }

    private void discard(long low, long high) {
        ringBuffer.discard(low, high);
        sequencer.publish(low, high);
    }

    private void commit(long low, long high) {
        Sequencer claims = sequencer;
        claims.publish(low, high);
        // closed before the state leaves RUNNING, by stop(), shutdown() and halt() alike
        if (claims.isClosed()) {
            lifecycle.awaitHandledOrRefuse(high);
        }
    }

    @Override
    public String toString() {
        return "Disruptor '" + name + "' (" + ringBuffer.size() + " slots, " + producerType + " producer, "
                + sequencer.waitStrategy.name() + ", " + lifecycle.state() + ")";
    }

    /** The {@link DisruptorMonitor} of this disruptor. */
    private final class Monitor implements DisruptorMonitor {

        @Override
        public String name() {
            return name;
        }

        @Override
        public int ringSize() {
            return ringBuffer.size();
        }

        @Override
        public ProducerType producerType() {
            return producerType;
        }

        @Override
        public String waitStrategy() {
            return sequencer.waitStrategy.name();
        }

        @Override
        public long cursor() {
            return sequencer.cursor();
        }

        @Override
        public long remainingCapacity() {
            return sequencer.remainingCapacity();
        }

        @Override
        public long rejectedPublishes() {
            return rejectedPublishes.sum();
        }

        @Override
        public long concurrentClaims() {
            return sequencer.concurrentClaims();
        }

        @Override
        public DisruptorState state() {
            return lifecycle.state();
        }

        @Override
        public List<HandlerMonitor> handlers() {
            return handlerViews;
        }
    }
}
