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
 * What one suite run measured, on which machine and JVM: for every scenario, contender and round,
 * the score of that round's fork (the mean of its measurement iterations), every round's round-trip
 * histogram, and the bytes allocated per event.
 */
final class SuiteRun {

    private final Instant started;
    private final SuiteSettings settings;
    private final MachineDescription machine;
    private final JvmDescription jvm;
    private final Map<Scenario, Map<String, double[]>> scores = new EnumMap<>(Scenario.class);
    private final Map<String, List<Histogram>> roundTrips = new LinkedHashMap<>();
    private final Map<Scenario, Double> allocations = new EnumMap<>(Scenario.class);

    /**
     * @param jvm the JVM the forks ran on (not necessarily the one that ran JMH's runner)
     */
    SuiteRun(Instant started, SuiteSettings settings, MachineDescription machine, JvmDescription jvm) {
        this.started = started;
        this.settings = settings;
        this.machine = machine;
        this.jvm = jvm;
    }

    void recordScore(Scenario scenario, String contender, int round, double score) {
        scores.computeIfAbsent(scenario, key -> new LinkedHashMap<>())
                .computeIfAbsent(contender, key -> filledWithNaN(rounds()))[round] = score;
    }

    /** Adds one round's histogram of {@code contender}; rounds must be added in order. */
    void recordRoundTrips(String contender, Histogram histogram) {
        roundTrips.computeIfAbsent(contender, key -> new ArrayList<>()).add(histogram);
    }

    void recordAllocation(Scenario scenario, double bytesPerEvent) {
        allocations.put(scenario, bytesPerEvent);
    }

    Instant started() {
        return started;
    }

    SuiteSettings settings() {
        return settings;
    }

    int rounds() {
        return settings.rounds();
    }

    MachineDescription machine() {
        return machine;
    }

    JvmDescription jvm() {
        return jvm;
    }

    /** The per-round scores of {@code contender} in {@code scenario}, empty if it did not take part. */
    double[] scores(Scenario scenario, String contender) {
        return scores.getOrDefault(scenario, Map.of()).getOrDefault(contender, new double[0]);
    }

    /** The contenders with scores in {@code scenario}, in the order they were first recorded. */
    List<String> contenders(Scenario scenario) {
        return List.copyOf(scores.getOrDefault(scenario, Map.of()).keySet());
    }

    /** The contenders with round-trip histograms. */
    List<String> roundTripContenders() {
        return List.copyOf(roundTrips.keySet());
    }

    /** Every round's histogram of {@code contender}, in round order; empty if it has none. */
    List<Histogram> roundTripHistograms(String contender) {
        return roundTrips.getOrDefault(contender, List.of());
    }

    /** The per-round values of one round-trip statistic, such as a percentile. */
    double[] roundTrips(String contender, ToDoubleFunction<Histogram> statistic) {
        return roundTripHistograms(contender).stream().mapToDouble(statistic).toArray();
    }

    /** Every round of {@code contender} in one histogram; {@code null} if it has none. */
    Histogram allRoundTrips(String contender) {
        List<Histogram> histograms = roundTripHistograms(contender);
        if (histograms.isEmpty()) {
            return null;
        }
        Histogram all = new Histogram(histograms.get(0).getHighestTrackableValue(),
                histograms.get(0).getNumberOfSignificantValueDigits());
        histograms.forEach(all::add);
        return all;
    }

    Map<Scenario, Double> allocations() {
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
