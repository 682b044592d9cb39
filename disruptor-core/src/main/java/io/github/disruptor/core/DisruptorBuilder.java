package io.github.disruptor.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Describes a disruptor step by step, in the shape of the Rust {@code disruptor-rs} builder: the
 * ring, the wait strategy, the sequencer, then one {@code withBarrier} call per stage.
 *
 * <pre>{@code
 * Disruptor<LongEvent> disruptor = DisruptorBuilder.withRingBuffer(1024, LongEvent::new)
 *         .withBusySpinWaitStrategy()
 *         .withSingleProducerSequencer()
 *         .withBarrier(scope -> scope.handleEvents(journal).handleEvents(replicate))
 *         .withBarrier(scope -> scope.handleEvents(businessLogic))
 *         .build();
 * }</pre>
 *
 * Defaults: the blocking wait strategy, the multi-producer sequencer, the log-and-continue exception
 * policy, one platform thread per handler named {@code disruptor-<name>-<handler>}.
 *
 * @param <E> the event type
 */
public final class DisruptorBuilder<E> {

    private static final int MAX_RING_SIZE = 1 << 30;
    private static final AtomicInteger UNNAMED = new AtomicInteger();

    private final int ringSize;
    private final Supplier<? extends E> eventFactory;
    private final List<BarrierScope<E>> stages = new ArrayList<>();
    private String name;
    private WaitStrategy waitStrategy = new BlockingWaitStrategy();
    private ProducerType producerType = ProducerType.MULTI;
    private ThreadFactory threadFactory;
    private ExceptionHandler exceptionHandler = ExceptionHandler.logAndContinue();

    private DisruptorBuilder(int ringSize, Supplier<? extends E> eventFactory) {
        this.ringSize = ringSize;
        this.eventFactory = eventFactory;
    }

    /**
     * Starts a builder for a ring of {@code ringSize} events, each created once by {@code eventFactory}.
     *
     * @param ringSize a power of two, from 1 to 2^30
     * @param eventFactory creates the pre-allocated events; called {@code ringSize} times by {@link #build()}
     * @throws IllegalArgumentException if {@code ringSize} is not a power of two in range; the message
     *         names the nearest powers of two
     */
    public static <E> DisruptorBuilder<E> withRingBuffer(int ringSize, Supplier<E> eventFactory) {
        Objects.requireNonNull(eventFactory, "eventFactory");
        checkRingSize(ringSize);
        return new DisruptorBuilder<>(ringSize, eventFactory);
    }

    /**
     * Checks a ring size, for callers that validate configuration before building.
     *
     * @throws IllegalArgumentException naming the size and the nearest powers of two
     */
    public static void checkRingSize(int ringSize) {
        if (ringSize < 1) {
            throw new IllegalArgumentException(
                    "ring size must be a positive power of two, was " + ringSize + "; for example 1024");
        }
        if (ringSize > MAX_RING_SIZE) {
            throw new IllegalArgumentException(
                    "ring size must be at most 2^30 (" + MAX_RING_SIZE + "), was " + ringSize);
        }
        if (Integer.bitCount(ringSize) != 1) {
            int lower = Integer.highestOneBit(ringSize);
            throw new IllegalArgumentException("ring size must be a power of two, was " + ringSize
                    + "; the nearest powers of two are " + lower + " and " + (lower << 1));
        }
    }

