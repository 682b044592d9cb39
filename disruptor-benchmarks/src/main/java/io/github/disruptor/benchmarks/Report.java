package io.github.disruptor.benchmarks;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Renders one suite run (one JDK) as a Markdown page and an SVG bar chart: throughput per scenario
 * and contender (median over the rounds, with the range), the paired ratios with their confidence
 * intervals, round-trip percentiles pooled and per round, the Spring layer's cost, bytes allocated
 * per event, and a verdict per target. A target counts as met or missed only when the whole
 * confidence interval says so; otherwise the run could not settle it.
 */
final class Report {

    /** Contenders in display order, with their titles. */
    static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("ours", "ours");
        TITLES.put("lmax", "LMAX 4.0.0");
        TITLES.put("abq", "ArrayBlockingQueue");
        TITLES.put("jctools", "JCTools");
    }

    private static final Map<String, String> COLOURS = Map.of(
            "ours", "#1f77b4", "lmax", "#ff7f0e", "abq", "#7f7f7f", "jctools", "#2ca02c");

    /** The round-trip percentiles reported and judged, with their names. */
    static final Map<String, ToDoubleFunction<Histogram>> PERCENTILES = new LinkedHashMap<>();

    static {
        PERCENTILES.put("p50", histogram -> histogram.getValueAtPercentile(50));
        PERCENTILES.put("p99", histogram -> histogram.getValueAtPercentile(99));
        PERCENTILES.put("p99.9", histogram -> histogram.getValueAtPercentile(99.9));
    }

    /** The Spring-injected publisher must keep at least this share of the raw core's throughput. */
    static final double SPRING_PUBLISHER_MINIMUM = 0.95;

    private static final String SPRING_CLASS = "spring-class-handler";
    private static final String SPRING_METHOD = "spring-method-handler";
    private static final String SPRING_CORE = "core";

    private final SuiteRun run;
    private final List<Judgement> judgements;

    Report(SuiteRun run) {
        this.run = run;
        this.judgements = judge();
    }

    /** Every target this run has data for, in report order. */
    List<Judgement> judgements() {
        return judgements;
    }

    private List<Judgement> judge() {
        List<Judgement> all = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            if (!scenario.isThroughput() || !run.has(scenario, "ours")) {
                continue;
            }
            judgeAtLeast(all, scenario, "lmax", scenario.minimumRatioToLmax());
            judgeAtLeast(all, scenario, "abq", scenario.minimumRatioToQueue());
        }
        if (hasRoundTrips()) {
            PERCENTILES.forEach((name, statistic) -> all.add(Judgement.of(Scenario.ROUND_TRIP.id() + "/" + name,
                    "round trip " + name + ", per round: ours / LMAX", Double.NEGATIVE_INFINITY, 1.0,
                    roundTripRatio(statistic))));
        }
        if (hasSpringLayer()) {
            all.add(Judgement.of(Scenario.SPRING_LAYER.id() + "/publisher",
                    "Spring-injected EventPublisher / raw core", SPRING_PUBLISHER_MINIMUM, Double.POSITIVE_INFINITY,
                    run.ratio(Scenario.SPRING_LAYER, SPRING_CLASS, SPRING_CORE)));
        }
        return List.copyOf(all);
    }

    private void judgeAtLeast(List<Judgement> all, Scenario scenario, String other, double target) {
        if (target > 0 && run.has(scenario, other)) {
            all.add(Judgement.of(scenario.id() + "/" + other, scenario.label() + ": ours / " + TITLES.get(other),
                    target, Double.POSITIVE_INFINITY, run.ratio(scenario, "ours", other)));
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results, JDK ").append(run.jvm().feature()).append("\n\n");
        md.append("- JDK: ").append(run.jvm().summary()).append(" (`").append(run.jvm().home()).append("`)\n");
        md.append("- Machine: ").append(run.machine().summary()).append('\n');
        md.append("- Run started: ").append(startedAt()).append('\n');
        md.append("- Settings: ").append(run.settings().summary()).append("\n\n");
        md.append("Every figure comes from this one run. A round gives each contender of a scenario one JMH fork, "
                + "right after each other, in reversed order every other round. Ratios are taken round by round "
                + "and summarised by their median; the interval in brackets is a distribution-free confidence "
                + "interval for that median (sign test). ").append(confidenceNote()).append(" On a small virtual "
                + "machine whole forks land in fast or slow modes, so single figures mislead: read the ranges and "
                + "intervals. `results.json` holds every round's figure and histogram.\n\n");

        appendTargets(md);
        appendThroughput(md);
        appendRoundTrips(md);
        appendSpringLayer(md);
        appendAllocation(md);
        return md.toString();
    }

    private void appendTargets(StringBuilder md) {
        md.append("## Targets\n\nMet or missed only when the whole confidence interval is on one side of the "
                + "target; otherwise this run cannot settle it.\n\n| target | required | measured | verdict |\n"
                + "|---|---|---:|---|\n");
        for (Judgement judgement : judgements) {
            md.append("| ").append(judgement.target()).append(" | ").append(judgement.requirement()).append(" | ")
                    .append(judgement.measured()).append(" | ").append(judgement.verdictCell()).append(" |\n");
        }
        md.append('\n');
    }

    private void appendThroughput(StringBuilder md) {
        md.append("## Throughput\n\nMillions of events consumed per second (higher is better): the median over the "
                + "rounds, the range in small print. Ring size and queue capacity 65,536.\n\n");
        md.append("| scenario |");
        TITLES.values().forEach(title -> md.append(' ').append(title).append(" |"));
        md.append(" ours / LMAX | ours / ABQ |\n|---|");
        TITLES.keySet().forEach(key -> md.append("---:|"));
        md.append("---:|---:|\n");
        for (Scenario scenario : Scenario.values()) {
            if (!scenario.isThroughput() || !run.has(scenario, "ours")) {
                continue;
            }
            md.append("| ").append(scenario.label()).append(" |");
            for (String contender : TITLES.keySet()) {
                double[] scores = run.scores(scenario, contender);
                md.append(' ').append(scores.length == 0 ? "–" : millionsWithRange(scores)).append(" |");
            }
            md.append(' ').append(ratioCell(scenario, "lmax")).append(" | ").append(ratioCell(scenario, "abq"))
                    .append(" |\n");
        }
        md.append("\n![Throughput per scenario](throughput.svg)\n\n");
    }

    private boolean hasRoundTrips() {
        return !run.roundTripHistograms("ours").isEmpty() && !run.roundTripHistograms("lmax").isEmpty();
    }

    private void appendRoundTrips(StringBuilder md) {
        if (!hasRoundTrips()) {
            return;
        }
        Map<String, RoundTripSummary> summaries = roundTripSummaries();
        md.append("## Round-trip latency\n\nPing-pong between two threads over two channels, one message in "
                + "flight, busy-spin; nanoseconds (lower is better). *Pooled*: the percentile of every measured "
                + "round trip of every round in one histogram, which the rounds with the most round trips (the "
                + "fast ones) dominate. *Per round*: each round's own percentile, summarised by the median over "
                + "the rounds; the ratio pairs our round with LMAX's round, and the targets are judged on it.\n\n");
        md.append("| contender | round trips | pooled p50 | p99 | p99.9 | median per round: p50 | p99 | p99.9 |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, RoundTripSummary> entry : summaries.entrySet()) {
            RoundTripSummary summary = entry.getValue();
            md.append("| ").append(TITLES.getOrDefault(entry.getKey(), entry.getKey()))
                    .append(String.format(Locale.ROOT, " | %,d", summary.roundTrips()));
            PERCENTILES.keySet().forEach(name -> md.append(nanos(summary.pooled().get(name))));
            PERCENTILES.keySet().forEach(name -> md.append(nanos(summary.medianPerRound().get(name))));
            md.append(" |\n");
        }
        md.append("\n| percentile | ours, median per round | LMAX, median per round | ours / LMAX per round |\n"
                + "|---|---:|---:|---:|\n");
        for (String name : PERCENTILES.keySet()) {
            md.append("| ").append(name).append(nanos(summaries.get("ours").medianPerRound().get(name)))
                    .append(nanos(summaries.get("lmax").medianPerRound().get(name))).append(" | ")
                    .append(roundTripRatio(PERCENTILES.get(name)).format()).append(" |\n");
        }
        md.append('\n');
    }

    /** Per contender with round trips, in display order. */
    Map<String, RoundTripSummary> roundTripSummaries() {
        Map<String, RoundTripSummary> summaries = new LinkedHashMap<>();
        for (String contender : TITLES.keySet()) {
            Histogram all = run.allRoundTrips(contender);
            if (all == null) {
                continue;
            }
            Map<String, Double> pooled = new LinkedHashMap<>();
            Map<String, Double> medianPerRound = new LinkedHashMap<>();
            Map<String, List<Double>> perRound = new LinkedHashMap<>();
            PERCENTILES.forEach((name, statistic) -> {
                double[] rounds = run.roundTrips(contender, statistic);
                pooled.put(name, statistic.applyAsDouble(all));
                medianPerRound.put(name, PairedRatio.median(rounds));
                perRound.put(name, Arrays.stream(rounds).boxed().toList());
            });
            summaries.put(contender, new RoundTripSummary(all.getTotalCount(), pooled, medianPerRound, perRound));
        }
        return summaries;
    }

    private PairedRatio roundTripRatio(ToDoubleFunction<Histogram> statistic) {
        return PairedRatio.of(run.roundTrips("ours", statistic), run.roundTrips("lmax", statistic));
    }

    private static String nanos(double value) {
        return String.format(Locale.ROOT, " | %,.0f", value);
    }

    private boolean hasSpringLayer() {
        return SpringLayerBenchmark.VARIANTS.stream().allMatch(variant -> run.has(Scenario.SPRING_LAYER, variant));
    }

    private void appendSpringLayer(StringBuilder md) {
        if (!hasSpringLayer()) {
            return;
        }
        md.append("## Spring layer\n\nUnicast 1P-1C, yielding, 65,536 slots; millions of events consumed per "
                + "second, median and range. `core`: the ring built with `DisruptorBuilder`; `spring-*`: the same "
                + "ring built by the starter in a minimal Spring Boot application, published to through the "
                + "injected `EventPublisher<E>`, with a class-level or a method-level `@DisruptorHandler`.\n\n"
                + "| variant | events/s (M) |\n|---|---:|\n");
        for (String variant : SpringLayerBenchmark.VARIANTS) {
            md.append("| ").append(variant).append(" | ").append(millionsWithRange(run.scores(Scenario.SPRING_LAYER,
                    variant))).append(" |\n");
        }
        md.append("\nSpring-injected `EventPublisher` / raw core: ")
                .append(run.ratio(Scenario.SPRING_LAYER, SPRING_CLASS, SPRING_CORE).format())
                .append(". Method-level / class-level `@DisruptorHandler`: ")
                .append(run.ratio(Scenario.SPRING_LAYER, SPRING_METHOD, SPRING_CLASS).format()).append(".\n\n");
    }

    private void appendAllocation(StringBuilder md) {
        if (run.allocations().isEmpty()) {
            return;
        }
        md.append("## Allocation\n\nJMH GC profiler (`gc.alloc.rate.norm`), bytes allocated per event "
                + "published and consumed, our disruptor:\n\n| scenario | B/event |\n|---|---:|\n");
        run.allocations().forEach((scenario, bytes) ->
                md.append(String.format(Locale.ROOT, "| %s | %.4f |%n", scenario.label(), bytes)));
        md.append('\n');
    }

    /** For example {@code 104.1 <sub>28–142</sub>}: the median and the range, in millions. */
    private static String millionsWithRange(double[] scores) {
        return String.format(Locale.ROOT, "%.1f <sub>%.0f–%.0f</sub>", median(scores) / 1e6, min(scores) / 1e6,
                max(scores) / 1e6);
    }

    private String ratioCell(Scenario scenario, String other) {
        return run.has(scenario, "ours") && run.has(scenario, other)
                ? run.ratio(scenario, "ours", other).format() : "–";
    }

    private String confidenceNote() {
        double confidence = PairedRatio.confidenceFor(run.rounds());
        return confidence > 0
                ? String.format(Locale.ROOT, "With %d paired rounds, each interval covers the true median ratio "
                        + "with %.1f %% probability.", run.rounds(), confidence * 100)
                : String.format(Locale.ROOT, "%d round%s too few for a confidence interval of at least %.0f %%: "
                        + "ratios are medians only, and no target can be settled.", run.rounds(),
                        run.rounds() == 1 ? " is" : "s are",
                        PairedRatio.MINIMUM_CONFIDENCE * 100);
    }

    /** A horizontal grouped bar chart of the medians, with the range as a whisker; hand-written SVG. */
    String svg() {
        int labelWidth = 270;
        int plotWidth = 560;
        int barHeight = 13;
        int groupGap = 14;
        int top = 50;
        List<Scenario> shown = Arrays.stream(Scenario.values())
                .filter(scenario -> scenario.isThroughput() && run.has(scenario, "ours")).toList();
        double max = 1;
        int height = top + 30;
        for (Scenario scenario : shown) {
            for (String contender : scenario.contenders()) {
                if (run.has(scenario, contender)) {
                    max = Math.max(max, max(run.scores(scenario, contender)));
                }
            }
            height += scenario.contenders().size() * barHeight + groupGap;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", labelWidth + plotWidth + 90, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">"
                + "Throughput on JDK %d, million events consumed per second: median of %d rounds, whisker = range"
                + "</text>%n", run.jvm().feature(), run.rounds()));
        int legendX = 10;
        for (Map.Entry<String, String> contender : TITLES.entrySet()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"28\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"38\">%s</text>%n", legendX, COLOURS.get(contender.getKey()), legendX + 16,
                    contender.getValue()));
            legendX += 40 + contender.getValue().length() * 7;
        }
        int y = top;
        for (Scenario scenario : shown) {
            int groupHeight = scenario.contenders().size() * barHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    labelWidth - 8, y + groupHeight / 2 + 4, escape(scenario.label())));
            for (String contender : scenario.contenders()) {
                double[] scores = run.scores(scenario, contender);
                if (scores.length == 0) {
                    continue;
                }
                double scale = plotWidth / max;
                int width = (int) Math.max(1, Math.round(median(scores) * scale));
                int whiskerY = y + (barHeight - 2) / 2;
                int whiskerEnd = (int) Math.round(max(scores) * scale);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"1\"/>"
                        + "<text x=\"%d\" y=\"%d\">%.1f</text>%n", labelWidth, y, width, barHeight - 2,
                        COLOURS.get(contender), labelWidth + (int) Math.round(min(scores) * scale), whiskerY,
                        labelWidth + whiskerEnd, whiskerY, labelWidth + Math.max(width, whiskerEnd) + 4,
                        y + barHeight - 3, median(scores) / 1e6));
                y += barHeight;
            }
            y += groupGap;
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                labelWidth, top - 4, labelWidth, y - groupGap + 4));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double median(double[] values) {
        return PairedRatio.median(values);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private String startedAt() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(run.started());
    }
}
