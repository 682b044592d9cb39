package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite and publishes it into the directory given as the first argument:
 * {@code results.json} (every round's score), {@code results.md} and {@code throughput.svg}.
 *
 * <p>The suite runs in rounds. A round gives every contender of every {@link Scenario} one JMH fork,
 * the contenders of a scenario right after each other, in reversed order every other round. Ratios
 * are then taken round by round, between forks that ran seconds apart, and summarised by their
 * median (see {@link PairedRatio}): on a shared or small machine, that is what separates the code
 * from the weather. After the rounds, our publish-and-consume paths run once more under the GC
 * profiler for the allocation table.
 *
 * <p>{@code --quick} runs two short rounds, enough to try the suite but not to draw conclusions.
 */
public final class BenchmarkSuite {

    static final int ROUNDS = 12;
    static final int QUICK_ROUNDS = 2;
    private static final String[] FORK_JVM_ARGS = {"-Xms512m", "-Xmx512m"};

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--quick"))) {
            System.err.println("usage: BenchmarkSuite <output directory> [--quick]");
            System.exit(2);
        }
        Path output = Files.createDirectories(Path.of(args[0]));
        boolean quick = args.length == 2;
        int rounds = quick ? QUICK_ROUNDS : ROUNDS;
        SuiteRun run = new SuiteRun(Instant.now(), rounds, settings(quick, rounds));
        Path latencyRoot = Files.createTempDirectory("disruptor-latency");
        for (int round = 0; round < rounds; round++) {
            Path latencyDirectory = latencyRoot.resolve("round-" + round);
            for (Scenario scenario : Scenario.values()) {
                for (RunResult result : new Runner(roundOptions(scenario, round, quick, latencyDirectory)).run()) {
                    run.recordScore(scenario, result.getParams().getParam("contender"), round,
                            result.getPrimaryResult().getScore());
                }
            }
            readRoundTrips(latencyDirectory, run);
        }
        Files.delete(latencyRoot);
        measureAllocation(run);

        Report report = new Report(run, quick);
        Files.writeString(output.resolve("results.json"), report.json());
        Files.writeString(output.resolve("results.md"), report.markdown());
        Files.writeString(output.resolve("throughput.svg"), report.svg());
        System.out.println(report.markdown());
    }

    /** One fork per contender of {@code scenario}, in reversed order on odd rounds. */
    private static Options roundOptions(Scenario scenario, int round, boolean quick,
            Path latencyDirectory) {
        List<String> contenders = new ArrayList<>(scenario.contenders());
        if (round % 2 == 1) {
            Collections.reverse(contenders);
        }
        ChainedOptionsBuilder options = timing(new OptionsBuilder(), quick)
                .include("^" + Pattern.quote(scenario.benchmark().getName()) + "\\.")
                .param("contender", contenders.toArray(String[]::new))
                .jvmArgsAppend(FORK_JVM_ARGS)
                .jvmArgsAppend("-D" + PingPongLatencyBenchmark.RESULT_DIRECTORY + "=" + latencyDirectory)
                .shouldFailOnError(true);
        scenario.parameters().forEach(options::param);
        return options.build();
    }

    private static void measureAllocation(SuiteRun run) throws RunnerException {
        ChainedOptionsBuilder allocation = timing(new OptionsBuilder(), true)
                .include("^" + Pattern.quote(UnicastBenchmark.class.getName()) + "\\.")
                .include("^" + Pattern.quote(UnicastBatchBenchmark.class.getName()) + "\\.")
                .include("^" + Pattern.quote(PipelineBenchmark.class.getName()) + "\\.")
                .param("contender", "ours")
                .param("waitStrategy", "yielding")
                .param("batch", "100")
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(FORK_JVM_ARGS)
                .shouldFailOnError(true);
        for (RunResult result : new Runner(allocation.build()).run()) {
            String benchmark = result.getParams().getBenchmark();
            Scenario scenario = benchmark.startsWith(UnicastBatchBenchmark.class.getName()) ? Scenario.BATCH_100
                    : benchmark.startsWith(PipelineBenchmark.class.getName()) ? Scenario.PIPELINE
                    : Scenario.UNICAST_YIELDING;
            result.getSecondaryResults().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                    .findFirst()
                    .ifPresent(entry -> run.recordAllocation(scenario.label(), entry.getValue().getScore()));
        }
    }

    private static ChainedOptionsBuilder timing(ChainedOptionsBuilder options, boolean quick) {
        return options.forks(1)
                .warmupIterations(quick ? 1 : 2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 3).measurementTime(TimeValue.seconds(1))
                .timeout(TimeValue.seconds(60));
    }

    private static String settings(boolean quick, int rounds) {
        return String.format(Locale.ROOT, "JMH 1.37; %d rounds, each one fork per contender and scenario; "
                + "per fork warm-up %d × 1 s, measurement %d × 1 s", rounds, quick ? 1 : 2, quick ? 2 : 3);
    }

    /** Reads and removes the histograms the round-trip benchmark wrote in one round. */
    private static void readRoundTrips(Path directory, SuiteRun run) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String contender = file.getFileName().toString().replace(PingPongLatencyBenchmark.HISTOGRAM_SUFFIX, "");
                run.recordRoundTrips(contender, decode(Files.readString(file).trim(), file));
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    private static Histogram decode(String base64, Path file) throws IOException {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IOException("cannot read the round-trip histogram in " + file, e);
        }
    }
}
