package io.github.disruptor.spring;

import java.util.concurrent.ThreadFactory;

/**
 * Chooses the threads a ring's handlers run on. Declare one or more as beans; each ring passes its
 * thread factory through every customizer, in their order ({@code @Order}, {@code Ordered}), and
 * starts its handlers on what the last one returned:
 *
 * <pre>{@code
 * @Bean
 * DisruptorThreadFactoryCustomizer pinnedOrders() {
 *     return (ring, threads) -> !ring.equals("orders") ? threads : handler -> {
 *         Thread thread = threads.newThread(handler);
 *         thread.setPriority(Thread.MAX_PRIORITY);
 *         return thread;
 *     };
 * }
 * }</pre>
 *
 * The {@link Runnable} a factory gets is the handler's processor, an
 * {@code io.github.disruptor.core.HandlerMonitor}: its {@code name()} is the handler's name (with
 * {@code [i]} for each thread of a handler with {@code concurrency}), to pin or name threads per handler.
 * A factory is asked for one thread per handler thread when the ring starts, never per event.
 *
 * <p>Handlers run on platform threads only: a factory that returns a virtual thread stops startup.
 * A handler thread lives as long as its ring and waits for events on the ring's wait strategy; on a
 * virtual thread a spinning strategy would hold a carrier thread forever, and a parking one would add a
 * scheduling hop to every wake-up.
 */
@FunctionalInterface
public interface DisruptorThreadFactoryCustomizer {

    /**
     * @param ringName the ring whose handler threads {@code threadFactory} makes
     * @param threadFactory the ring's factory so far: the starter's (platform, non-daemon threads named
     *        {@code disruptor-<ring>-<handler>}), or what the customizers before this one returned
     * @return the factory to use: {@code threadFactory} itself to leave the ring's threads as they are
     */
    ThreadFactory customize(String ringName, ThreadFactory threadFactory);
}
