package io.github.disruptor.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * One contender's round trips in a run, in nanoseconds: the percentiles of every round trip of every
 * round pooled in one histogram, each round's own percentiles, and their median over the rounds. The
 * pooled figure is dominated by the rounds with the most round trips (the fast ones); the median per
 * round shows what a typical round saw, tail included.
 *
 * @param roundTrips how many round trips were measured, all rounds together
 * @param pooled percentile name ({@code p50}, {@code p99}, {@code p99.9}) to the pooled value
 * @param medianPerRound percentile name to the median of the per-round values
 * @param perRound percentile name to every round's value, in round order
 */
record RoundTripSummary(long roundTrips, Map<String, Double> pooled, Map<String, Double> medianPerRound,
        Map<String, List<Double>> perRound) {
}
