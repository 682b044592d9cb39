package io.github.disruptor.benchmarks;

import java.util.Locale;

/**
 * One target and what a run made of it: the paired ratio's median and interval, and the verdict
 * ({@link PairedRatio#against}). Written into {@code results.json}, read back to put the JDKs side by
 * side.
 *
 * @param id stable across runs and JDKs, for example {@code unicast-yielding/lmax} or {@code round-trip/p99}
 * @param target what is compared, for example {@code unicast 1P-1C, yielding: ours / LMAX}
 * @param requirement for example {@code ≥ 1}
 * @param low the interval's lower end, {@code null} if the run had too few rounds for one
 * @param high the interval's upper end, {@code null} likewise
 * @param confidence the interval's coverage, 0 without one
 * @param verdict {@code met}, {@code missed} or {@code not settled}
 */
record Judgement(String id, String target, String requirement, double median, Double low, Double high,
        double confidence, int rounds, String verdict) {

    /** Judges {@code ratio} against the target range {@code [lowest, highest]} (an infinity for one side). */
    static Judgement of(String id, String target, double lowest, double highest, PairedRatio ratio) {
        return new Judgement(id, target, requirement(lowest, highest), ratio.median(), finiteOrNull(ratio.low()),
                finiteOrNull(ratio.high()), ratio.confidence(), ratio.rounds(),
                ratio.against(lowest, highest).label());
    }

    /** For example {@code 1.04 [0.91–1.22]}, or the median alone without an interval. */
    String measured() {
        return low == null || high == null ? String.format(Locale.ROOT, "%.2f", median)
                : String.format(Locale.ROOT, "%.2f [%.2f–%.2f]", median, low, high);
    }

    /** The verdict as the Markdown pages show it: a miss in bold. */
    String verdictCell() {
        return verdict.equals(PairedRatio.Verdict.MISSED.label()) ? "**" + verdict + "**" : verdict;
    }

    private static String requirement(double lowest, double highest) {
        if (Double.isInfinite(highest)) {
            return "≥ " + trim(lowest);
        }
        if (Double.isInfinite(lowest)) {
            return "≤ " + trim(highest);
        }
        return trim(lowest) + " to " + trim(highest);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
