package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite and publishes it: every scenario in one JMH run ({@code results.json}), then
 * our publish-and-consume paths again under the GC profiler ({@code allocation.json}), then renders
 * {@code results.md} and {@code throughput.svg}. All files go to the directory given as the first
 * argument; {@code --quick} shortens warm-up and measurement for a trial run.
 */
public final class BenchmarkSuite {

    static final String JMH_JVM_HEAP_MIN = "-Xms512m";
    static final String JMH_JVM_HEAP_MAX = "-Xmx512m";

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--quick"))) {
            System.err.println("usage: BenchmarkSuite <output directory> [--quick]");
            System.exit(2);
        }
        Path output = Files.createDirectories(Path.of(args[0]));
        boolean quick = args.length == 2;
        Instant started = Instant.now();
        Path latencyDirectory = Files.createTempDirectory("disruptor-latency");

        ChainedOptionsBuilder suite = timing(new OptionsBuilder(), quick)
                .include(BenchmarkSuite.class.getPackageName() + "\\..*Benchmark\\.")
                .jvmArgsAppend(JMH_JVM_HEAP_MIN, JMH_JVM_HEAP_MAX,
                        "-D" + PingPongLatencyBenchmark.RESULT_DIRECTORY + "=" + latencyDirectory)
                .resultFormat(ResultFormatType.JSON)
                .result(output.resolve("results.json").toString());
        Collection<RunResult> results = new Runner(suite.build()).run();

        ChainedOptionsBuilder allocation = timing(new OptionsBuilder(), true)
                .include(UnicastBenchmark.class.getName() + "\\.")
                .include(UnicastBatchBenchmark.class.getName() + "\\.")
                .include(PipelineBenchmark.class.getName() + "\\.")
                .param("contender", "ours")
                .param("waitStrategy", "yielding")
                .param("batch", "100")
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(JMH_JVM_HEAP_MIN, JMH_JVM_HEAP_MAX)
                .resultFormat(ResultFormatType.JSON)
                .result(output.resolve("allocation.json").toString());
        Collection<RunResult> allocations = new Runner(allocation.build()).run();

        Report report = new Report(started, quick, results, allocations, readLatencies(latencyDirectory));
        Files.writeString(output.resolve("results.md"), report.markdown());
        Files.writeString(output.resolve("throughput.svg"), report.svg());
        System.out.println(report.markdown());
    }

    private static ChainedOptionsBuilder timing(ChainedOptionsBuilder options, boolean quick) {
        return quick
                ? options.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
                        .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                : options.forks(3).warmupIterations(2).warmupTime(TimeValue.seconds(2))
                        .measurementIterations(3).measurementTime(TimeValue.seconds(2))
                        .timeout(TimeValue.valueOf("120s"));
    }

    private static List<Report.Latency> readLatencies(Path directory) throws IOException {
        List<Report.Latency> latencies = new ArrayList<>();
        try (var files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                Properties values = new Properties();
                try (var reader = Files.newBufferedReader(file)) {
                    values.load(reader);
                }
                String contender = file.getFileName().toString().replace(".properties", "");
                latencies.add(new Report.Latency(contender, Long.parseLong(values.getProperty("p50")),
                        Long.parseLong(values.getProperty("p99")), Long.parseLong(values.getProperty("p99.9")),
                        Long.parseLong(values.getProperty("count"))));
                Files.delete(file);
            }
        }
        Files.delete(directory);
        return latencies;
    }
}
