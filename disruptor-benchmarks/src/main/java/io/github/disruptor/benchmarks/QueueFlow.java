package io.github.disruptor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * The queue-based equivalent of a topology: a pipeline is a chain of queues with a relay thread per
 * stage, a multicast offers every event to one queue per consumer. Consumers poll and, when a poll
 * comes back empty, publish their count and idle the same way the disruptors' wait strategies do.
 *
 * <p>Queues carry references, so the producer offers events from a pool created up front (their
 * values are never changed): no allocation per event, which favours the queues, if anything.
 */
final class QueueFlow implements EventFlow {

    /** Which queue implementation links the threads. */
    enum Kind {
        ARRAY_BLOCKING_QUEUE,
        /** SPSC where one thread offers, MPSC where several do. */
        JCTOOLS;

        Queue<LongEvent> newQueue(int producers) {
            if (this == ARRAY_BLOCKING_QUEUE) {
                return new ArrayBlockingQueue<>(CAPACITY);
            }
            return producers == 1 ? new SpscArrayQueue<>(CAPACITY) : new MpscArrayQueue<>(CAPACITY);
        }
    }

    private final LongEvent[] pool = new LongEvent[CAPACITY];
    private final Queue<LongEvent>[] firstStageQueues;
    private final CountingHandler[] terminals;
    private final List<Thread> threads = new ArrayList<>();
    private final Idle idle;
    private volatile boolean running = true;

    @SuppressWarnings("unchecked")
    QueueFlow(Topology topology, Idle idle, Kind kind) {
        this.idle = idle;
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new LongEvent(i);
        }
        int consumers = topology.consumersPerStage();
        firstStageQueues = new Queue[consumers];
        terminals = new CountingHandler[consumers];
        for (int c = 0; c < consumers; c++) {
            Queue<LongEvent> in = kind.newQueue(topology.producers());
            firstStageQueues[c] = in;
            for (int s = 0; s < topology.stages(); s++) {
                boolean last = s == topology.stages() - 1;
                Queue<LongEvent> out = last ? null : kind.newQueue(1);
                CountingHandler handler = new CountingHandler();
                start(new Consumer(in, out, handler), "queue-stage" + s + "-consumer" + c);
                if (last) {
                    terminals[c] = handler;
                }
                in = out;
            }
        }
    }

    private void start(Runnable consumer, String name) {
        Thread thread = new Thread(consumer, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    @Override
    public void publish(int events, int batchSize) {
        int mask = pool.length - 1;
        for (int i = 0; i < events; i++) {
            LongEvent event = pool[i & mask];
            for (Queue<LongEvent> queue : firstStageQueues) {
                offer(queue, event);
            }
        }
    }

    private void offer(Queue<LongEvent> queue, LongEvent event) {
        while (!queue.offer(event)) {
            idle.idle();
        }
    }

    @Override
    public long awaitConsumed(long total) {
        return EventFlow.awaitAll(terminals, total, idle);
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Polls one queue, counts, and passes each event on to the next stage's queue if there is one. */
    private final class Consumer implements Runnable {

        private final Queue<LongEvent> in;
        private final Queue<LongEvent> out;
        private final CountingHandler handler;

        Consumer(Queue<LongEvent> in, Queue<LongEvent> out, CountingHandler handler) {
            this.in = in;
            this.out = out;
            this.handler = handler;
        }

        @Override
        public void run() {
            while (running) {
                LongEvent event;
                while ((event = in.poll()) != null) {
                    handler.consume(event);
                    if (out != null) {
                        offer(out, event);
                    }
                }
                handler.publishCount();
                idle.idle();
            }
        }
    }
}
