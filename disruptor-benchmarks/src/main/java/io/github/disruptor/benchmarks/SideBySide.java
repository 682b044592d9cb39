package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The page that puts every JDK's latest suite run side by side: {@code <output>/results.md}, built
 * from {@code <output>/jdk<N>/results.json}, one column per JDK, each target with its ratio, interval
 * and verdict, and the round-trip percentiles per round and pooled.
 */
final class SideBySide {

    static final String NAME = "results.md";
    private static final Pattern JDK_DIRECTORY = Pattern.compile("jdk(\\d+)");

    private SideBySide() {
    }

    /** Every {@code jdk<N>/results.json} under {@code output}, in order of the feature release. */
    static List<Path> resultFiles(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        try (var entries = Files.list(output)) {
            return entries.filter(entry -> JDK_DIRECTORY.matcher(entry.getFileName().toString()).matches())
                    .map(directory -> directory.resolve(ResultsFile.NAME))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparingInt(SideBySide::feature))
                    .toList();
        }
    }

    private static int feature(Path resultsFile) {
        var matcher = JDK_DIRECTORY.matcher(resultsFile.getParent().getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /**
     * Writes {@code <output>/results.md} from every JDK's results.
     *
     * @return the page written
     * @throws IllegalStateException if {@code output} holds no JDK's results
     */
    static Path write(Path output) throws IOException {
        List<ResultsFile.Document> documents = new ArrayList<>();
        for (Path file : resultFiles(output)) {
            documents.add(ResultsFile.read(file));
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("no jdk<N>/" + ResultsFile.NAME + " under " + output
                    + ": run the suite first");
        }
        Path page = output.resolve(NAME);
        Files.writeString(page, markdown(documents));
        return page;
    }

    static String markdown(List<ResultsFile.Document> documents) {
        StringBuilder md = new StringBuilder("# Benchmark results");
        documents.forEach(document -> md.append(documents.indexOf(document) == 0 ? ", " : " and ")
                .append("JDK ").append(document.jdk().feature()));
        md.append("\n\nOne column per JDK, each from one run of the suite on that JDK (`run-benchmarks.sh --jdk ...`)."
                + " Ratios: ours / LMAX 4.0.0 unless stated, the median of the per-round ratios with its "
                + "distribution-free confidence interval in brackets; a target is met or missed only when the whole "
                + "interval is on one side of it. Every figure, per JDK: ");
        for (ResultsFile.Document document : documents) {
            String directory = document.jdk().directoryName();
            md.append(documents.indexOf(document) == 0 ? "" : ", ").append('[').append(directory).append("](")
                    .append(directory).append("/results.md)");
        }
        md.append(".\n\n");

        row(md, "", documents, document -> "JDK " + document.jdk().feature());
        md.append("|---|").append("---|".repeat(documents.size())).append('\n');
        row(md, "JDK", documents, document -> document.jdk().summary());
        row(md, "machine", documents, document -> document.machine().summary());
        row(md, "run started", documents, document -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC).format(Instant.parse(document.started())));
        row(md, "settings", documents, document -> document.settings().summary());

        md.append("\n## Targets\n\n| target | required |");
        documents.forEach(document -> md.append(" JDK ").append(document.jdk().feature()).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(documents.size())).append('\n');
        Map<String, Judgement> firstSeen = new LinkedHashMap<>();
        documents.forEach(document -> document.targets().forEach(target -> firstSeen.putIfAbsent(target.id(), target)));
        // a JDK's run may have left out scenarios: rows go in the suite's order, whichever JDK has them
        List<Judgement> rows = firstSeen.values().stream().sorted(Comparator.comparingInt(SideBySide::scenarioOrder))
                .toList();
        for (Judgement target : rows) {
            md.append("| ").append(target.target()).append(" | ").append(target.requirement()).append(" |");
            for (ResultsFile.Document document : documents) {
                md.append(' ').append(document.targets().stream().filter(other -> other.id().equals(target.id()))
                        .findFirst().map(other -> other.measured() + " " + other.verdictCell()).orElse("–"))
                        .append(" |");
            }
            md.append('\n');
        }

        if (documents.stream().anyMatch(document -> hasRoundTrips(document))) {
            md.append("\n## Round-trip latency\n\nNanoseconds, ours / LMAX 4.0.0: the median over the rounds of each "
                    + "round's percentile (what the targets judge), and the percentile of all rounds pooled.\n\n"
                    + "| percentile |");
            documents.forEach(document -> md.append(" JDK ").append(document.jdk().feature())
                    .append(", median per round | pooled |"));
            md.append("\n|---|").append("---:|---:|".repeat(documents.size())).append('\n');
            for (String percentile : Report.PERCENTILES.keySet()) {
                md.append("| ").append(percentile).append(" |");
                for (ResultsFile.Document document : documents) {
                    md.append(' ').append(oursAndLmax(document, percentile, RoundTripSummary::medianPerRound))
                            .append(" | ").append(oursAndLmax(document, percentile, RoundTripSummary::pooled))
                            .append(" |");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static int scenarioOrder(Judgement target) {
        return Scenario.byId(target.id().substring(0, target.id().indexOf('/'))).ordinal();
    }

    private static void row(StringBuilder md, String title, List<ResultsFile.Document> documents,
            Function<ResultsFile.Document, String> cell) {
        md.append("| ").append(title).append(" |");
        documents.forEach(document -> md.append(' ').append(cell.apply(document)).append(" |"));
        md.append('\n');
    }

    private static boolean hasRoundTrips(ResultsFile.Document document) {
        return document.roundTrips().containsKey("ours") && document.roundTrips().containsKey("lmax");
    }

    private static String oursAndLmax(ResultsFile.Document document, String percentile,
            Function<RoundTripSummary, Map<String, Double>> statistic) {
        if (!hasRoundTrips(document)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,.0f / %,.0f",
                statistic.apply(document.roundTrips().get("ours")).get(percentile),
                statistic.apply(document.roundTrips().get("lmax")).get(percentile));
    }
}
