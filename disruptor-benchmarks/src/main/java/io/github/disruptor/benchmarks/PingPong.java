package io.github.disruptor.benchmarks;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * Two channels, ping and pong, and one thread on each side: the ponger answers every ping with a
 * pong carrying the ping's timestamp, the pinger records the round trip and sends the next ping.
 * Only one message is ever in flight. Both threads busy-spin, one per core.
 */
abstract class PingPong {

    final Pinger pinger = new Pinger();

    /** Sends the first ping of a burst; the pinging thread sends the rest. */
    abstract void sendFirstPing();

    abstract void close();

    static PingPong create(String contender) {
        return switch (contender) {
            case "ours" -> new Core();
            case "lmax" -> new Lmax();
            case "abq" -> new Queues(new ArrayBlockingQueue<>(EventFlow.CAPACITY), new ArrayBlockingQueue<>(EventFlow.CAPACITY));
            case "jctools" -> new Queues(new SpscArrayQueue<>(EventFlow.CAPACITY), new SpscArrayQueue<>(EventFlow.CAPACITY));
            default -> throw new IllegalArgumentException(
                    "unknown contender '" + contender + "'; expected ours, lmax, abq or jctools");
        };
    }

    /**
     * Writes a value held in a field, so that relaying a timestamp needs no capturing lambda and no
     * boxing. Works for both disruptors' translator interfaces.
     */
    static final class Relay implements io.github.disruptor.core.EventTranslator<LongEvent>,
            com.lmax.disruptor.EventTranslator<LongEvent> {

        long value;

        @Override
        public void translateTo(LongEvent event, long sequence) {
            event.value = value;
        }
    }

    /** Our disruptor: the ping ring's handler is the ponger, the pong ring's handler the pinger. */
    private static final class Core extends PingPong {

        private final io.github.disruptor.core.Disruptor<LongEvent> ping;
        private final io.github.disruptor.core.Disruptor<LongEvent> pong;
        private final Relay pingWriter = new Relay();

        Core() {
            Relay pongWriter = new Relay();
            pong = io.github.disruptor.core.DisruptorBuilder.withRingBuffer(EventFlow.CAPACITY, LongEvent::new)
                    .withName("pong").withBusySpinWaitStrategy().withSingleProducerSequencer()
                    .withBarrier(scope -> scope.handleEvents("pinger", (event, sequence, endOfBatch) -> {
                        if (pinger.onPong(event.value)) {
                            sendPing();
                        }
                    }))
                    .build();
            ping = io.github.disruptor.core.DisruptorBuilder.withRingBuffer(EventFlow.CAPACITY, LongEvent::new)
                    .withName("ping").withBusySpinWaitStrategy().withSingleProducerSequencer()
                    .withBarrier(scope -> scope.handleEvents("ponger", (event, sequence, endOfBatch) -> {
                        pongWriter.value = event.value;
                        pong.publish(pongWriter);
                    }))
                    .build();
            pong.start();
            ping.start();
        }

        private void sendPing() {
            pingWriter.value = System.nanoTime();
            ping.publish(pingWriter);
        }

        @Override
        void sendFirstPing() {
            sendPing();
        }

        @Override
        void close() {
            ping.shutdown(Duration.ofSeconds(10));
            pong.shutdown(Duration.ofSeconds(10));
        }
    }

    /** LMAX Disruptor 4.0.0 wired the same way. */
    private static final class Lmax extends PingPong {

        private final com.lmax.disruptor.dsl.Disruptor<LongEvent> ping;
        private final com.lmax.disruptor.dsl.Disruptor<LongEvent> pong;
        private final Relay pingWriter = new Relay();

        Lmax() {
            Relay pongWriter = new Relay();
            ping = new com.lmax.disruptor.dsl.Disruptor<>(LongEvent::new, EventFlow.CAPACITY,
                    com.lmax.disruptor.util.DaemonThreadFactory.INSTANCE, com.lmax.disruptor.dsl.ProducerType.SINGLE,
                    new com.lmax.disruptor.BusySpinWaitStrategy());
            pong = new com.lmax.disruptor.dsl.Disruptor<>(LongEvent::new, EventFlow.CAPACITY,
                    com.lmax.disruptor.util.DaemonThreadFactory.INSTANCE, com.lmax.disruptor.dsl.ProducerType.SINGLE,
                    new com.lmax.disruptor.BusySpinWaitStrategy());
            com.lmax.disruptor.EventHandler<LongEvent> ponger = (event, sequence, endOfBatch) -> {
                pongWriter.value = event.value;
                pong.publishEvent(pongWriter);
            };
            com.lmax.disruptor.EventHandler<LongEvent> pingerHandler = (event, sequence, endOfBatch) -> {
                if (pinger.onPong(event.value)) {
                    sendPing();
                }
            };
            ping.handleEventsWith(ponger);
            pong.handleEventsWith(pingerHandler);
            pong.start();
            ping.start();
        }

        private void sendPing() {
            pingWriter.value = System.nanoTime();
            ping.publishEvent(pingWriter);
        }

        @Override
        void sendFirstPing() {
            sendPing();
        }

        @Override
        void close() {
            ping.halt();
            pong.halt();
        }
    }

    /**
     * Two queues and two polling threads. One event object bounces back and forth: with a single
     * message in flight, only its current holder touches it.
     */
    private static final class Queues extends PingPong {

        private final Queue<LongEvent> ping;
        private final Queue<LongEvent> pong;
        private final LongEvent message = new LongEvent();
        private final Thread pingerThread;
        private final Thread pongerThread;
        private volatile boolean running = true;
        private volatile int bursts;

        Queues(Queue<LongEvent> ping, Queue<LongEvent> pong) {
            this.ping = ping;
            this.pong = pong;
            pongerThread = daemon(this::pong, "ponger");
            pingerThread = daemon(this::ping, "pinger");
        }

        private static Thread daemon(Runnable loop, String name) {
            Thread thread = new Thread(loop, name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        private void pong() {
            while (running) {
                LongEvent event = ping.poll();
                if (event == null) {
                    Thread.onSpinWait();
                } else {
                    while (!pong.offer(event)) {
                        Thread.onSpinWait();
                    }
                }
            }
        }

        /** Waits (spinning, like a busy-spin handler) for a burst to begin, then plays it out. */
        private void ping() {
            int seen = 0;
            while (running) {
                if (bursts == seen) {
                    Thread.onSpinWait();
                    continue;
                }
                seen++;
                boolean more = true;
                while (more) {
                    message.value = System.nanoTime();
                    ping.offer(message);
                    LongEvent answer;
                    while ((answer = pong.poll()) == null) {
                        if (!running) {
                            return;
                        }
                        Thread.onSpinWait();
                    }
                    more = pinger.onPong(answer.value);
                }
            }
        }

        @Override
        void sendFirstPing() {
            bursts++;
        }

        @Override
        void close() {
            running = false;
            try {
                pingerThread.join(10_000);
                pongerThread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
