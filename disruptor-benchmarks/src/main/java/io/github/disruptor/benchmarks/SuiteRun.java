package io.github.disruptor.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * What one suite run measured: for every scenario, contender and round, the score of that round's
 * fork (the mean of its measurement iterations), the round-trip histograms of every round, and the
 * bytes allocated per event.
 */
final class SuiteRun {

    private final Instant started;
    private final int rounds;
    private final String settings;
    private final Map<Scenario, Map<String, double[]>> scores = new EnumMap<>(Scenario.class);
    private final Map<String, List<Histogram>> roundTrips = new LinkedHashMap<>();
    private final Map<String, Double> allocations = new LinkedHashMap<>();

    /**
     * @param settings the JMH version, warm-up and measurement, as the report should state them
     */
    SuiteRun(Instant started, int rounds, String settings) {
        this.started = started;
        this.rounds = rounds;
        this.settings = settings;
    }

    void recordScore(Scenario scenario, String contender, int round, double score) {
        scores.computeIfAbsent(scenario, key -> new LinkedHashMap<>())
                .computeIfAbsent(contender, key -> filledWithNaN(rounds))[round] = score;
    }

    /** Adds one round's histogram of {@code contender}; rounds must be added in order. */
    void recordRoundTrips(String contender, Histogram histogram) {
        roundTrips.computeIfAbsent(contender, key -> new ArrayList<>()).add(histogram);
    }

    void recordAllocation(String label, double bytesPerEvent) {
        allocations.put(label, bytesPerEvent);
    }

    Instant started() {
        return started;
    }

    int rounds() {
        return rounds;
    }

    String settings() {
        return settings;
    }

    /** The per-round scores of {@code contender} in {@code scenario}, empty if it did not take part. */
    double[] scores(Scenario scenario, String contender) {
        return scores.getOrDefault(scenario, Map.of()).getOrDefault(contender, new double[0]);
    }

    /** The per-round values of one round-trip statistic, such as a percentile. */
    double[] roundTrips(String contender, ToDoubleFunction<Histogram> statistic) {
        return roundTrips.getOrDefault(contender, List.of()).stream().mapToDouble(statistic).toArray();
    }

    /** Every round of {@code contender} in one histogram; {@code null} if it has none. */
    Histogram allRoundTrips(String contender) {
        List<Histogram> histograms = roundTrips.get(contender);
        if (histograms == null || histograms.isEmpty()) {
            return null;
        }
        Histogram all = new Histogram(histograms.get(0).getHighestTrackableValue(),
                histograms.get(0).getNumberOfSignificantValueDigits());
        histograms.forEach(all::add);
        return all;
    }

    Map<String, Double> allocations() {
        return allocations;
    }

    /** The ratio {@code numerator / denominator}, paired round by round. */
    PairedRatio ratio(Scenario scenario, String numerator, String denominator) {
        return PairedRatio.of(scores(scenario, numerator), scores(scenario, denominator));
    }

    boolean has(Scenario scenario, String contender) {
        return scores(scenario, contender).length > 0;
    }

    private static double[] filledWithNaN(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
