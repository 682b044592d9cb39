package io.github.disruptor.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.spring.DisruptorRegistry;

/**
 * Starts and drains the rings with the application context.
 *
 * <p>Its phase ({@code disruptor.phase}, default {@link DisruptorProperties#DEFAULT_PHASE}) is below
 * the web server's, so rings run before the server takes traffic and keep running until it has
 * stopped. It starts every registered ring that is not started yet, in registration order. On stop,
 * it drains the rings in reverse order, each within its shutdown timeout: new publishes fail fast,
 * every accepted event passes every stage, the handler threads end. If a ring runs out of time, the
 * core logs, per handler, how many events were left. The context also calls {@link #destroy()} if it
 * fails to start, so handler threads never outlive it.
 */
public final class DisruptorLifecycle implements SmartLifecycle, DisposableBean {

    private static final Log logger = LogFactory.getLog(DisruptorLifecycle.class);

    private final DisruptorRegistry registry;
    private final DisruptorProperties properties;
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
    public void start() {
        for (Disruptor<?> ring : registry.disruptors()) {
            if (ring.monitor().state() == DisruptorState.NEW) {
                ring.start();
                int threads = ring.monitor().handlers().size();
                logger.info("Started " + ring + " on " + threads + (threads == 1 ? " handler thread" : " handler threads"));
            }
        }
        running = true;
    }

    /** Drains every ring not terminated yet, the last registered first. */
    @Override
    public void stop() {
        running = false;
        List<Disruptor<?>> rings = new ArrayList<>(registry.disruptors());
        Collections.reverse(rings);
        for (Disruptor<?> ring : rings) {
            if (ring.monitor().state() != DisruptorState.TERMINATED) {
                Duration timeout = RingSettings.shutdownTimeout(ring.name(), properties);
                if (!ring.shutdown(timeout)) {
                    logger.warn("Ring '" + ring.name() + "' was stopped before draining within " + timeout
                            + "; raise disruptor.rings." + ring.name() + ".shutdown-timeout or disruptor.shutdown-timeout"
                            + " if its handlers need longer");
                }
            }
        }
    }

    /** A context that fails to start calls this but not {@link #stop()}; after a stop there is nothing left. */
    @Override
    public void destroy() {
        stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return properties.getPhase();
    }
}
