package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Renders one suite run as a Markdown page and an SVG bar chart: throughput per scenario and
 * contender with the ratios ours/LMAX and ours/ArrayBlockingQueue, round-trip percentiles, bytes
 * allocated per event, and which targets were met. Everything is taken from the same run.
 */
final class Report {

    /** Contenders in display order, with their column titles. */
    private static final Map<String, String> CONTENDERS = new LinkedHashMap<>();

    static {
        CONTENDERS.put("ours", "ours");
        CONTENDERS.put("lmax", "LMAX 4.0.0");
        CONTENDERS.put("abq", "ArrayBlockingQueue");
        CONTENDERS.put("jctools", "JCTools");
    }

    private static final Map<String, String> COLOURS = Map.of(
            "ours", "#1f77b4", "lmax", "#ff7f0e", "abq", "#7f7f7f", "jctools", "#2ca02c");

    /** Scenario benchmark classes in display order. */
    private static final List<String> ORDER = List.of("UnicastBenchmark", "UnicastBatchBenchmark",
            "MultiProducerBenchmark", "PipelineBenchmark", "MulticastBenchmark");

    /** Round-trip percentiles of one contender. */
    record Latency(String contender, long p50, long p99, long p999, long count) {
    }

    /** One throughput scenario and its score per contender (events per second). */
    private record Scenario(String label, String benchmark, double minimumRatioToLmax, Map<String, Score> scores) {

        Optional<Double> ratio(String other) {
            Score ours = scores.get("ours");
            Score theirs = scores.get(other);
            return ours == null || theirs == null ? Optional.empty() : Optional.of(ours.value / theirs.value);
        }
    }

    private record Score(double value, double error) {
    }

    private final Instant started;
    private final boolean quick;
    private final List<Scenario> scenarios;
    private final Map<String, Double> meanRoundTrips;
    private final List<Latency> latencies;
    private final Map<String, Double> allocations;
    private final Map<String, Score> springLayer;
    private final String settings;

