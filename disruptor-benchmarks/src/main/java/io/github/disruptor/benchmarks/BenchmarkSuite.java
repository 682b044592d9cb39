package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Version;

/**
 * Runs the whole suite on one or more JDKs and publishes it: per JDK, into {@code <output>/jdk17/}
 * (or {@code jdk25/}, after the feature release of the JVM the forks run on), {@code results.json}
 * (every round's score and histogram, the targets with their verdicts), {@code results.md} and
 * {@code throughput.svg}; then {@code <output>/results.md}, every JDK's targets side by side
 * ({@link SideBySide}).
 *
 * <p>The suite runs in rounds. A round gives every contender of every {@link Scenario} one JMH fork,
 * the contenders of a scenario right after each other, in reversed order every other round. Ratios
 * are then taken round by round, between forks that ran seconds apart, and summarised by their
 * median (see {@link PairedRatio}): on a shared or small machine, that is what separates the code
 * from the weather. After the rounds, our publish-and-consume paths run once more under the GC
 * profiler for the allocation table. The forks run on the JDK given with {@code --jdk} (JMH's
 * {@code jvm} option); JMH's own runner stays on the JVM that started the suite.
 */
public final class BenchmarkSuite {

    static final int ROUNDS = 12;
    static final int QUICK_ROUNDS = 2;
    static final List<String> FORK_JVM_ARGS = List.of("-Xms512m", "-Xmx512m");
    private static final List<Scenario> ALLOCATION_SCENARIOS =
            List.of(Scenario.UNICAST_YIELDING, Scenario.BATCH_100, Scenario.PIPELINE);

