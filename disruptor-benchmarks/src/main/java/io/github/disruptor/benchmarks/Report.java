package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Renders one suite run as a Markdown page, an SVG bar chart and a JSON file with every round's
 * figure: throughput per scenario and contender (median over the rounds, with the range), the paired
 * ratios with their confidence intervals, round-trip percentiles, the Spring layer's cost, bytes
 * allocated per event, and a verdict per target. A target counts as met or missed only when the
 * whole confidence interval says so; otherwise the run could not settle it.
 */
final class Report {

    /** Contenders in display order, with their titles. */
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("ours", "ours");
        TITLES.put("lmax", "LMAX 4.0.0");
        TITLES.put("abq", "ArrayBlockingQueue");
        TITLES.put("jctools", "JCTools");
    }

    private static final Map<String, String> COLOURS = Map.of(
            "ours", "#1f77b4", "lmax", "#ff7f0e", "abq", "#7f7f7f", "jctools", "#2ca02c");

    /** The round-trip statistics reported, with their names. */
    private static final Map<String, ToDoubleFunction<Histogram>> PERCENTILES = new LinkedHashMap<>();

    static {
        PERCENTILES.put("p50", histogram -> histogram.getValueAtPercentile(50));
        PERCENTILES.put("p99", histogram -> histogram.getValueAtPercentile(99));
        PERCENTILES.put("p99.9", histogram -> histogram.getValueAtPercentile(99.9));
    }

    private static final String SPRING_CLASS = "spring-class-handler";
    private static final String SPRING_METHOD = "spring-method-handler";

    private final SuiteRun run;
    private final boolean quick;
    private final List<String> verdicts = new ArrayList<>();

    Report(SuiteRun run, boolean quick) {
        this.run = run;
        this.quick = quick;
    }

    String markdown() {
        verdicts.clear();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Machine: ").append(machine()).append("; JDK ").append(jdk()).append("; run started ")
                .append(startedAt()).append(".\n").append(run.settings()).append(quick ? " (quick trial run)" : "")
                .append(".\n\n");
        md.append("Every figure comes from this one run. A round gives each contender of a scenario one JMH fork, "
                + "right after each other, in reversed order every other round. Ratios are taken round by round "
                + "and summarised by their median; the interval in brackets is a distribution-free confidence "
                + "interval for that median (sign test), with the coverage stated below. On a small virtual "
                + "machine whole forks land in fast or slow modes, so single figures mislead: read the ranges and "
                + "intervals. `results.json` holds every round's figure.\n\n");

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
            judgeAtLeast(scenario, "lmax", "LMAX", scenario.minimumRatioToLmax());
            judgeAtLeast(scenario, "abq", "ArrayBlockingQueue", scenario.minimumRatioToQueue());
        }
        md.append('\n').append(confidenceNote()).append("\n\n![Throughput per scenario](throughput.svg)\n\n");

        appendRoundTrips(md);
        appendSpringLayer(md);

        if (!run.allocations().isEmpty()) {
            md.append("## Allocation\n\nJMH GC profiler (`gc.alloc.rate.norm`), bytes allocated per event "
                    + "published and consumed, our disruptor:\n\n| scenario | B/event |\n|---|---:|\n");
            run.allocations().forEach((label, bytes) ->
                    md.append(String.format(Locale.ROOT, "| %s | %.4f |%n", label, bytes)));
            md.append('\n');
        }

        md.append("## Targets\n\nMet or missed only when the whole confidence interval is on one side of the "
                + "target; otherwise this run cannot settle it.\n\n");
        verdicts.forEach(verdict -> md.append("- ").append(verdict).append('\n'));
        return md.toString();
    }

    private void appendRoundTrips(StringBuilder md) {
        if (run.allRoundTrips("ours") == null || run.allRoundTrips("lmax") == null) {
            return;
        }
        md.append("## Round-trip latency\n\nPing-pong between two threads over two channels, one message in "
                + "flight, busy-spin; nanoseconds (lower is better). Percentiles of every measured round trip of "
                + "every round (HdrHistogram), then the median of the per-round percentiles.\n\n");
        md.append("| contender | p50 | p99 | p99.9 | round trips | median per round: p50 | p99 | p99.9 |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, String> contender : TITLES.entrySet()) {
            Histogram all = run.allRoundTrips(contender.getKey());
            if (all == null) {
                continue;
            }
            md.append("| ").append(contender.getValue());
            PERCENTILES.values().forEach(statistic -> md.append(String.format(Locale.ROOT, " | %,.0f",
                    statistic.applyAsDouble(all))));
            md.append(String.format(Locale.ROOT, " | %,d", all.getTotalCount()));
            PERCENTILES.values().forEach(statistic -> md.append(String.format(Locale.ROOT, " | %,.0f",
                    median(run.roundTrips(contender.getKey(), statistic)))));
            md.append(" |\n");
        }
        md.append("\nOurs / LMAX, paired per round:");
        StringJoiner ratios = new StringJoiner(", ", " ", ".\n\n");
        PERCENTILES.forEach((name, statistic) -> ratios.add(name + " " + roundTripRatio(statistic).format()));
        md.append(ratios);
        judge("round trip p99: ours / LMAX", roundTripRatio(PERCENTILES.get("p99")), 0, 1.0, "≤ 1");
    }

    private PairedRatio roundTripRatio(ToDoubleFunction<Histogram> statistic) {
        return PairedRatio.of(run.roundTrips("ours", statistic), run.roundTrips("lmax", statistic));
    }

    private void appendSpringLayer(StringBuilder md) {
        if (!Scenario.SPRING_LAYER.contenders().stream().allMatch(variant -> run.has(Scenario.SPRING_LAYER, variant))) {
            return;
        }
        md.append("## Spring layer\n\nUnicast 1P-1C, yielding, 65,536 slots; millions of events consumed per "
                + "second, median and range. `core`: the ring built with `DisruptorBuilder`; `spring-*`: the same "
                + "ring built by the starter in a minimal Spring Boot application, published to through the "
                + "injected `EventPublisher<E>`, with a class-level or a method-level `@DisruptorHandler`.\n\n"
                + "| variant | events/s (M) |\n|---|---:|\n");
        for (String variant : Scenario.SPRING_LAYER.contenders()) {
            double[] scores = run.scores(Scenario.SPRING_LAYER, variant);
            md.append("| ").append(variant).append(" | ").append(millionsWithRange(scores)).append(" |\n");
        }
        PairedRatio publisher = run.ratio(Scenario.SPRING_LAYER, SPRING_CLASS, "core");
        PairedRatio methods = run.ratio(Scenario.SPRING_LAYER, SPRING_METHOD, SPRING_CLASS);
        md.append("\nSpring-injected `EventPublisher` / raw core: ").append(publisher.format())
                .append(". Method-level / class-level `@DisruptorHandler`: ").append(methods.format()).append(".\n\n");
        judge("Spring-injected EventPublisher / raw core", publisher, 0.9, 1.1, "≈ 1 (0.9 to 1.1)");
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

    private void judgeAtLeast(Scenario scenario, String other, String title, double target) {
        if (target > 0 && run.has(scenario, other)) {
            judge(scenario.label() + ": ours / " + title, run.ratio(scenario, "ours", other), target,
                    Double.POSITIVE_INFINITY, "≥ " + trim(target));
        }
    }

    /** Adds the verdict of {@code ratio} against the target range {@code [lowest, highest]}. */
    private void judge(String what, PairedRatio ratio, double lowest, double highest, String target) {
        String verdict = switch (ratio.against(lowest, highest)) {
            case MET -> "met";
            case MISSED -> "**missed**";
            case NOT_SETTLED -> "not settled";
        };
        verdicts.add(String.format(Locale.ROOT, "%s %s %s: %s", verdict, what, target, ratio.format()));
    }

    private String confidenceNote() {
        double confidence = PairedRatio.confidenceFor(run.rounds());
        return confidence > 0
                ? String.format(Locale.ROOT, "Ratio intervals: %.1f %% distribution-free confidence over %d paired "
                        + "rounds.", confidence * 100, run.rounds())
                : String.format(Locale.ROOT, "%d rounds are too few for a confidence interval of at least %.0f %%; "
                        + "ratios are medians only.", run.rounds(), PairedRatio.MINIMUM_CONFIDENCE * 100);
    }

    /** Every round's figure, the ratios and the allocations, for tools and for later comparison. */
    String json() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"started\": ").append(quote(startedAt())).append(",\n");
        json.append("  \"machine\": ").append(quote(machine())).append(",\n");
        json.append("  \"jdk\": ").append(quote(jdk())).append(",\n");
        json.append("  \"settings\": ").append(quote(run.settings())).append(",\n");
        json.append("  \"rounds\": ").append(run.rounds()).append(",\n");
        json.append("  \"scenarios\": [");
        StringJoiner scenarios = new StringJoiner(",", "\n", "\n  ],\n");
        for (Scenario scenario : Scenario.values()) {
            String baseline = scenario == Scenario.SPRING_LAYER ? "core" : "lmax";
            String numerator = scenario == Scenario.SPRING_LAYER ? SPRING_CLASS : "ours";
            if (!run.has(scenario, numerator) || !run.has(scenario, baseline)) {
                continue;
            }
            StringJoiner scores = new StringJoiner(", ", "{", "}");
            scenario.contenders().forEach(contender ->
                    scores.add(quote(contender) + ": " + numbers(run.scores(scenario, contender))));
            scenarios.add("    {\"scenario\": " + quote(scenario.label()) + ", \"unit\": " + quote(scenario == Scenario.ROUND_TRIP ? "ns per round trip, mean" : "events/s")
                    + ", \"scores\": "
                    + scores + ", \"ratio\": {\"of\": " + quote(numerator + " / " + baseline) + ", "
                    + ratioJson(run.ratio(scenario, numerator, baseline)) + "}}");
        }
        json.append(scenarios);
        json.append("  \"roundTrips\": {");
        StringJoiner roundTrips = new StringJoiner(",", "\n", "\n  },\n");
        for (String contender : TITLES.keySet()) {
            if (run.allRoundTrips(contender) == null) {
                continue;
            }
            StringJoiner percentiles = new StringJoiner(", ", "{", "}");
            PERCENTILES.forEach((name, statistic) ->
                    percentiles.add(quote(name) + ": " + numbers(run.roundTrips(contender, statistic))));
            roundTrips.add("    " + quote(contender) + ": " + percentiles);
        }
        json.append(roundTrips);
        json.append("  \"allocationBytesPerEvent\": {");
        StringJoiner allocations = new StringJoiner(", ", "", "}\n");
        run.allocations().forEach((label, bytes) ->
                allocations.add(quote(label) + ": " + String.format(Locale.ROOT, "%.6f", bytes)));
        json.append(allocations).append("}\n");
        return json.toString();
    }

    private static String ratioJson(PairedRatio ratio) {
        return String.format(Locale.ROOT, "\"median\": %.4f, \"low\": %s, \"high\": %s, \"confidence\": %.4f",
                ratio.median(), number(ratio.low()), number(ratio.high()), ratio.confidence());
    }

    private static String numbers(double[] values) {
        StringJoiner joined = new StringJoiner(", ", "[", "]");
        Arrays.stream(values).forEach(value -> joined.add(number(value)));
        return joined.toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "null";
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
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
                + "Throughput, million events consumed per second: median of %d rounds, whisker = range</text>%n",
                run.rounds()));
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

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private String startedAt() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(run.started());
    }

    private static String machine() {
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    private static String jdk() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElseGet(Report::osDescription);
        } catch (IOException | RuntimeException unreadable) {
            return osDescription();
        }
    }

    private static String osDescription() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os.getName() + " " + os.getArch();
    }
}
