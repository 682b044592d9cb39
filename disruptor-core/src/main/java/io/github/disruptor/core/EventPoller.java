package io.github.disruptor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * A consumer without a thread of its own: the application polls it from its own loop (an agent, an
 * event loop, a game tick) instead of the disruptor handing events to a handler thread. It is
 * declared like a handler, with {@link BarrierScope#pollEvents(String)}, and gated like one: the ring
 * never overwrites an event it has not polled, stages declared after it wait for it, and
 * {@code shutdown} waits for it to catch up (so keep polling while shutting down). It appears in
 * {@link Disruptor#monitor()} with the state {@link HandlerState#POLLED}.
 *
 * <pre>{@code
 * Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(1024, LongEvent::new)
 *         .withBarrier(scope -> scope.pollEvents("agent"))
 *         .build();
 * EventPoller<LongEvent> agent = disruptor.poller("agent");
 * while (running) {
 *     if (agent.poll((event, sequence, endOfBatch) -> handle(event)) != EventPoller.PollState.PROCESSING) {
 *         idle();
 *     }
 * }
 * }</pre>
 *
 * <p>Poll from one thread at a time. Memory ordering as for a handler: an acquire read of the
 * dependency before reading events, one release store of the poller's sequence after them.
 *
 * @param <E> the event type
 */
public final class EventPoller<E> {

    private static final VarHandle ERRORS;

    static {
        try {
            ERRORS = MethodHandles.lookup().findVarHandle(EventPoller.class, "errors", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What a call to {@link #poll} found. */
    public enum PollState {
        /** At least one event was handed to the handler. */
        PROCESSING,
        /** Events were published, but a stage this poller waits for has not finished them yet. */
        GATING,
        /** Nothing new was published. */
        IDLE
    }

    /**
     * Handles one polled event.
     *
     * @param <E> the event type
     */
    @FunctionalInterface
    public interface Handler<E> {

        /**
         * @param event the event (owned by the ring: copy what must outlive the call)
         * @param sequence its sequence
         * @param endOfBatch {@code true} on the last event of this poll
         * @return {@code true} to go on with the next available event, {@code false} to end this poll
         *         after this event
         * @throws Exception propagated to the caller of {@link #poll}; the event is handed over again
         *         on the next poll
         */
        boolean onEvent(E event, long sequence, boolean endOfBatch) throws Exception;
    }

    private final String name;
    private final int stage;
    private final RingBuffer<E> ringBuffer;
    private final Sequencer sequencer;
    private final Sequence dependency;
    private final boolean checkAvailability;
    private final DiscardMarks[] upstreamDiscards;
    private final Sequence sequence = new Sequence();
    private final Monitor monitor = new Monitor();
    @SuppressWarnings("unused") // accessed through ERRORS
    private long errors;

    EventPoller(String name, int stage, RingBuffer<E> ringBuffer, Sequencer sequencer, Sequence dependency,
            boolean firstStage, DiscardMarks[] upstreamDiscards) {
        this.name = name;
        this.stage = stage;
        this.ringBuffer = ringBuffer;
        this.sequencer = sequencer;
        this.dependency = dependency;
        this.checkAvailability = firstStage && sequencer.cursorMayRunAhead();
        this.upstreamDiscards = upstreamDiscards;
    }

    /** The poller's name, as declared. */
    public String name() {
        return name;
    }

    /**
     * Hands every event available now to {@code handler}, in sequence order, until the handler asks
     * to stop; events discarded upstream are skipped.
     *
     * @return what this poll found
     * @throws Exception whatever the handler threw; the events before it count as polled
     */
    public PollState poll(Handler<? super E> handler) throws Exception {
        long polled = sequence.get();
        long next = polled + 1;
        long available = dependency.get();
        if (available >= next && checkAvailability) {
            available = sequencer.highestPublished(next, available);
        }
        if (available < next) {
            return sequencer.cursor() >= next ? PollState.GATING : PollState.IDLE;
        }
        boolean checkDiscards = ringBuffer.mayHoldDiscards(next);
        long last = checkDiscards ? lastVisible(next, available) : available;
        try {
            for (boolean more = true; more && next <= available; next++) {
                if (!checkDiscards || !DiscardMarks.anyMarked(upstreamDiscards, next)) {
                    more = handler.onEvent(ringBuffer.get(next), next, next == last);
                }
                polled = next;
            }
        } catch (Throwable failure) {
            ERRORS.setOpaque(this, (long) ERRORS.getOpaque(this) + 1);
            throw failure;
        } finally {
            if (polled > sequence.get()) {
                sequence.set(polled);
                sequencer.waitStrategy.signalAllWhenBlocking();
            }
        }
        return PollState.PROCESSING;
    }

    private long lastVisible(long from, long to) {
        long last = to;
        while (last >= from && DiscardMarks.anyMarked(upstreamDiscards, last)) {
            last--;
        }
        return last;
    }

    Sequence sequenceRef() {
        return sequence;
    }

    HandlerMonitor monitor() {
        return monitor;
    }

    @Override
    public String toString() {
        return "poller '" + name + "' (stage " + stage + ") at sequence " + sequence.get();
    }

    /** The poller as {@link Disruptor#monitor()} shows it. */
    private final class Monitor implements HandlerMonitor {

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
            return 1;
        }

        @Override
        public long sequence() {
            return sequence.get();
        }

        @Override
        public long lag() {
            return Math.max(0L, sequencer.cursor() - sequence.get());
        }

        @Override
        public HandlerState state() {
            return HandlerState.POLLED;
        }

        @Override
        public long errorCount() {
            return (long) ERRORS.getOpaque(EventPoller.this);
        }

        @Override
        public long retryCount() {
            return 0;
        }

        @Override
        public long discardedCount() {
            return 0;
        }

        @Override
        public boolean isThreadAlive() {
            return false;
        }

        @Override
        public List<HandlerMonitor> shards() {
            return List.of();
        }

        @Override
        public String toString() {
            return EventPoller.this.toString();
        }
    }
}
