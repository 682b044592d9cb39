package io.github.disruptor.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the suite measures, in report order: which benchmark class runs with which fixed
 * parameters, the {@link Workload} those parameters select (so that the interleaved comparison
 * drives exactly what the suite measures), which contenders take part, and the target ratios
 * against LMAX and {@code ArrayBlockingQueue} (0 where none is set).
 */
enum Scenario {

    UNICAST_BUSY_SPIN("unicast-busy-spin", "unicast 1P-1C, busy-spin", UnicastBenchmark.class,
            Map.of("waitStrategy", "busy-spin"), new Workload(Topology.UNICAST, Idle.BUSY_SPIN, 1),
            Contenders.ALL, 1.0, 10.0),
    UNICAST_YIELDING("unicast-yielding", "unicast 1P-1C, yielding", UnicastBenchmark.class,
            Map.of("waitStrategy", "yielding"), new Workload(Topology.UNICAST, Idle.YIELDING, 1),
            Contenders.ALL, 1.0, 10.0),
    BATCH_10("batch-10", "unicast 1P-1C, batches of 10, busy-spin", UnicastBatchBenchmark.class,
            Map.of("batch", "10"), new Workload(Topology.UNICAST, Idle.BUSY_SPIN, 10), Contenders.DISRUPTORS, 1.2, 0),
    BATCH_100("batch-100", "unicast 1P-1C, batches of 100, busy-spin", UnicastBatchBenchmark.class,
            Map.of("batch", "100"), new Workload(Topology.UNICAST, Idle.BUSY_SPIN, 100), Contenders.DISRUPTORS, 1.2, 0),
    MULTI_PRODUCER_2("multi-producer-2", "multi-producer 2P-1C, yielding", MultiProducerBenchmark.class,
            Map.of("producers", "2"), new Workload(Topology.multiProducer(2), Idle.YIELDING, 1), Contenders.ALL, 1.0, 0),
    MULTI_PRODUCER_3("multi-producer-3", "multi-producer 3P-1C, yielding", MultiProducerBenchmark.class,
            Map.of("producers", "3"), new Workload(Topology.multiProducer(3), Idle.YIELDING, 1), Contenders.ALL, 1.0, 0),
    PIPELINE("pipeline", "pipeline 1P-3 stages, yielding", PipelineBenchmark.class, Map.of(),
            new Workload(Topology.PIPELINE, Idle.YIELDING, 1), Contenders.ALL, 1.0, 0),
    MULTICAST("multicast", "multicast 1P-2C, yielding", MulticastBenchmark.class, Map.of(),
            new Workload(Topology.MULTICAST, Idle.YIELDING, 1), Contenders.ALL, 1.0, 0),
    ROUND_TRIP("round-trip", "ping-pong round trip, busy-spin", PingPongLatencyBenchmark.class, Map.of(), null,
            Contenders.ALL, 0, 0),
    SPRING_LAYER("spring-layer", "Spring layer, unicast 1P-1C, yielding", SpringLayerBenchmark.class, Map.of(),
            SpringLayerBenchmark.WORKLOAD, SpringLayerBenchmark.VARIANTS, 0, 0);

    private final String id;
    private final String label;
    private final Class<?> benchmark;
    private final Map<String, String> parameters;
    private final Workload workload;
    private final List<String> contenders;
    private final double minimumRatioToLmax;
    private final double minimumRatioToQueue;

    Scenario(String id, String label, Class<?> benchmark, Map<String, String> parameters, Workload workload,
            List<String> contenders, double minimumRatioToLmax, double minimumRatioToQueue) {
        this.id = id;
        this.label = label;
        this.benchmark = benchmark;
        this.parameters = parameters;
        this.workload = workload;
        this.contenders = contenders;
        this.minimumRatioToLmax = minimumRatioToLmax;
        this.minimumRatioToQueue = minimumRatioToQueue;
    }

    /** The short name on command lines and in {@code results.json}. */
    String id() {
        return id;
    }

    String label() {
        return label;
    }

    Class<?> benchmark() {
        return benchmark;
    }

    /** JMH parameters other than {@code contender}, fixed for this scenario. */
    Map<String, String> parameters() {
        return parameters;
    }

    /** Values of the benchmark's {@code contender} parameter, in display order. */
    List<String> contenders() {
        return contenders;
    }

    /** Whether this scenario is a row of the throughput table. */
    boolean isThroughput() {
        return this != ROUND_TRIP && this != SPRING_LAYER;
    }

    /** Whether this scenario moves events through a flow in timed blocks (every one but the round trip). */
    boolean hasWorkload() {
        return workload != null;
    }

    /** @throws IllegalStateException for the round trip, which is no flow of events */
    Workload workload() {
        if (workload == null) {
            throw new IllegalStateException(label + " measures round trips, not a flow of events");
        }
        return workload;
    }

    /** A flow of {@code contender} for this scenario's workload, waiting with {@code idle}. */
    EventFlow createFlow(String contender, Idle idle) {
        if (this == SPRING_LAYER) {
            if (idle != workload.idle()) {
                throw new IllegalArgumentException("the Spring layer's rings wait by " + workload.idle().label()
                        + " only, not by " + idle.label());
            }
            return SpringLayerBenchmark.flow(contender);
        }
        return EventFlow.create(contender, workload().waiting(idle));
    }

    /** The least ours/LMAX ratio the targets ask for, 0 if none. */
    double minimumRatioToLmax() {
        return minimumRatioToLmax;
    }

    /** The least ours/{@code ArrayBlockingQueue} ratio the targets ask for, 0 if none. */
    double minimumRatioToQueue() {
        return minimumRatioToQueue;
    }

    /** @throws IllegalArgumentException naming the id and every known one, if none has it */
    static Scenario byId(String id) {
        return Arrays.stream(values()).filter(scenario -> scenario.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; expected one of "
                        + ids()));
    }

    static String ids() {
        return Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "));
    }

    /** The contenders' names as the benchmarks spell them. */
    static final class Contenders {

        static final List<String> ALL = List.of("ours", "lmax", "abq", "jctools");
        static final List<String> DISRUPTORS = List.of("ours", "lmax");

        private Contenders() {
        }
    }
}
