package io.github.disruptor.sample;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.disruptor.core.DisruptorClosedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes random limit orders at {@code sample.load.rate} per second from its own thread, a second
 * producer beside the HTTP threads, so that the lag figures and the dashboard move without any other
 * tool. Prices wander around a mid price per symbol, so orders both trade and rest. A full ring
 * rejects an order just as it would an HTTP request; the {@code disruptor.publish.rejected} meter counts it.
 * It does not wait for the journal: it has no client to answer.
 *
 * <p>Starts after the web server and stops before it, and before the ring drains.
 */
@Component
@ConditionalOnBooleanProperty("sample.load.enabled")
class LoadGenerator implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(LoadGenerator.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** Prices in cents: mids wander within 90.00 to 110.00, so the books stay bounded and every level gets traded. */
    private static final long MID_PRICE = 100_00;
    private static final long MID_RANGE = 10_00;

    private final OrderSink orders;
    private final List<String> symbols;
    private final int rate;
    private volatile Thread thread;

    LoadGenerator(OrderSink orders, SampleProperties properties) {
        this.orders = orders;
        this.symbols = properties.symbols();
        this.rate = properties.load().rate();
    }

    @Override
    public void start() {
        Thread generator = new Thread(this::run, "order-load-generator");
        generator.setDaemon(true);
        thread = generator;
        generator.start();
        logger.info("Load generator publishing " + rate + " orders per second for " + symbols
                + " (sample.load.rate); watch GET /actuator/disruptor");
    }

    @Override
    public void stop() {
        Thread generator = thread;
        thread = null;
        if (generator == null) {
            return;
        }
        generator.interrupt();
        try {
            generator.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /**
     * Paces by the clock: each 1 ms tick publishes the orders due since the start, so short pauses catch
     * up; after a long pause (a GC, a suspended laptop) at most one second's worth is caught up.
     */
    private void run() {
        SplittableRandom random = new SplittableRandom();
        long[] mids = new long[symbols.size()];
        Arrays.fill(mids, MID_PRICE);
        double perNano = rate / (double) TimeUnit.SECONDS.toNanos(1);
        long started = System.nanoTime();
        long scheduled = 0;
        long accepted = 0;
        long refused = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long due = (long) ((System.nanoTime() - started) * perNano) - scheduled;
                scheduled += due;
                for (long i = Math.min(due, rate); i > 0; i--) {
                    int symbol = random.nextInt(symbols.size());
                    long mid = mids[symbol] + random.nextInt(-1, 2);
                    mids[symbol] = Math.min(MID_PRICE + MID_RANGE, Math.max(MID_PRICE - MID_RANGE, mid));
                    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                    long price = mids[symbol] + random.nextInt(-10, 11);
                    OrderTicket order = new OrderTicket(symbols.get(symbol), side, price, random.nextInt(1, 101));
                    if (orders.offer(order)) {
                        accepted++;
                    } else {
                        refused++;
                    }
                }
                LockSupport.parkNanos(TICK_NANOS);
            }
        } catch (DisruptorClosedException closing) {
            // the ring stopped first: nothing left to do
        }
        logger.info("Load generator stopped after " + accepted + " orders; " + refused
                + " refused at once (a full ring or no order id to reserve; in Kafka mode a producer that cannot send)");
    }
}
