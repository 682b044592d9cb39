package io.github.disruptor.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The statistics of an interleaved comparison of one scenario: the blocks of several JVMs, each
 * JVM's scores indexed {@code [contender][block]} in millions of events per second.
 *
 * <p>On small virtual machines a block lands in a fast or a slow mode (a factor of about three) for
 * every library alike, and the mode can change from one block to the next. So the blocks are split
 * by mode (two clusters of the logarithm of the scores, over every JVM and contender), and two
 * contenders' blocks of the same JVM and round are paired only when both are in the same mode. The
 * ratio is the median of the paired blocks' ratios with its sign-test interval ({@link PairedRatio}).
 *
 * <p>That interval treats blocks as independent, and blocks of one JVM are not: they share that JVM's
 * compiled code, which differs from JVM to JVM. So each JVM's own median is shown too, and a verdict
 * stands only when every JVM's median is on the same side of the target as the interval.
 */
final class InterleavedSummary {

    /** Cluster means closer than this factor are one mode, not two. */
    static final double MINIMUM_MODE_SEPARATION = 1.8;

    private InterleavedSummary() {
    }

    /**
     * One ratio of two contenders over every JVM.
     *
     * @param numerator the contender later in the list
     * @param denominator the contender earlier in the list
     * @param pooled every same-mode pair of every JVM
     * @param perJvm each JVM's median of its same-mode pairs ({@code NaN} for a JVM without any)
     * @param acrossModes pairs left out because the two blocks ran in different modes
     * @param allPairs every pair, across modes too: if it differs much from {@code pooled}, the "modes" may be
     *        a real difference between the contenders rather than the machine's
     * @param minimum the target (at least this), 0 if there is none
     */
    record Ratio(String numerator, String denominator, PairedRatio pooled, double[] perJvm, int acrossModes,
            PairedRatio allPairs, double minimum) {

        /** The verdict on the target: the interval's, unless some JVM's median says otherwise. */
        PairedRatio.Verdict verdict() {
            PairedRatio.Verdict verdict = pooled.against(minimum, Double.POSITIVE_INFINITY);
            if (verdict == PairedRatio.Verdict.NOT_SETTLED) {
                return verdict;
            }
            boolean met = verdict == PairedRatio.Verdict.MET;
            boolean disagreeing = Arrays.stream(perJvm).filter(Double::isFinite).anyMatch(median -> (median >= minimum) != met);
            return disagreeing ? PairedRatio.Verdict.NOT_SETTLED : verdict;
        }

        /** Whether some JVM's median lies outside the pooled interval: the JVMs differ more than the blocks. */
        boolean jvmsSpreadBeyondInterval() {
            return pooled.hasInterval() && Arrays.stream(perJvm).filter(Double::isFinite)
                    .anyMatch(median -> median < pooled.low() || median > pooled.high());
        }

        String line() {
            String ratio = pooled.rounds() == 0 ? "–" : pooled.format();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s %-18s %4d pair%s",
                    numerator + " / " + denominator, ratio, pooled.rounds(), pooled.rounds() == 1 ? "" : "s"));
            if (perJvm.length > 1) {
                line.append("; per JVM ").append(Arrays.stream(perJvm).mapToObj(median -> Double.isNaN(median) ? "–"
                        : String.format(Locale.ROOT, "%.2f", median)).collect(Collectors.joining(" ")));
            }
            if (acrossModes > 0) {
                line.append(String.format(Locale.ROOT, "; %d across modes left out (all pairs: %s)", acrossModes,
                        allPairs.format()));
            }
            if (minimum > 0) {
                line.append(String.format(Locale.ROOT, "; target ≥ %s: %s", trim(minimum), verdict().label()));
            }
            if (jvmsSpreadBeyondInterval()) {
                line.append(" (JVMs differ beyond the interval: trust the per-JVM medians, run more JVMs)");
            }
            return line.toString();
        }
    }

    /**
     * Every ratio of a later contender to an earlier one: with {@code lmax, alt, ours}, alt / lmax,
     * ours / lmax and ours / alt.
     */
    static List<Ratio> ratios(Scenario scenario, List<String> contenders, List<double[][]> jvms) {
        double threshold = modeThreshold(jvms.stream().flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray());
        List<Ratio> ratios = new ArrayList<>();
        for (int denominator = 0; denominator < contenders.size(); denominator++) {
            for (int numerator = denominator + 1; numerator < contenders.size(); numerator++) {
                ratios.add(ratio(scenario, contenders, jvms, threshold, numerator, denominator));
            }
        }
        return ratios;
    }

    private static Ratio ratio(Scenario scenario, List<String> contenders, List<double[][]> jvms, double threshold,
            int numerator, int denominator) {
        List<Double> numerators = new ArrayList<>();
        List<Double> denominators = new ArrayList<>();
        List<Double> allNumerators = new ArrayList<>();
        List<Double> allDenominators = new ArrayList<>();
        double[] perJvm = new double[jvms.size()];
        int acrossModes = 0;
        for (int jvm = 0; jvm < jvms.size(); jvm++) {
            double[] top = jvms.get(jvm)[numerator];
            double[] bottom = jvms.get(jvm)[denominator];
            List<Double> ownRatios = new ArrayList<>();
            for (int block = 0; block < top.length; block++) {
                allNumerators.add(top[block]);
                allDenominators.add(bottom[block]);
                if (isFast(top[block], threshold) != isFast(bottom[block], threshold)) {
                    acrossModes++;
                    continue;
                }
                numerators.add(top[block]);
                denominators.add(bottom[block]);
                ownRatios.add(top[block] / bottom[block]);
            }
            perJvm[jvm] = PairedRatio.median(ownRatios.stream().mapToDouble(Double::doubleValue).toArray());
        }
        String top = contenders.get(numerator);
        String bottom = contenders.get(denominator);
        return new Ratio(top, bottom, paired(numerators, denominators), perJvm, acrossModes,
                paired(allNumerators, allDenominators), target(scenario, top, bottom));
    }

    private static PairedRatio paired(List<Double> numerators, List<Double> denominators) {
        return numerators.isEmpty() ? new PairedRatio(Double.NaN, Double.NaN, Double.NaN, 0, 0)
                : PairedRatio.of(numerators.stream().mapToDouble(Double::doubleValue).toArray(),
                        denominators.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The least ratio the targets ask of {@code numerator / denominator} in {@code scenario}, 0 if none. */
    static double target(Scenario scenario, String numerator, String denominator) {
        if (scenario == Scenario.SPRING_LAYER) {
            return numerator.equals("spring-class-handler") && denominator.equals("core")
                    ? Report.SPRING_PUBLISHER_MINIMUM : 0;
        }
        boolean oursAgainstLmax = denominator.equals("lmax")
                && (numerator.equals("ours") || numerator.equals(InterleavedOptions.ALTERNATIVE));
        return oursAgainstLmax ? scenario.minimumRatioToLmax() : 0;
    }

    /** Each contender's median, the mode split, and every ratio: the text printed for one scenario. */
    static String describe(Scenario scenario, List<String> contenders, List<double[][]> jvms) {
        double threshold = modeThreshold(jvms.stream().flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray());
        StringBuilder out = new StringBuilder(Double.isInfinite(threshold) ? "one mode\n"
                : String.format(Locale.ROOT, "two modes, split at %.1f M events/s%n", threshold));
        for (int c = 0; c < contenders.size(); c++) {
            int contender = c;
            double[] all = jvms.stream().flatMapToDouble(scores -> Arrays.stream(scores[contender])).toArray();
            long fast = Arrays.stream(all).filter(score -> isFast(score, threshold)).count();
            out.append(String.format(Locale.ROOT, "  %-22s median %7.1f M events/s over %3d blocks", contenders.get(c),
                    PairedRatio.median(all), all.length));
            if (!Double.isInfinite(threshold)) {
                out.append(String.format(Locale.ROOT, " (%d fast, %d slow)", fast, all.length - fast));
            }
            out.append('\n');
        }
        ratios(scenario, contenders, jvms).forEach(ratio -> out.append("  ").append(ratio.line()).append('\n'));
        return out.toString();
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

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
