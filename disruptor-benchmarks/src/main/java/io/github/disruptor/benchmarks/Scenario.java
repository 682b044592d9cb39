package io.github.disruptor.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * Everything the suite measures, in report order: which benchmark class runs with which fixed
 * parameters, which contenders take part, and the target ratios against LMAX and
 * {@code ArrayBlockingQueue} (0 where the issue sets none).
 */
enum Scenario {

    UNICAST_BUSY_SPIN("unicast 1P-1C, busy-spin", UnicastBenchmark.class, Map.of("waitStrategy", "busy-spin"),
            Contenders.ALL, 1.0, 10.0),
    UNICAST_YIELDING("unicast 1P-1C, yielding", UnicastBenchmark.class, Map.of("waitStrategy", "yielding"),
            Contenders.ALL, 1.0, 10.0),
    BATCH_10("unicast 1P-1C, batches of 10, busy-spin", UnicastBatchBenchmark.class, Map.of("batch", "10"),
            Contenders.DISRUPTORS, 1.2, 0),
    BATCH_100("unicast 1P-1C, batches of 100, busy-spin", UnicastBatchBenchmark.class, Map.of("batch", "100"),
            Contenders.DISRUPTORS, 1.2, 0),
    MULTI_PRODUCER("multi-producer 2P-1C, yielding", MultiProducerBenchmark.class, Map.of(), Contenders.ALL, 1.0, 0),
    PIPELINE("pipeline 1P-3 stages, yielding", PipelineBenchmark.class, Map.of(), Contenders.ALL, 1.0, 0),
    MULTICAST("multicast 1P-2C, yielding", MulticastBenchmark.class, Map.of(), Contenders.ALL, 1.0, 0),
    ROUND_TRIP("ping-pong round trip, busy-spin", PingPongLatencyBenchmark.class, Map.of(), Contenders.ALL, 0, 0),
    SPRING_LAYER("Spring layer, unicast 1P-1C, yielding", SpringLayerBenchmark.class, Map.of(),
            List.of("core", "spring-class-handler", "spring-method-handler"), 0, 0);

    private final String label;
    private final Class<?> benchmark;
    private final Map<String, String> parameters;
    private final List<String> contenders;
    private final double minimumRatioToLmax;
    private final double minimumRatioToQueue;

    Scenario(String label, Class<?> benchmark, Map<String, String> parameters, List<String> contenders,
            double minimumRatioToLmax, double minimumRatioToQueue) {
        this.label = label;
        this.benchmark = benchmark;
        this.parameters = parameters;
        this.contenders = contenders;
        this.minimumRatioToLmax = minimumRatioToLmax;
        this.minimumRatioToQueue = minimumRatioToQueue;
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

    boolean isThroughput() {
        return this != ROUND_TRIP && this != SPRING_LAYER;
    }

    /** The least ours/LMAX ratio the issue asks for, 0 if none. */
    double minimumRatioToLmax() {
        return minimumRatioToLmax;
    }

    /** The least ours/{@code ArrayBlockingQueue} ratio the issue asks for, 0 if none. */
    double minimumRatioToQueue() {
        return minimumRatioToQueue;
    }

    /** The contenders' names as the benchmarks spell them. */
    static final class Contenders {

        static final List<String> ALL = List.of("ours", "lmax", "abq", "jctools");
        static final List<String> DISRUPTORS = List.of("ours", "lmax");

        private Contenders() {
        }
    }
}
