package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.spring.DisruptorRegistry;

/**
 * Starts, stops and shuts down the rings with the application context.
 *
 * <p>Its phase ({@code disruptor.phase}, default {@link DisruptorProperties#DEFAULT_PHASE}) is below
 * the web server's, so rings run before the server takes traffic and keep running until it has
 * stopped. {@link #start()} starts every registered ring that is new or stopped, in registration order.
 * {@link #stop()} drains the rings in reverse order, each within its shutdown timeout (every accepted
 * event passes every stage, then the handler threads end), and then:
 * <ul>
 * <li>while the context closes, shuts them down for good ({@code Disruptor.shutdown});</li>
 * <li>otherwise ({@code stop()} or {@code pause()} of a running context, as Spring's test framework
 * pauses a cached context) only stops them ({@code Disruptor.stop}): the ring beans stay, publishing
 * into them fails fast with a {@code DisruptorClosedException} until the context starts again, and
 * then their handlers run on new threads from where they stopped.</li>
 * </ul>
 * Each ring logs one line when it has drained: how many events and how long it took; if it runs out
 * of time, the core logs, per handler, how many events were left. {@link #destroy()} shuts down every
 * ring not shut down yet, also after a stop and when the context fails to start, so handler threads
 * never outlive the context.
 */
public final class DisruptorLifecycle implements SmartLifecycle, DisposableBean, ApplicationContextAware {

    private static final Log logger = LogFactory.getLog(DisruptorLifecycle.class);

    private final DisruptorRegistry registry;
    private final DisruptorProperties properties;
    private @Nullable ConfigurableApplicationContext context;
    private volatile boolean running;

    /**
     * @param registry the rings to start and stop
     * @param properties the phase and the shutdown timeouts
     */
    public DisruptorLifecycle(DisruptorRegistry registry, DisruptorProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.context = applicationContext instanceof ConfigurableApplicationContext configurable ? configurable : null;
    }

    @Override
    public synchronized void start() {
        for (Disruptor<?> ring : registry.disruptors()) {
            DisruptorState state = ring.monitor().state();
            if (state == DisruptorState.NEW || state == DisruptorState.STOPPED) {
                ring.start();
                int threads = ring.monitor().handlers().stream().mapToInt(HandlerMonitor::concurrency).sum();
                logger.info((state == DisruptorState.NEW ? "Started " : "Restarted ") + ring + " on " + threads
                        + (threads == 1 ? " handler thread" : " handler threads")
                        + (state == DisruptorState.NEW ? "" : ", from sequence " + (ring.monitor().cursor() + 1)));
            }
        }
        running = true;
    }

    /**
     * Drains every running ring, the last registered first; shuts it down for good if the context is
     * closing, else stops it until the next {@link #start()}.
     */
    @Override
    public synchronized void stop() {
        running = false;
        boolean closing = context != null && context.isClosed();
        for (Disruptor<?> ring : upstreamFirst()) {
            DisruptorState state = ring.monitor().state();
            if (closing ? state != DisruptorState.TERMINATED : state == DisruptorState.RUNNING) {
                drain(ring, closing);
            }
        }
    }

    /**
     * Shuts down every ring that is not yet: after {@link #stop()}, a stopped ring ends for good; a
     * context that fails to start calls this without calling {@code stop()}.
     */
    @Override
    public synchronized void destroy() {
        running = false;
        for (Disruptor<?> ring : upstreamFirst()) {
            if (ring.monitor().state() != DisruptorState.TERMINATED) {
                drain(ring, true);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return properties.getPhase();
    }

    /** Rings that publish into other rings were registered after them, so this order drains them first. */
    private List<Disruptor<?>> upstreamFirst() {
        List<Disruptor<?>> rings = new ArrayList<>(registry.disruptors());
        Collections.reverse(rings);
        return rings;
    }

    private void drain(Disruptor<?> ring, boolean forGood) {
        Duration timeout = RingSettings.shutdownTimeout(ring.name(), properties);
        boolean wasRunning = ring.monitor().state() == DisruptorState.RUNNING;
        long pendingFrom = slowestSequence(ring);
        long began = System.nanoTime();
        boolean drained = forGood ? ring.shutdown(timeout) : ring.stop(timeout);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        long cursor = ring.monitor().cursor();
        if (!drained) {
            logger.warn("Ring '" + ring.name() + "' was stopped before draining within " + timeout + "; raise "
                    + "disruptor.rings." + ring.name() + ".shutdown-timeout or disruptor.shutdown-timeout if its "
                    + "handlers need longer" + (forGood ? "" : "; the events left are handled when the context starts"));
        } else if (wasRunning || forGood) {
            long events = Math.max(0, Math.min(cursor, slowestSequence(ring)) - pendingFrom);
            logger.info("Ring '" + ring.name() + "' drained " + events + (events == 1 ? " event" : " events") + " in "
                    + millis + " ms and " + (forGood ? "shut down"
                            : "stopped; it runs again from sequence " + (cursor + 1) + " when the context starts"));
        }
    }

    private static long slowestSequence(Disruptor<?> ring) {
        return ring.monitor().handlers().stream().mapToLong(HandlerMonitor::sequence).min().orElse(-1);
    }
}