    /** Names the disruptor, for thread names, log lines and metrics. Default: {@code disruptor-<n>}. */
    public DisruptorBuilder<E> withName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("disruptor name must not be blank, was '" + name + "'");
        }
        this.name = name;
        return this;
    }

    /** Handlers spin on {@link Thread#onSpinWait()}; see {@link BusySpinWaitStrategy}. */
    public DisruptorBuilder<E> withBusySpinWaitStrategy() {
        return withWaitStrategy(new BusySpinWaitStrategy());
    }

    /** Handlers spin, then yield; see {@link YieldingWaitStrategy}. */
    public DisruptorBuilder<E> withYieldingWaitStrategy() {
        return withWaitStrategy(new YieldingWaitStrategy());
    }

    /** Handlers spin, yield, then park briefly; see {@link SleepingWaitStrategy}. */
    public DisruptorBuilder<E> withSleepingWaitStrategy() {
        return withWaitStrategy(new SleepingWaitStrategy());
    }

    /** Handlers park until signalled; see {@link BlockingWaitStrategy}. The default. */
    public DisruptorBuilder<E> withBlockingWaitStrategy() {
        return withWaitStrategy(new BlockingWaitStrategy());
    }

    /** Uses {@code waitStrategy}; one instance per disruptor. */
    public DisruptorBuilder<E> withWaitStrategy(WaitStrategy waitStrategy) {
        this.waitStrategy = Objects.requireNonNull(waitStrategy, "waitStrategy");
        return this;
    }

    /** Only one thread publishes at a time; the fastest sequencer. */
    public DisruptorBuilder<E> withSingleProducerSequencer() {
        return withProducerType(ProducerType.SINGLE);
    }

    /** Any number of threads publish concurrently. The default. */
    public DisruptorBuilder<E> withMultiProducerSequencer() {
        return withProducerType(ProducerType.MULTI);
    }

    /** Chooses the sequencer by type. */
    public DisruptorBuilder<E> withProducerType(ProducerType producerType) {
        this.producerType = Objects.requireNonNull(producerType, "producerType");
        return this;
    }

    /**
     * The thread factory a disruptor named {@code disruptorName} uses unless told otherwise: platform,
     * non-daemon threads named {@code disruptor-<name>-<handler>} (a shard is {@code <handler>[i]}).
     * For a custom factory that wraps it.
     */
    public static ThreadFactory defaultThreadFactory(String disruptorName) {
        return new HandlerThreadFactory(Objects.requireNonNull(disruptorName, "disruptorName"));
    }

    /**
     * Creates the handler threads; one thread per handler (per shard) is asked for at every start.
     * Default: {@link #defaultThreadFactory(String)}.
     */
    public DisruptorBuilder<E> withThreadFactory(ThreadFactory threadFactory) {
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
        return this;
    }

    /** The exception policy of every handler that does not set its own. */
    public DisruptorBuilder<E> withExceptionHandler(ExceptionHandler exceptionHandler) {
        this.exceptionHandler = Objects.requireNonNull(exceptionHandler, "exceptionHandler");
        return this;
    }

    /**
     * Declares the next stage: its handlers run in parallel and wait for every handler of the stage
     * before (the first stage waits for the producers).
     */
    public DisruptorBuilder<E> withBarrier(Consumer<BarrierScope<E>> stage) {
        Objects.requireNonNull(stage, "stage");
        BarrierScope<E> scope = new BarrierScope<>(stages.size());
        stage.accept(scope);
        if (scope.handlers().isEmpty()) {
            throw new IllegalArgumentException("withBarrier #" + stages.size()
                    + " declared no handler; call scope.handleEvents(...) at least once");
        }
        stages.add(scope);
        return this;
    }

    /**
     * Builds the disruptor: allocates the ring and every event, wires the barriers. Threads start with
     * {@link Disruptor#start()}.
     *
     * @throws IllegalArgumentException if no stage was declared, two handlers are given the same name explicitly, or a
     *         dependency names a handler not declared in an earlier stage
     */
    public Disruptor<E> build() {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a disruptor needs at least one handler; declare one with "
                    + "withBarrier(scope -> scope.handleEvents(handler))");
        }
        String disruptorName = name != null ? name : "disruptor-" + UNNAMED.incrementAndGet();
        Sequencer sequencer = producerType == ProducerType.SINGLE
                ? new SingleProducerSequencer(disruptorName, ringSize, waitStrategy)
                : new MultiProducerSequencer(disruptorName, ringSize, waitStrategy);
        RingBuffer<E> ringBuffer = new RingBuffer<>(ringSize, eventFactory, sequencer);

        Set<String> explicitNames = explicitNames();
        Map<String, Node> byName = new LinkedHashMap<>();
        List<Node> previousStage = List.of();
        List<Node> all = new ArrayList<>();
        Set<Sequence> depended = new HashSet<>();
        List<HandlerGroup<E>> groups = new ArrayList<>();
        Map<String, EventPoller<E>> pollers = new LinkedHashMap<>();
        List<HandlerMonitor> views = new ArrayList<>();
        for (BarrierScope<E> scope : stages) {
            List<Node> thisStage = new ArrayList<>();
            for (BarrierScope.HandlerSpec<E> spec : scope.handlers()) {
                String handlerName = spec.explicitName() ? spec.name() : derivedName(spec.name(), byName.keySet(),
                        explicitNames);
                List<Node> upstream = upstreamOf(spec, handlerName, previousStage, byName);
                Sequence[] upstreamSequences = upstream.stream().flatMap(node -> List.of(node.sequences()).stream())
                        .toArray(Sequence[]::new);
                depended.addAll(List.of(upstreamSequences));
                boolean firstStage = upstreamSequences.length == 0;
                Sequence dependency = firstStage ? sequencer.cursor : SequenceGroup.of(upstreamSequences);
                Set<DiscardMarks> respected = new LinkedHashSet<>();
                respected.add(ringBuffer.producerDiscards());
                upstream.forEach(node -> respected.addAll(node.discardsForDownstream()));
                DiscardMarks[] upstreamDiscards = respected.toArray(DiscardMarks[]::new);
                Node node;
                if (spec.isPoller()) {
                    EventPoller<E> poller = new EventPoller<>(handlerName, spec.stage(), ringBuffer, sequencer,
                            dependency, firstStage, upstreamDiscards);
                    pollers.put(handlerName, poller);
                    views.add(poller.monitor());
                    node = new Node(new Sequence[] {poller.sequenceRef()}, List.copyOf(respected));
                } else {
                    HandlerOptions options = spec.options();
                    ExceptionHandler handlerExceptions = options.exceptionHandler() != null
                            ? options.exceptionHandler() : exceptionHandler;
                    HandlerGroup<E> group = new HandlerGroup<>(handlerName, spec.stage(), spec.handler(), options,
                            handlerExceptions, ringBuffer, sequencer, dependency, firstStage, upstreamDiscards);
                    groups.add(group);
                    views.add(group);
                    respected.add(group.discards);
                    node = new Node(group.sequences(), List.copyOf(respected));
                }
                byName.put(handlerName, node);
                thisStage.add(node);
            }
            all.addAll(thisStage);
            previousStage = thisStage;
        }
        Sequence[] gating = all.stream().flatMap(node -> List.of(node.sequences()).stream())
                .filter(sequence -> !depended.contains(sequence)).toArray(Sequence[]::new);
        sequencer.setGatingSequences(gating);
        ThreadFactory factory = threadFactory != null ? threadFactory : defaultThreadFactory(disruptorName);
        List<BatchEventProcessor<E>> processors = groups.stream().flatMap(group -> group.processors().stream()).toList();
        return new Disruptor<>(disruptorName, ringBuffer, sequencer, producerType, views, pollers,
                new Lifecycle(disruptorName, sequencer, processors, views, factory));
    }

    /**
     * A declared handler or poller as the handlers behind it see it: the sequences to wait for, and the
     * discard marks that hide events from them (every mark it respects, plus its own).
     */
    private record Node(Sequence[] sequences, List<DiscardMarks> discardsForDownstream) {
    }

    /** Every explicitly given name, checked for duplicates before any name is derived. */
    private Set<String> explicitNames() {
        Set<String> names = new LinkedHashSet<>();
        for (BarrierScope<E> scope : stages) {
            for (BarrierScope.HandlerSpec<E> spec : scope.handlers()) {
                if (spec.explicitName() && !names.add(spec.name())) {
                    throw new IllegalArgumentException("handler name '" + spec.name() + "' is used twice; names "
                            + "given to handleEvents(name, handler) must be unique within a disruptor (given: "
                            + String.join(", ", names) + ")");
                }
            }
        }
        return names;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... : the first that no handler has taken or was given. */
    private static String derivedName(String base, Set<String> taken, Set<String> explicit) {
        String candidate = base;
        for (int suffix = 2; taken.contains(candidate) || explicit.contains(candidate); suffix++) {
            candidate = base + "-" + suffix;
        }
        return candidate;
    }

    private static List<Node> upstreamOf(BarrierScope.HandlerSpec<?> spec, String handlerName, List<Node> previousStage,
            Map<String, Node> declared) {
        List<String> dependencies = spec.options().dependencies();
        if (dependencies.isEmpty()) {
            return previousStage;
        }
        List<Node> upstream = new ArrayList<>();
        for (String dependency : dependencies) {
            Node node = declared.get(dependency);
            if (node == null) {
                throw new IllegalArgumentException("handler '" + handlerName + "' depends on '" + dependency
                        + "', which is not declared before it (declared so far: "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())) + ")");
            }
            upstream.add(node);
        }
        return upstream;
    }

    /** Names handler threads {@code disruptor-<ring>-<handler>}. */
    private static final class HandlerThreadFactory implements ThreadFactory {

        private final String prefix;

        HandlerThreadFactory(String disruptorName) {
            this.prefix = "disruptor-" + disruptorName + "-";
        }

        @Override
        public Thread newThread(Runnable processor) {
            String handler = processor instanceof HandlerMonitor monitor ? monitor.name() : "handler";
            return new Thread(processor, prefix + handler);
        }
    }
}
