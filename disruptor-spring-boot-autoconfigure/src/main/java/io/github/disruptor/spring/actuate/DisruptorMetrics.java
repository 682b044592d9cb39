package io.github.disruptor.spring.actuate;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorMonitor;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.spring.DisruptorRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the meters of every ring in a {@link DisruptorRegistry}, including rings registered after
 * binding. Every meter is a gauge or a function counter over a value the engine keeps anyway (the
 * cursor, a handler's sequence, its error, retry and discard counts), read only when the registry is
 * scraped: publishing and handling do no extra work.
 *
 * <p>A handler that runs on several threads ({@code concurrency} above one) is one series, as declared:
 * its sequence is its slowest thread's (every event up to it has been handled, by exactly one thread)
 * and its counts are summed over its threads, so a sum over handlers never counts an event twice. The
 * endpoint shows each thread.
 */
public final class DisruptorMetrics implements MeterBinder {

    /** The base unit of every meter; Prometheus names do not carry it (see the auto-configuration). */
    static final String BASE_UNIT = BaseUnits.EVENTS;

    /** The common prefix of every meter name. */
    static final String PREFIX = "disruptor.";

    private final DisruptorRegistry registry;

    /** Creates a binder for the rings of {@code registry}. */
    public DisruptorMetrics(DisruptorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        registry.onRegistration(disruptor -> bind(disruptor, meterRegistry));
    }

    private static void bind(Disruptor<?> disruptor, MeterRegistry meterRegistry) {
        DisruptorMonitor ring = disruptor.monitor();
        Tags ringTag = Tags.of("ring", ring.name());
        Gauge.builder("disruptor.ring.capacity", ring, DisruptorMonitor::ringSize)
                .description("Slots in the ring").baseUnit(BASE_UNIT).tags(ringTag)
                .register(meterRegistry);
        Gauge.builder("disruptor.ring.remaining", ring, DisruptorMonitor::remainingCapacity)
                .description("Slots a producer could claim now without waiting").baseUnit(BASE_UNIT).tags(ringTag)
                .register(meterRegistry);
        FunctionCounter.builder("disruptor.events.published", ring, monitor -> monitor.cursor() + 1)
                .description("Events claimed by producers (the cursor + 1)").baseUnit(BASE_UNIT).tags(ringTag)
                .register(meterRegistry);
        FunctionCounter.builder("disruptor.publish.rejected", ring, DisruptorMonitor::rejectedPublishes)
                .description("tryPublish calls that found the ring full").baseUnit(BASE_UNIT).tags(ringTag)
                .register(meterRegistry);
        FunctionCounter.builder("disruptor.publish.concurrent.claims", ring, DisruptorMonitor::concurrentClaims)
                .description("Publishes a single-producer ring refused because another thread was claiming at the "
                        + "same time: the ring needs sequencer multi")
                .baseUnit(BASE_UNIT).tags(ringTag).register(meterRegistry);
        // Each meter holds its handler's view: a scrape never calls handlers(), which copies the list.
        for (HandlerMonitor handler : ring.handlers()) {
            Tags handlerTags = ringTag.and("handler", handler.name());
            Gauge.builder("disruptor.handler.lag", handler, HandlerMonitor::lag)
                    .description("Published events the handler has not finished (cursor - handler sequence)")
                    .baseUnit(BASE_UNIT).tags(handlerTags.and("stage", Integer.toString(handler.stage())))
                    .register(meterRegistry);
            FunctionCounter.builder("disruptor.events.processed", handler, monitor -> monitor.sequence() + 1)
                    .description("Events the handler has finished (its sequence + 1)").baseUnit(BASE_UNIT)
                    .tags(handlerTags).register(meterRegistry);
            FunctionCounter.builder("disruptor.handler.errors", handler, HandlerMonitor::errorCount)
                    .description("Exceptions thrown by the handler, retried attempts included").baseUnit(BASE_UNIT)
                    .tags(handlerTags).register(meterRegistry);
            FunctionCounter.builder("disruptor.handler.retries", handler, HandlerMonitor::retryCount)
                    .description("Failed events handed to the handler again by its retry policy").baseUnit(BASE_UNIT)
                    .tags(handlerTags).register(meterRegistry);
            FunctionCounter.builder("disruptor.handler.discarded", handler, HandlerMonitor::discardedCount)
                    .description("Failed events the handler discarded: no handler behind it saw them")
                    .baseUnit(BASE_UNIT).tags(handlerTags).register(meterRegistry);
        }
    }
}
