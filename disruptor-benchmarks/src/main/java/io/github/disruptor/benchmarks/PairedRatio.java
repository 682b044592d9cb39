package io.github.disruptor.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The ratio of two contenders measured in the same rounds: the median of the per-round ratios, with
 * a distribution-free confidence interval for that median (the sign-test interval between two order
 * statistics).
 *
 * <p>Why this statistic: on a small virtual machine a whole JVM fork lands in a fast or a slow mode
 * (the host moves the virtual CPUs, the JIT settles differently), so scores are multi-modal and far
 * from normal, and the mode drifts over minutes. Pairing each of our forks with the contender's fork
 * run right next to it cancels the drift; the median ignores the rounds where the mode flipped
 * between the two; and an order-statistic interval assumes nothing about the distribution.
 *
 * @param median the median per-round ratio
 * @param low the lower end of the interval, {@code NaN} if there are too few rounds for one
 * @param high the upper end of the interval, {@code NaN} if there are too few rounds for one
 * @param confidence the interval's exact coverage (0 if there is none)
 * @param rounds the number of paired rounds
 */
record PairedRatio(double median, double low, double high, double confidence, int rounds) {

    /** The interval is the narrowest order-statistic interval covering the median at least this often. */
    static final double MINIMUM_CONFIDENCE = 0.90;

    /**
     * Pairs {@code numerator[i]} with {@code denominator[i]}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    static PairedRatio of(double[] numerator, double[] denominator) {
        if (numerator.length != denominator.length || numerator.length == 0) {
            throw new IllegalArgumentException("paired ratios need the same number of rounds on both sides, at least "
                    + "one; got " + numerator.length + " and " + denominator.length);
        }
        int n = numerator.length;
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = numerator[i] / denominator[i];
        }
        Arrays.sort(ratios);
        double median = median(ratios);
        int k = intervalRank(n);
        if (k == 0) {
            return new PairedRatio(median, Double.NaN, Double.NaN, 0, n);
        }
        return new PairedRatio(median, ratios[k - 1], ratios[n - k], coverage(n, k), n);
    }

    /** The coverage of the interval {@link #of} gives for {@code rounds} rounds, 0 if it gives none. */
    static double confidenceFor(int rounds) {
        int k = intervalRank(rounds);
        return k == 0 ? 0 : coverage(rounds, k);
    }

    /**
     * The largest k for which [x(k), x(n+1-k)] still covers the median at least
     * {@link #MINIMUM_CONFIDENCE} of the time; 0 if not even [x(1), x(n)] does.
     */
    private static int intervalRank(int n) {
        int k = 0;
        while (k + 1 <= n / 2 && coverage(n, k + 1) >= MINIMUM_CONFIDENCE) {
            k++;
        }
        return k;
    }

    /** 1 - 2 P(Binomial(n, 1/2) < k): how often [x(k), x(n+1-k)] covers the median. */
    private static double coverage(int n, int k) {
        // no random generator: the distribution is only asked for probabilities, never sampled
        return 1 - 2 * new BinomialDistribution(null, n, 0.5).cumulativeProbability(k - 1);
    }

    /** The median of {@code values} (the mean of the middle two for an even count), {@code NaN} if there are none. */
    static double median(double[] values) {
        return new Median().evaluate(values);
    }

    boolean hasInterval() {
        return confidence > 0;
    }

    /** How a target range judges a ratio. */
    enum Verdict {
        /** The whole interval lies inside the target range. */
        MET("met"),
        /** The whole interval lies outside it. */
        MISSED("missed"),
        /** The interval straddles an end of the range, or there is no interval. */
        NOT_SETTLED("not settled");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** As the reports write it. */
        String label() {
            return label;
        }
    }

    /**
     * Judges this ratio against the target range {@code [lowest, highest]}; use an infinity for a
     * one-sided target.
     */
    Verdict against(double lowest, double highest) {
        if (!hasInterval()) {
            return Verdict.NOT_SETTLED;
        }
        if (low >= lowest && high <= highest) {
            return Verdict.MET;
        }
        return high < lowest || low > highest ? Verdict.MISSED : Verdict.NOT_SETTLED;
    }

    /** For example {@code 1.04 [0.91–1.22]}. */
    String format() {
        return hasInterval()
                ? String.format(Locale.ROOT, "%.2f [%.2f–%.2f]", median, low, high)
                : String.format(Locale.ROOT, "%.2f", median);
    }
}
