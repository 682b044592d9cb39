package io.github.disruptor.benchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * Drives one {@link EventFlow} the way every throughput measurement does: the calling thread and,
 * where the topology has several producers, parked helper threads publish their share of the events,
 * then the caller waits until every last-stage consumer has consumed them all. Shared by the JMH
 * benchmarks and the interleaved comparison, so both measure the same thing.
 */
final class FlowDriver {

    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final EventFlow flow;
    private final int batchSize;
    private final HelperProducer[] helpers;
    private long published;

    FlowDriver(EventFlow flow, Workload workload) {
        this.flow = flow;
        this.batchSize = workload.batchSize();
        this.helpers = new HelperProducer[workload.topology().producers() - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new HelperProducer(flow, batchSize, "producer-" + (i + 2));
        }
    }

    /**
     * Publishes {@code events} events, split evenly over the producers (the calling thread takes the
     * remainder), and waits until every consumer has consumed them.
     *
     * @return the consumers' checksum, for the benchmark to return
     * @throws IllegalArgumentException if a producer's share is not a whole number of claims
     */
    long publishAndAwait(int events) {
        int producers = helpers.length + 1;
        int share = events / producers;
        int own = events - share * helpers.length;
        if (share % batchSize != 0 || own % batchSize != 0) {
            throw new IllegalArgumentException(events + " events over " + producers + " producers are not a whole "
                    + "number of claims of " + batchSize + " each; use an event count each share of which divides by "
                    + batchSize);
        }
        published += events;
        for (HelperProducer helper : helpers) {
            helper.publish(share);
        }
        flow.publish(own, batchSize);
        return flow.awaitConsumed(published);
    }

    /** Stops the helper producers, then the flow. */
    void close() {
        for (HelperProducer helper : helpers) {
            helper.stop();
        }
        flow.close();
    }

    /** A parked thread that publishes its share of each invocation's events alongside the caller. */
    private static final class HelperProducer implements Runnable {

        private final EventFlow flow;
        private final int batchSize;
        private final Thread thread;
        private volatile int pending;
        private volatile boolean running = true;

        HelperProducer(EventFlow flow, int batchSize, String name) {
            this.flow = flow;
            this.batchSize = batchSize;
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        void publish(int events) {
            pending = events;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (running) {
                int events = pending;
                if (events == 0) {
                    LockSupport.park(this);
                    continue;
                }
                // cleared before publishing: the next invocation's share cannot arrive before these are consumed
                pending = 0;
                flow.publish(events, batchSize);
            }
        }

        void stop() {
            running = false;
            LockSupport.unpark(thread);
            try {
                thread.join(STOP_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping " + thread.getName(), e);
            }
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not stop within " + STOP_TIMEOUT_MILLIS
                        + " ms; it is still publishing, so the flow is blocked");
            }
        }
    }
}
