package io.github.disruptor.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A diagnostic for trying a change to the core in minutes, not a source of published figures (those
 * come from the JMH suite): runs the contenders of one throughput scenario in a single JVM, block
 * after block, each block a fresh flow timed over a few million events, the contenders' order
 * rotated every block. Two contenders' blocks are then a fraction of a second apart instead of the
 * seconds between the suite's forks.
 *
 * <p>On small virtual machines a block lands in a fast or a slow mode (a factor of about three) for
 * every library alike, and the mode can change from one block to the next within one JVM. So the
 * summary splits the blocks by mode (two clusters of the logarithm of the scores) and pairs a
 * contender's block with the first contender's block of the same round only when both are in the
 * same mode.
 *
 * <p>Usage: {@code java -cp disruptor-benchmarks/target/benchmarks.jar
 * io.github.disruptor.benchmarks.InterleavedComparison [scenario=unicast] [wait=yielding] [blocks=16]
 * [invocations=10] [contenders=lmax,ours]}
 */
public final class InterleavedComparison {

    private static final int WARM_UP_BLOCKS = 4;
    /** Cluster means closer than this are one mode, not two. */
    private static final double MINIMUM_MODE_SEPARATION = 1.8;

    private final Options options;

    private InterleavedComparison(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException invalid) {
            System.err.println(invalid.getMessage());
            System.exit(2);
            return;
        }
        new InterleavedComparison(options).run();
    }

    private void run() {
        List<String> contenders = options.contenders();
        double[][] scores = new double[contenders.size()][options.blocks()];
        for (int block = -WARM_UP_BLOCKS; block < options.blocks(); block++) {
            StringBuilder line = new StringBuilder(block < 0 ? "warm-up" : "block " + block);
            for (int i = 0; i < contenders.size(); i++) {
                int contender = (i + Math.floorMod(block, contenders.size())) % contenders.size();
                double score = timeOneBlock(contenders.get(contender));
                line.append(String.format(Locale.ROOT, "  %s %.1f", contenders.get(contender), score));
                if (block >= 0) {
                    scores[contender][block] = score;
                }
            }
            System.out.println(line);
        }
        System.out.print(summary(contenders, scores));
    }

    /** Millions of events consumed per second over one block, in a flow built for this block only. */
    private double timeOneBlock(String contender) {
        EventFlow flow = EventFlow.create(contender, options.topology(), options.idle());
        try {
            // one untimed invocation, so that the consumer threads are running before the clock starts
            flow.publish(ThroughputBenchmark.EVENTS, 1);
            long published = ThroughputBenchmark.EVENTS;
            flow.awaitConsumed(published);
            long start = System.nanoTime();
            for (int k = 0; k < options.invocations(); k++) {
                flow.publish(ThroughputBenchmark.EVENTS, 1);
                published += ThroughputBenchmark.EVENTS;
                flow.awaitConsumed(published);
            }
            long elapsed = System.nanoTime() - start;
            return (double) options.invocations() * ThroughputBenchmark.EVENTS * 1_000 / elapsed;
        } finally {
            flow.close();
            System.gc(); // the next block's ring should not be allocated into this one's leftovers
        }
    }

    static String summary(List<String> contenders, double[][] scores) {
        double threshold = modeThreshold(Arrays.stream(scores).flatMapToDouble(Arrays::stream).toArray());
        StringBuilder out = new StringBuilder(Double.isInfinite(threshold) ? "one mode\n"
                : String.format(Locale.ROOT, "two modes, split at %.1f M events/s%n", threshold));
        for (boolean fast : new boolean[] {false, true}) {
            for (int c = 0; c < contenders.size(); c++) {
                double[] own = inMode(scores[c], threshold, fast);
                if (own.length == 0) {
                    continue;
                }
                String mode = Double.isInfinite(threshold) ? "all" : fast ? "fast" : "slow";
                out.append(String.format(Locale.ROOT, "%-5s %-10s %2d blocks, median %7.1f M events/s", mode,
                        contenders.get(c), own.length, PairedRatio.median(own)));
                if (c > 0) {
                    out.append(pairedWithFirst(contenders, scores, c, threshold, fast));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String pairedWithFirst(List<String> contenders, double[][] scores, int c, double threshold,
            boolean fast) {
        List<double[]> pairs = new ArrayList<>();
        for (int block = 0; block < scores[c].length; block++) {
            if (isFast(scores[c][block], threshold) == fast && isFast(scores[0][block], threshold) == fast) {
                pairs.add(new double[] {scores[c][block], scores[0][block]});
            }
        }
        if (pairs.isEmpty()) {
            return "";
        }
        PairedRatio ratio = PairedRatio.of(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
        return String.format(Locale.ROOT, "   / %s: %s over %d paired blocks", contenders.get(0), ratio.format(),
                pairs.size());
    }

    /**
     * The score separating the slow mode from the fast one: the geometric midpoint of two clusters of
     * the logarithms (two-means), or positive infinity when the clusters are too close to be two modes.
     */
    static double modeThreshold(double[] scores) {
        double[] logs = Arrays.stream(scores).filter(s -> s > 0).map(Math::log).sorted().toArray();
        if (logs.length < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double low = logs[0];
        double high = logs[logs.length - 1];
        for (int iteration = 0; iteration < 100; iteration++) {
            double split = (low + high) / 2;
            double newLow = Arrays.stream(logs).filter(v -> v <= split).average().orElse(low);
            double newHigh = Arrays.stream(logs).filter(v -> v > split).average().orElse(high);
            if (newLow == low && newHigh == high) {
                break;
            }
            low = newLow;
            high = newHigh;
        }
        return high - low < Math.log(MINIMUM_MODE_SEPARATION) ? Double.POSITIVE_INFINITY : Math.exp((low + high) / 2);
    }

    private static boolean isFast(double score, double threshold) {
        return score > threshold;
    }

    private static double[] inMode(double[] scores, double threshold, boolean fast) {
        return Arrays.stream(scores).filter(s -> isFast(s, threshold) == fast).toArray();
    }

    /** The command line, validated. */
    record Options(Topology topology, Idle idle, int blocks, int invocations, List<String> contenders) {

        private static final Map<String, Topology> SCENARIOS = Map.of(
                "unicast", Topology.UNICAST, "pipeline", Topology.PIPELINE, "multicast", Topology.MULTICAST);
        private static final List<String> KEYS = List.of("scenario", "wait", "blocks", "invocations", "contenders");

        static Options parse(String... args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("scenario", "unicast", "wait", "yielding",
                    "blocks", "16", "invocations", "10", "contenders", "lmax,ours"));
            for (String arg : args) {
                int equals = arg.indexOf('=');
                String key = equals < 0 ? arg : arg.substring(0, equals);
                if (equals < 0 || !KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'; expected key=value with a key out of "
                            + KEYS);
                }
                values.put(key, arg.substring(equals + 1));
            }
            Topology topology = SCENARIOS.get(values.get("scenario"));
            if (topology == null) {
                throw new IllegalArgumentException("scenario='" + values.get("scenario") + "' is not one of "
                        + SCENARIOS.keySet() + " (the single-producer scenarios)");
            }
            List<String> contenders = List.of(values.get("contenders").split(","));
            if (contenders.size() < 2 || contenders.stream().distinct().count() != contenders.size()) {
                throw new IllegalArgumentException("contenders='" + values.get("contenders")
                        + "' must name at least two different contenders, the first being the reference");
            }
            return new Options(topology, Idle.of(values.get("wait")), positive(values, "blocks"),
                    positive(values, "invocations"), contenders);
        }

        private static int positive(Map<String, String> values, String key) {
            try {
                int value = Integer.parseInt(values.get(key));
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the value and what is accepted
            }
            throw new IllegalArgumentException(key + "='" + values.get(key) + "' must be a positive whole number");
        }
    }
}
