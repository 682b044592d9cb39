package io.github.disruptor.spring.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.disruptor.core.Disruptor;
import io.github.disruptor.core.DisruptorMonitor;
import io.github.disruptor.core.DisruptorState;
import io.github.disruptor.core.HandlerMonitor;
import io.github.disruptor.core.HandlerState;
import io.github.disruptor.spring.DisruptorRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code disruptor} Actuator endpoint: {@code GET /actuator/disruptor} describes every ring,
 * {@code GET /actuator/disruptor/{ring}} one ring (404 if there is none of that name). It reports
 * configuration, sequences and states, never event contents.
 */
@Endpoint(id = "disruptor", defaultAccess = Access.READ_ONLY)
public final class DisruptorEndpoint {

    private final DisruptorRegistry registry;
    private final List<DisruptorRingSources> sources;

    /** Creates the endpoint for the rings of {@code registry}. */
    public DisruptorEndpoint(DisruptorRegistry registry) {
        this(registry, List.of());
    }

    /** Creates the endpoint for the rings of {@code registry}, with what {@code sources} say feeds them. */
    public DisruptorEndpoint(DisruptorRegistry registry, List<DisruptorRingSources> sources) {
        this.registry = registry;
        this.sources = List.copyOf(sources);
    }

    /** Every ring, by name. */
    @ReadOperation
    public RingsDescriptor rings() {
        Map<String, RingDescriptor> rings = new TreeMap<>();
        for (Disruptor<?> disruptor : registry.disruptors()) {
            rings.put(disruptor.name(), describe(disruptor.monitor(), sourcesOf(disruptor.name())));
        }
        return new RingsDescriptor(rings);
    }

    /** The ring named {@code ring}, or {@code null} (HTTP 404) if there is none. */
    @ReadOperation
    public @Nullable RingDescriptor ring(@Selector String ring) {
        return registry.find(ring).map(disruptor -> describe(disruptor.monitor(), sourcesOf(ring))).orElse(null);
    }

    private @Nullable Map<String, Object> sourcesOf(String ring) {
        Map<String, Object> described = new LinkedHashMap<>();
        sources.forEach(source -> described.putAll(source.describe(ring)));
        return described.isEmpty() ? null : described;
    }

    private static RingDescriptor describe(DisruptorMonitor ring, @Nullable Map<String, Object> sources) {
        List<HandlerDescriptor> handlers = ring.handlers().stream().map(DisruptorEndpoint::describe).toList();
        return new RingDescriptor(ring.ringSize(), ring.producerType().name().toLowerCase(Locale.ROOT),
                ring.waitStrategy(), ring.cursor(), ring.remainingCapacity(), ring.state(), ring.rejectedPublishes(),
                ring.concurrentClaims(), handlers, sources);
    }

    private static HandlerDescriptor describe(HandlerMonitor handler) {
        List<ShardDescriptor> shards = handler.shards().stream()
                .map(shard -> new ShardDescriptor(shard.name(), shard.sequence(), shard.lag(), shard.state(),
                        shard.errorCount(), shard.retryCount(), shard.discardedCount(), shard.isThreadAlive()))
                .toList();
        return new HandlerDescriptor(handler.name(), handler.stage(), handler.concurrency(), handler.sequence(),
                handler.lag(), handler.state(), handler.errorCount(), handler.retryCount(), handler.discardedCount(),
                handler.isThreadAlive(), shards);
    }

    /**
     * Every ring, by name.
     *
     * @param rings the rings, sorted by name
     */
    public record RingsDescriptor(Map<String, RingDescriptor> rings) implements OperationResponseBody {
    }

    /**
     * One ring.
     *
     * @param ringSize the number of slots
     * @param sequencer {@code single} or {@code multi}
     * @param waitStrategy the handlers' wait strategy, such as {@code yielding}
     * @param cursor the highest claimed sequence, -1 before the first publish
     * @param remainingCapacity the slots a producer could claim now without waiting
     * @param state the ring's state
     * @param rejectedPublishes how many {@code tryPublish} calls found the ring full
     * @param concurrentClaims how many publishes a single-producer ring refused because another thread was
     *        claiming at the same time (always 0 with the multi-producer sequencer)
     * @param handlers one entry per declared handler, in stage order
     * @param sources what feeds the ring from outside the application, by kind (see {@link DisruptorRingSources});
     *        {@code null}, and so left out of the JSON, when nothing does
     */
    public record RingDescriptor(int ringSize, String sequencer, String waitStrategy, long cursor,
            long remainingCapacity, DisruptorState state, long rejectedPublishes, long concurrentClaims,
            List<HandlerDescriptor> handlers, @Nullable Map<String, Object> sources) implements OperationResponseBody {
    }

    /**
     * One handler as declared; a handler with {@code concurrency} N is one entry, with one
     * {@link ShardDescriptor} per thread in {@code shards}.
     *
     * @param name the handler's name
     * @param stage the handler's stage, from 0
     * @param concurrency how many threads share its events
     * @param sequence every event up to this sequence has been handled (by exactly one thread); -1 before
     *        the first
     * @param lag published events it has not finished yet (cursor minus sequence)
     * @param state the handler's state; for several threads, the most telling of theirs
     * @param errorCount exceptions it has thrown, retried attempts included
     * @param retryCount how many times it was given a failed event again
     * @param discardedCount failed events it discarded, which no handler behind it sees
     * @param threadAlive whether all its threads are alive
     * @param shards each thread of a handler with a concurrency above one, empty otherwise
     */
    public record HandlerDescriptor(String name, int stage, int concurrency, long sequence, long lag,
            HandlerState state, long errorCount, long retryCount, long discardedCount, boolean threadAlive,
            List<ShardDescriptor> shards) {
    }

    /**
     * One thread of a handler with a concurrency above one. It handles the sequences {@code i} modulo the
     * concurrency and passes the others, so its sequence is how far it has got, not how many events it
     * handled.
     *
     * @param name the handler's name with the thread's index, {@code name[i]}
     * @param sequence the last sequence it has passed
     * @param lag cursor minus sequence
     * @param state the thread's state
     * @param errorCount exceptions it has thrown
     * @param retryCount failed events it was given again
     * @param discardedCount failed events it discarded
     * @param threadAlive whether its thread is alive
     */
    public record ShardDescriptor(String name, long sequence, long lag, HandlerState state, long errorCount,
            long retryCount, long discardedCount, boolean threadAlive) {
    }
}
