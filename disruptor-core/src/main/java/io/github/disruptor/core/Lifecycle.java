package io.github.disruptor.core;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The cold half of a {@link Disruptor}: starting, stopping, draining and joining the handler
 * threads, and the state those steps move through. Nothing here runs per event except
 * {@link #awaitHandledOrRefuse}, the slow path of a publish that raced a stop.
 *
 * <pre>
 * NEW --start--> RUNNING --stop--> DRAINING --> STOPPED --start--> RUNNING ...
 *                RUNNING, STOPPED, NEW --shutdown--> DRAINING --> TERMINATED (also --halt-->)
 * </pre>
 *
 * <p>Every transition happens under one lock, so the steps of two concurrent calls never interleave;
 * {@code state} is volatile for the readers outside it (monitors, producers on their slow path).
 * Before draining, the sequencer is closed, so new claims fail fast while the handlers catch up with
 * everything claimed before; a restart reopens it.
 */
final class Lifecycle {

    private static final System.Logger LOGGER = System.getLogger(Disruptor.class.getName());
    /**
     * How long a drain must hold before it counts. A single producer publishes with a release store
     * of the cursor and then reads the closed flag, and the processor may let that read pass the
     * store (a full fence there would cost every publish): such a producer can read "open" while its
     * store still waits in its store buffer, which drains within nanoseconds. A drain that still
     * stands after this pause has seen that store. Multi-producer claims are compare-and-sets.
     */
    private static final long DRAIN_CONFIRMATION_NANOS = 200_000L;
    /**
     * How long threads may take to end once halted, even when the drain used up the timeout: a halted
     * processor leaves its wait at once, so only a thread stuck inside a handler needs longer.
     */
    private static final long JOIN_GRACE_NANOS = 100_000_000L;

    private final String name;
    private final Sequencer sequencer;
    private final List<? extends BatchEventProcessor<?>> processors;
    /** Every handler (shards folded) and poller: what a drain waits for. */
    private final List<HandlerMonitor> handlers;
    private final ThreadFactory threadFactory;
    private final Object lock = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile DisruptorState state = DisruptorState.NEW;
    /** The answer of the first {@code shutdown}, repeated by later calls. */
    private boolean drainedAtShutdown;

    Lifecycle(String name, Sequencer sequencer, List<? extends BatchEventProcessor<?>> processors,
            List<HandlerMonitor> handlers, ThreadFactory threadFactory) {
        this.name = name;
        this.sequencer = sequencer;
        this.processors = processors;
        this.handlers = handlers;
        this.threadFactory = threadFactory;
    }

    DisruptorState state() {
        return state;
    }

    void start() {
        synchronized (lock) {
            DisruptorState before = state;
            if (before != DisruptorState.NEW && before != DisruptorState.STOPPED) {
                throw new IllegalStateException("Disruptor '" + name + "' cannot start: it is " + before
                        + "; start() is accepted on a new or stopped disruptor");
            }
            if (before == DisruptorState.STOPPED) {
                requireEndedThreads();
                processors.forEach(BatchEventProcessor::prepareRestart);
            }
            threads.clear();
            for (BatchEventProcessor<?> processor : processors) {
                threads.add(Objects.requireNonNull(threadFactory.newThread(processor),
                        () -> "the thread factory of disruptor '" + name + "' returned null"));
            }
            sequencer.open();
            state = DisruptorState.RUNNING;
            threads.forEach(Thread::start);
        }
    }

    /** Stops and joins the threads after draining; the ring, its sequences and its events stay. */
    boolean stop(Duration timeout) {
        long deadline = deadline("stop", timeout);
        synchronized (lock) {
            DisruptorState before = state;
            if (before == DisruptorState.TERMINATED) {
                throw new IllegalStateException("Disruptor '" + name + "' cannot stop: it is TERMINATED; "
                        + "a shut down or halted disruptor cannot be stopped or started again");
            }
            if (before != DisruptorState.RUNNING) {
                return true;
            }
            boolean drained = drainAndJoin(Sequencer.STOPPED, deadline);
            state = DisruptorState.STOPPED;
            if (!drained) {
                LOGGER.log(Level.WARNING, () -> progressReport("stopped before it drained") + "\nThe events left "
                        + "stay in the ring and are handled after start().");
            }
            return drained;
        }
    }

    boolean shutdown(Duration timeout) {
        long deadline = deadline("shutdown", timeout);
        synchronized (lock) {
            DisruptorState before = state;
            if (before == DisruptorState.TERMINATED) {
                return drainedAtShutdown;
            }
            sequencer.close(Sequencer.SHUT_DOWN);
            boolean drained = before == DisruptorState.RUNNING ? drainAndJoin(Sequencer.SHUT_DOWN, deadline)
                    : handlersReached(sequencer.cursor());
            state = DisruptorState.TERMINATED;
            drainedAtShutdown = drained;
            if (!drained) {
                LOGGER.log(Level.WARNING, () -> before == DisruptorState.RUNNING
                        ? progressReport("did not drain in time")
                        : progressReport("was shut down while " + before + " with events never handled"));
            }
            return drained;
        }
    }

    void halt() {
        synchronized (lock) {
            sequencer.close(Sequencer.SHUT_DOWN);
            state = DisruptorState.TERMINATED;
            processors.forEach(BatchEventProcessor::halt);
        }
    }

    /**
     * Waits until every handler has passed the cursor as it stands now, or {@code timeout} ran out, or
     * a halted handler makes that impossible.
     */
    boolean awaitIdle(Duration timeout) {
        long deadline = deadline("awaitIdle", timeout);
        long target = sequencer.cursor();
        for (int attempt = 0; !handlersReached(target); attempt++) {
            if (cannotReach(target) || System.nanoTime() - deadline >= 0) {
                return false;
            }
            BackOff.pause(attempt);
        }
        return true;
    }

    /**
     * The slow path of a publish that found the sequencer closed after publishing: it returns once its
     * event has been handled, which includes a handling after a restart, and throws if the disruptor
     * terminated first. A producer never returns normally for an event no handler will see.
     */
    void awaitHandledOrRefuse(long sequence) {
        for (int attempt = 0; state != DisruptorState.TERMINATED; attempt++) {
            if (handlersReached(sequence)) {
                return;
            }
            BackOff.pause(attempt);
        }
        if (!handlersReached(sequence)) {
            throw new DisruptorClosedException("Disruptor '" + name + "' stopped before handling sequence "
                    + sequence + ", published while it shut down; the event was not handled");
        }
    }

    /**
     * Closes the sequencer, waits for the handlers to pass everything claimed, stops the processors
     * and joins their threads. Leaves early with {@code false} once a halted handler makes the drain
     * impossible.
     */
    private boolean drainAndJoin(int closure, long deadline) {
        sequencer.close(closure);
        state = DisruptorState.DRAINING;
        boolean handled = awaitDrained(deadline);
        processors.forEach(BatchEventProcessor::halt);
        return joinThreads(deadline) && handled;
    }

    private boolean awaitDrained(long deadline) {
        for (int attempt = 0; ; attempt++) {
            long target = sequencer.cursor();
            if (handlersReached(target)) {
                LockSupport.parkNanos(DRAIN_CONFIRMATION_NANOS);
                if (sequencer.cursor() == target) {
                    return true;
                }
            }
            if (cannotReach(target) || System.nanoTime() - deadline >= 0) {
                return false;
            }
            BackOff.pause(attempt);
        }
    }

    private boolean handlersReached(long target) {
        for (HandlerMonitor handler : handlers) {
            if (handler.sequence() < target) {
                return false;
            }
        }
        return true;
    }

    /** A halted handler short of {@code target} holds back itself and everything behind it. */
    private boolean cannotReach(long target) {
        for (HandlerMonitor handler : handlers) {
            if (handler.state() == HandlerState.HALTED && handler.sequence() < target) {
                return true;
            }
        }
        return false;
    }

    private boolean joinThreads(long deadline) {
        long joinDeadline = Math.max(deadline, System.nanoTime() + JOIN_GRACE_NANOS);
        boolean allEnded = true;
        for (Thread thread : threads) {
            long remaining = joinDeadline - System.nanoTime();
            try {
                if (remaining > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
                allEnded = false;
            }
        }
        return allEnded;
    }

    /** Two threads must never run one processor: a thread stuck in a handler blocks the restart. */
    private void requireEndedThreads() {
        List<String> alive = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                alive.add(thread.getName());
            }
        }
        if (!alive.isEmpty()) {
            throw new IllegalStateException("Disruptor '" + name + "' cannot start again: the handler threads "
                    + alive + " of its last run have not ended (stuck in a handler that ignores interrupts?)");
        }
    }

    private String progressReport(String what) {
        long cursor = sequencer.cursor();
        StringBuilder report = new StringBuilder("Disruptor '").append(name).append("' ").append(what)
                .append("; cursor at ").append(cursor).append(':');
        for (HandlerMonitor handler : handlers) {
            report.append("\n  ").append(handler.name()).append(" (stage ").append(handler.stage())
                    .append("): sequence ").append(handler.sequence()).append(", ")
                    .append(Math.max(0, cursor - handler.sequence())).append(" events not handled, ")
                    .append(handler.state()).append(handler.isThreadAlive() ? ", thread still alive" : "");
        }
        return report.toString();
    }

    private static long deadline(String method, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(method + " timeout must not be negative, was " + timeout
                    + "; pass Duration.ZERO or more");
        }
        return System.nanoTime() + BackOff.saturatedNanos(timeout);
    }
}
