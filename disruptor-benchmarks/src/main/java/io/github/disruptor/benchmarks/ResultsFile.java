package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code results.json}: everything one suite run measured (every round's score, every round's
 * round-trip histogram, the allocations, the machine, the JVM and the settings), enough to render
 * the report again ({@link #toRun}), and in front of it what the report derived (the targets with
 * their verdicts and the round-trip percentiles), for readers and for the page that puts the JDKs
 * side by side.
 */
final class ResultsFile {

    static final String NAME = "results.json";
    /** Bumped when the layout changes; a file of another format is refused with a clear message. */
    static final int FORMAT = 2;

    private ResultsFile() {
    }

    /**
     * @param format {@link #FORMAT}
     * @param started when the run started, ISO-8601
     * @param targets derived: every target's ratio, interval and verdict
     * @param roundTrips derived: per contender, the round-trip percentiles pooled and per round
     * @param scenarios measured: per scenario, every contender's score in every round
     * @param roundTripHistograms measured: per contender, every round's histogram ({@link HistogramCodec})
     * @param allocationBytesPerEvent measured: per scenario id, bytes allocated per event (ours)
     */
    record Document(int format, String started, JvmDescription jdk, MachineDescription machine,
            SuiteSettings settings, List<Judgement> targets, Map<String, RoundTripSummary> roundTrips,
            List<ScenarioScores> scenarios, Map<String, List<String>> roundTripHistograms,
            Map<String, Double> allocationBytesPerEvent) {
    }

    /**
     * @param scores contender to its score in every round; {@code null} for a round without one
     */
    record ScenarioScores(String id, String label, String unit, Map<String, List<Double>> scores) {
    }

    static String json(SuiteRun run, Report report) {
        List<ScenarioScores> scenarios = Arrays.stream(Scenario.values())
                .filter(scenario -> !run.contenders(scenario).isEmpty())
                .map(scenario -> new ScenarioScores(scenario.id(), scenario.label(),
                        scenario == Scenario.ROUND_TRIP ? "ns per round trip, mean" : "events/s",
                        scoresOf(run, scenario)))
                .toList();
        Map<String, List<String>> histograms = new LinkedHashMap<>();
        run.roundTripContenders().forEach(contender -> histograms.put(contender,
                run.roundTripHistograms(contender).stream().map(HistogramCodec::encode).toList()));
        Map<String, Double> allocations = new LinkedHashMap<>();
        run.allocations().forEach((scenario, bytes) -> allocations.put(scenario.id(), bytes));
        return Json.MAPPER.writeValueAsString(new Document(FORMAT, run.started().toString(), run.jvm(), run.machine(),
                run.settings(), report.judgements(), report.roundTripSummaries(), scenarios, histograms, allocations));
    }

    private static Map<String, List<Double>> scoresOf(SuiteRun run, Scenario scenario) {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (String contender : run.contenders(scenario)) {
            scores.put(contender, Arrays.stream(run.scores(scenario, contender))
                    .mapToObj(score -> Double.isFinite(score) ? score : null).toList());
        }
        return scores;
    }

    /**
     * @throws IllegalArgumentException naming the file if it is no results file of this format
     */
    static Document read(Path file) throws IOException {
        try {
            JsonNode tree = Json.MAPPER.readTree(Files.readString(file));
            int format = tree.path("format").asInt(0);
            if (format != FORMAT) {
                throw new IllegalArgumentException(file + " has format " + format + "; this suite reads format "
                        + FORMAT + " only: run the suite again to replace it");
            }
            return Json.MAPPER.treeToValue(tree, Document.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not a results file this suite can read: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The run a document was written from, to render its report again. */
    static SuiteRun toRun(Document document) {
        SuiteRun run = new SuiteRun(Instant.parse(document.started()), document.settings(), document.machine(),
                document.jdk());
        for (ScenarioScores scenario : document.scenarios()) {
            Scenario known = Scenario.byId(scenario.id());
            scenario.scores().forEach((contender, scores) -> {
                for (int round = 0; round < scores.size(); round++) {
                    Double score = scores.get(round);
                    run.recordScore(known, contender, round, score == null ? Double.NaN : score);
                }
            });
        }
        document.roundTripHistograms().forEach((contender, histograms) -> histograms.forEach(histogram ->
                run.recordRoundTrips(contender, HistogramCodec.decode(histogram, "results.json, " + contender))));
        document.allocationBytesPerEvent().forEach((id, bytes) -> run.recordAllocation(Scenario.byId(id), bytes));
        return run;
    }
}