    Report(Instant started, boolean quick, Collection<RunResult> results, Collection<RunResult> allocationResults,
            List<Latency> latencies) {
        this.started = started;
        this.quick = quick;
        this.latencies = latencies;
        this.scenarios = scenarios(results);
        this.meanRoundTrips = new TreeMap<>();
        this.springLayer = new LinkedHashMap<>();
        this.allocations = new LinkedHashMap<>();
        String runSettings = "";
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = simpleName(params.getBenchmark());
            if (benchmark.equals("PingPongLatencyBenchmark")) {
                meanRoundTrips.put(params.getParam("contender"), result.getPrimaryResult().getScore());
            } else if (benchmark.startsWith("Spring")) {
                springLayer.put(params.getParam("contender"),
                        new Score(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()));
            }
            runSettings = String.format(Locale.ROOT, "JMH %s, forks: %d, warm-up %d × %s, measurement %d × %s",
                    params.getJmhVersion(), params.getForks(), params.getWarmup().getCount(),
                    params.getWarmup().getTime(), params.getMeasurement().getCount(), params.getMeasurement().getTime());
        }
        this.settings = runSettings;
        for (RunResult result : allocationResults) {
            BenchmarkParams params = result.getParams();
            result.getSecondaryResults().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                    .findFirst()
                    .ifPresent(entry -> allocations.put(label(params), entry.getValue().getScore()));
        }
    }

    private static List<Scenario> scenarios(Collection<RunResult> results) {
        Map<String, Scenario> byLabel = new LinkedHashMap<>();
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(result -> order(result.getParams())));
        for (RunResult result : sorted) {
            BenchmarkParams params = result.getParams();
            String benchmark = simpleName(params.getBenchmark());
            if (!ORDER.contains(benchmark)) {
                continue;
            }
            String label = label(params);
            double target = benchmark.equals("UnicastBatchBenchmark") ? 1.2 : 1.0;
            Scenario scenario = byLabel.computeIfAbsent(label,
                    key -> new Scenario(key, benchmark, target, new LinkedHashMap<>()));
            Result<?> primary = result.getPrimaryResult();
            scenario.scores().put(params.getParam("contender"), new Score(primary.getScore(), primary.getScoreError()));
        }
        return List.copyOf(byLabel.values());
    }

    private static int order(BenchmarkParams params) {
        int index = ORDER.indexOf(simpleName(params.getBenchmark()));
        return index < 0 ? ORDER.size() : index;
    }

    private static String label(BenchmarkParams params) {
        String benchmark = simpleName(params.getBenchmark());
        return switch (benchmark) {
            case "UnicastBenchmark" -> "unicast 1P-1C, " + params.getParam("waitStrategy");
            case "UnicastBatchBenchmark" -> "unicast 1P-1C, batches of " + params.getParam("batch") + ", busy-spin";
            case "MultiProducerBenchmark" -> "multi-producer 2P-1C, yielding";
            case "PipelineBenchmark" -> "pipeline 1P-3 stages, yielding";
            case "MulticastBenchmark" -> "multicast 1P-2C, yielding";
            default -> benchmark;
        };
    }

    private static String simpleName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts[parts.length - 2];
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Machine: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; JDK ").append(System.getProperty("java.vm.vendor")).append(' ')
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append("; run started ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(started))
                .append(".\n").append(settings).append(quick ? " (quick trial run)" : "").append(".\n\n");
        md.append("Every figure comes from this one run. Absolute figures move from run to run, and on a small "
                + "machine so do the ratios: read them with the confidence intervals beside them.\n\n");

        md.append("## Throughput\n\nMillions of events consumed per second (higher is better), ± the 99.9% "
                + "confidence half-width. Ring size and queue capacity 65,536.\n\n");
        md.append("| scenario |");
        CONTENDERS.values().forEach(title -> md.append(' ').append(title).append(" |"));
        md.append(" ours / LMAX | ours / ABQ |\n|---|");
        CONTENDERS.keySet().forEach(key -> md.append("---:|"));
        md.append("---:|---:|\n");
        for (Scenario scenario : scenarios) {
            md.append("| ").append(scenario.label()).append(" |");
            for (String contender : CONTENDERS.keySet()) {
                Score score = scenario.scores().get(contender);
                md.append(' ').append(score == null ? "–"
                        : String.format(Locale.ROOT, "%.1f ± %.1f", score.value / 1e6, score.error / 1e6)).append(" |");
            }
            md.append(' ').append(ratio(scenario.ratio("lmax"))).append(" | ")
                    .append(ratio(scenario.ratio("abq"))).append(" |\n");
        }
        md.append("\n![Throughput per scenario](throughput.svg)\n\n");

        if (!latencies.isEmpty()) {
            md.append("## Round-trip latency\n\nPing-pong between two threads over two channels, one message in "
                    + "flight, busy-spin; nanoseconds (lower is better). Percentiles from an HdrHistogram of every "
                    + "measured round trip, mean from JMH.\n\n");
            md.append("| contender | p50 | p99 | p99.9 | mean | round trips |\n|---|---:|---:|---:|---:|---:|\n");
            for (String contender : CONTENDERS.keySet()) {
                latencies.stream().filter(latency -> latency.contender().equals(contender)).findFirst()
                        .ifPresent(latency -> md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %s | %,d |%n",
                                CONTENDERS.get(contender), latency.p50(), latency.p99(), latency.p999(),
                                Optional.ofNullable(meanRoundTrips.get(contender))
                                        .map(mean -> String.format(Locale.ROOT, "%,.0f", mean)).orElse("–"),
                                latency.count())));
            }
            md.append('\n');
        }

        if (!springLayer.isEmpty()) {
            md.append("## Spring layer\n\nUnicast 1P-1C, yielding, 65,536 slots; millions of events consumed per "
                    + "second. `core`: the ring built with `DisruptorBuilder`; `spring-*`: the same ring built by "
                    + "the starter in a minimal Spring Boot application, published to through the injected "
                    + "`EventPublisher<E>`, with a class-level or a method-level `@DisruptorHandler`.\n\n"
                    + "| variant | score |\n|---|---:|\n");
            springLayer.forEach((name, score) -> md.append(String.format(Locale.ROOT, "| %s | %.1f ± %.1f |%n",
                    name, score.value / 1e6, score.error / 1e6)));
            md.append('\n');
            springRatio("spring-class-handler", "core").ifPresent(ratio -> md.append(String.format(Locale.ROOT,
                    "Spring-injected `EventPublisher` / raw core: %.2f. ", ratio)));
            springRatio("spring-method-handler", "spring-class-handler").ifPresent(ratio -> md.append(
                    String.format(Locale.ROOT, "Method-level / class-level `@DisruptorHandler`: %.2f.", ratio)));
            md.append("\n\n");
        }

        if (!allocations.isEmpty()) {
            md.append("## Allocation\n\nJMH GC profiler (`gc.alloc.rate.norm`), bytes allocated per event "
                    + "published and consumed, our disruptor:\n\n| scenario | B/event |\n|---|---:|\n");
            allocations.forEach((label, bytes) -> md.append(String.format(Locale.ROOT, "| %s | %.4f |%n", label, bytes)));
            md.append('\n');
        }

        md.append("## Targets\n\n");
        for (Scenario scenario : scenarios) {
            scenario.ratio("lmax").ifPresent(ratio -> md.append(target(scenario.label() + ": ours / LMAX ≥ "
                    + scenario.minimumRatioToLmax(), ratio, ratio >= scenario.minimumRatioToLmax())));
            if (scenario.benchmark().equals("UnicastBenchmark")) {
                scenario.ratio("abq").ifPresent(ratio -> md.append(target(scenario.label() + ": ours / ABQ ≥ 10",
                        ratio, ratio >= 10)));
            }
        }
        Optional<Latency> ours = latency("ours");
        Optional<Latency> lmax = latency("lmax");
        if (ours.isPresent() && lmax.isPresent()) {
            double ratio = (double) ours.get().p99() / lmax.get().p99();
            md.append(target("round trip p99: ours / LMAX ≤ 1", ratio, ratio <= 1.0));
        }
        springRatio("spring-class-handler", "core").ifPresent(ratio -> md.append(target(
                "Spring-injected EventPublisher / raw core ≈ 1 (0.9 to 1.1)", ratio, ratio >= 0.9 && ratio <= 1.1)));
        return md.toString();
    }

    private Optional<Double> springRatio(String numerator, String denominator) {
        Score top = springLayer.get(numerator);
        Score bottom = springLayer.get(denominator);
        return top == null || bottom == null ? Optional.empty() : Optional.of(top.value / bottom.value);
    }

    private Optional<Latency> latency(String contender) {
        return latencies.stream().filter(latency -> latency.contender().equals(contender)).findFirst();
    }

    private static String target(String what, double ratio, boolean met) {
        return String.format(Locale.ROOT, "- %s %s: %.2f%n", met ? "met" : "**missed**", what, ratio);
    }

    private static String ratio(Optional<Double> ratio) {
        return ratio.map(value -> String.format(Locale.ROOT, "%.2f", value)).orElse("–");
    }

    /** A horizontal grouped bar chart, one group per scenario, hand-written SVG. */
    String svg() {
        int labelWidth = 270;
        int plotWidth = 560;
        int barHeight = 13;
        int groupGap = 14;
        int top = 50;
        double max = scenarios.stream().flatMap(s -> s.scores().values().stream())
                .mapToDouble(Score::value).max().orElse(1);
        int height = top + 30;
        for (Scenario scenario : scenarios) {
            height += scenario.scores().size() * barHeight + groupGap;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", labelWidth + plotWidth + 90, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Throughput, million events "
                + "consumed per second (same run)</text>\n");
        int legendX = 10;
        for (Map.Entry<String, String> contender : CONTENDERS.entrySet()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"28\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"38\">%s</text>%n", legendX, COLOURS.get(contender.getKey()), legendX + 16,
                    contender.getValue()));
            legendX += 40 + contender.getValue().length() * 7;
        }
        int y = top;
        for (Scenario scenario : scenarios) {
            int groupHeight = scenario.scores().size() * barHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    labelWidth - 8, y + groupHeight / 2 + 4, escape(scenario.label())));
            for (String contender : CONTENDERS.keySet()) {
                Score score = scenario.scores().get(contender);
                if (score == null) {
                    continue;
                }
                int width = (int) Math.max(1, Math.round(score.value / max * plotWidth));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\">%.1f</text>%n", labelWidth, y, width, barHeight - 2,
                        COLOURS.get(contender), labelWidth + width + 4, y + barHeight - 3, score.value / 1e6));
                y += barHeight;
            }
            y += groupGap;
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                labelWidth, top - 4, labelWidth, y - groupGap + 4));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
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