    static final String USAGE = """
            usage: BenchmarkSuite [--output DIR] [--jdk JAVA_HOME]... [--quick] [--rounds N] [--scenarios ID,...]
                                  [--jmh-results DIR]
                   BenchmarkSuite [--output DIR] --render
              --output DIR        where jdk<N>/ and the side-by-side results.md go (default docs/benchmarks)
              --jdk JAVA_HOME     the JDK the forks run on; repeat for several, run one after the other
                                  (default: the JVM running this)
              --quick             %d short rounds, to try the suite, not to draw conclusions
              --rounds N          rounds per JDK (default %d, or %d with --quick)
              --scenarios ID,...  only these scenarios (default all): %s
              --jmh-results DIR   also keep JMH's own JSON result of every fork there
              --render            measure nothing: render every DIR/jdk*/results.json and the side-by-side page again
            """.formatted(QUICK_ROUNDS, ROUNDS, QUICK_ROUNDS, Scenario.ids());

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException invalid) {
            System.err.println(invalid.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try {
            if (options.render()) {
                for (Path results : SideBySide.resultFiles(options.output())) {
                    publish(ResultsFile.toRun(ResultsFile.read(results)), results.getParent());
                }
            } else {
                for (Path jdk : options.jdks()) {
                    run(options, JvmDescription.probe(jdk));
                }
            }
            System.out.println("Wrote " + SideBySide.write(options.output()));
        } catch (IllegalArgumentException | IllegalStateException failure) {
            System.err.println(failure.getMessage());
            System.exit(1);
        }
    }

    private static void run(Options options, JvmDescription jvm) throws RunnerException, IOException {
        Path java = JvmDescription.javaExecutable(Path.of(jvm.home()));
        Instant started = Instant.now();
        SuiteRun run = new SuiteRun(started, settings(options), MachineDescription.current(), jvm);
        Path jmhResults = options.jmhResults() == null ? null : Files.createDirectories(options.jmhResults()
                .resolve(jvm.directoryName() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
                        .withZone(ZoneOffset.UTC).format(started)));
        Path latencyRoot = Files.createTempDirectory("disruptor-latency");
        for (int round = 0; round < run.rounds(); round++) {
            Path latencyDirectory = latencyRoot.resolve("round-" + round);
            for (Scenario scenario : options.scenarios()) {
                ChainedOptionsBuilder fork = roundOptions(scenario, round, options.quick(), latencyDirectory, java);
                if (jmhResults != null) {
                    fork.result(jmhResults.resolve(String.format(Locale.ROOT, "round-%02d-%s.json", round,
                            scenario.id())).toString()).resultFormat(ResultFormatType.JSON);
                }
                for (RunResult result : new Runner(fork.build()).run()) {
                    checkForkJvm(result, jvm);
                    run.recordScore(scenario, result.getParams().getParam("contender"), round,
                            result.getPrimaryResult().getScore());
                }
            }
            readRoundTrips(latencyDirectory, run);
        }
        Files.delete(latencyRoot);
        measureAllocation(run, options, java);
        publish(run, Files.createDirectories(options.output().resolve(jvm.directoryName())));
    }

    /** Writes {@code results.json}, {@code results.md} and {@code throughput.svg} of one run into {@code directory}. */
    private static void publish(SuiteRun run, Path directory) throws IOException {
        Report report = new Report(run);
        Files.writeString(directory.resolve(ResultsFile.NAME), ResultsFile.json(run, report));
        Files.writeString(directory.resolve("results.md"), report.markdown());
        Files.writeString(directory.resolve("throughput.svg"), report.svg());
        System.out.println(report.markdown());
    }

    /** The forks must have run on the JVM, and with the arguments, that the report will name. */
    private static void checkForkJvm(RunResult result, JvmDescription jvm) {
        String forkVersion = result.getParams().getJdkVersion();
        if (!jvm.version().equals(forkVersion)) {
            throw new IllegalStateException("the forks ran on JDK " + forkVersion + ", not on " + jvm.summary()
                    + " as the report would say");
        }
        if (!result.getParams().getJvmArgs().containsAll(FORK_JVM_ARGS)) {
            throw new IllegalStateException("the forks ran with " + result.getParams().getJvmArgs() + ", without "
                    + FORK_JVM_ARGS + " as the report would say");
        }
    }

    /** One fork per contender of {@code scenario}, in reversed order on odd rounds. */
    static ChainedOptionsBuilder roundOptions(Scenario scenario, int round, boolean quick,
            Path latencyDirectory, Path java) {
        List<String> contenders = new ArrayList<>(scenario.contenders());
        if (round % 2 == 1) {
            Collections.reverse(contenders);
        }
        ChainedOptionsBuilder options = timing(new OptionsBuilder(), quick, java,
                "-D" + PingPongLatencyBenchmark.RESULT_DIRECTORY + "=" + latencyDirectory)
                .include("^" + Pattern.quote(scenario.benchmark().getName()) + "\\.")
                .param("contender", contenders.toArray(String[]::new));
        scenario.parameters().forEach(options::param);
        return options;
    }

    private static void measureAllocation(SuiteRun run, Options options, Path java) throws RunnerException {
        List<Scenario> measured = ALLOCATION_SCENARIOS.stream().filter(options.scenarios()::contains).toList();
        if (measured.isEmpty()) {
            return;
        }
        ChainedOptionsBuilder allocation = timing(new OptionsBuilder(), true, java)
                .param("contender", "ours")
                .addProfiler(GCProfiler.class);
        for (Scenario scenario : measured) {
            allocation.include("^" + Pattern.quote(scenario.benchmark().getName()) + "\\.");
            scenario.parameters().forEach(allocation::param);
        }
        for (RunResult result : new Runner(allocation.build()).run()) {
            String benchmark = result.getParams().getBenchmark();
            Scenario scenario = measured.stream()
                    .filter(candidate -> benchmark.startsWith(candidate.benchmark().getName() + "."))
                    .findFirst().orElseThrow();
            result.getSecondaryResults().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                    .findFirst()
                    .ifPresent(entry -> run.recordAllocation(scenario, entry.getValue().getScore()));
        }
    }

    /**
     * One fork on {@code java} with {@link #FORK_JVM_ARGS} and {@code jvmArgs}: in one call, because JMH's
     * {@code jvmArgsAppend} replaces what an earlier call set.
     */
    private static ChainedOptionsBuilder timing(ChainedOptionsBuilder options, boolean quick, Path java,
            String... jvmArgs) {
        List<String> forkJvmArgs = new ArrayList<>(FORK_JVM_ARGS);
        forkJvmArgs.addAll(List.of(jvmArgs));
        return options.forks(1)
                .jvm(java.toString())
                .jvmArgsAppend(forkJvmArgs.toArray(String[]::new))
                .warmupIterations(warmupIterations(quick)).warmupTime(TimeValue.seconds(1))
                .measurementIterations(measurementIterations(quick)).measurementTime(TimeValue.seconds(1))
                .timeout(TimeValue.seconds(60))
                .shouldFailOnError(true);
    }

    private static int warmupIterations(boolean quick) {
        return quick ? 1 : 2;
    }

    private static int measurementIterations(boolean quick) {
        return quick ? 2 : 3;
    }

    private static SuiteSettings settings(Options options) {
        return new SuiteSettings(Version.getPlainVersion(), options.rounds(), options.quick(),
                warmupIterations(options.quick()), 1, measurementIterations(options.quick()), 1, FORK_JVM_ARGS);
    }

    /** Reads and removes the histograms the round-trip benchmark wrote in one round. */
    private static void readRoundTrips(Path directory, SuiteRun run) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String contender = file.getFileName().toString().replace(PingPongLatencyBenchmark.HISTOGRAM_SUFFIX, "");
                run.recordRoundTrips(contender, HistogramCodec.decode(Files.readString(file), file));
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    /** The command line, validated. */
    record Options(Path output, List<Path> jdks, boolean quick, int rounds, List<Scenario> scenarios, Path jmhResults,
            boolean render) {

        /**
         * Later values of a single-valued option replace earlier ones, so that a script's defaults can
         * be overridden by arguments appended after them.
         *
         * @throws IllegalArgumentException naming the argument, its value and what is accepted
         */
        static Options parse(String... args) {
            Path output = Path.of("docs", "benchmarks");
            List<Path> jdks = new ArrayList<>();
            boolean quick = false;
            Integer rounds = null;
            List<Scenario> scenarios = List.of(Scenario.values());
            Path jmhResults = null;
            boolean render = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--quick" -> quick = true;
                    case "--render" -> render = true;
                    case "--output" -> output = Path.of(value(args, i++));
                    case "--jmh-results" -> jmhResults = Path.of(value(args, i++));
                    case "--jdk" -> {
                        Path jdk = Path.of(value(args, i++));
                        JvmDescription.javaExecutable(jdk);
                        jdks.add(jdk);
                    }
                    case "--rounds" -> rounds = positive(arg, value(args, i++));
                    case "--scenarios" -> scenarios = Arrays.stream(value(args, i++).split(","))
                            .map(String::trim).map(Scenario::byId).distinct().sorted().toList();
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            if (render && (!jdks.isEmpty() || quick || rounds != null || scenarios.size() != Scenario.values().length)) {
                throw new IllegalArgumentException("--render measures nothing; it takes --output only");
            }
            if (jdks.isEmpty()) {
                jdks.add(Path.of(System.getProperty("java.home")));
            }
            int effectiveRounds = rounds != null ? rounds : quick ? QUICK_ROUNDS : ROUNDS;
            return new Options(output, List.copyOf(jdks), quick, effectiveRounds, scenarios, jmhResults, render);
        }

        private static String value(String[] args, int i) {
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            return args[i + 1];
        }

        private static int positive(String option, String value) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the value and what is accepted
            }
            throw new IllegalArgumentException(option + " '" + value + "' must be a positive whole number");
        }
    }
}
