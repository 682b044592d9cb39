package io.github.disruptor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A diagnostic for trying a change to the core in minutes, not a source of published figures (those
 * come from the JMH suite): for each chosen scenario, runs several JVMs one after the other
 * ({@link InterleavedBlocks}), each timing the contenders block after block, a fraction of a second
 * apart instead of the seconds between the suite's forks; then summarises every scenario in a line
 * per ratio ({@link InterleavedSummary}): the median of the paired blocks' ratios with its interval,
 * each JVM's median, and the verdict on the scenario's target.
 *
 * <p>Each scenario gets JVMs of its own: compiled in one JVM, publish paths of different scenarios
 * share inlined methods and their profiles and change each other's speed. With {@code alt-core=JAR},
 * each JVM also times our flows on that other build of the core, as the contender {@code alt}, so
 * that a before/after comparison of a core change is one run. {@code jdk=} chooses the JVM.
 *
 * <p>Usage: {@link InterleavedOptions#USAGE}.
 */
public final class InterleavedComparison {

    /** Per block and contender on top of publishing its events at 1 M events/s or faster: setup, GC, Spring. */
    private static final long BLOCK_OVERHEAD_SECONDS = 10;

    private final InterleavedOptions options;
    private final JvmDescription jdk;
    private final Map<Scenario, List<double[][]>> blocks = new LinkedHashMap<>();

    private InterleavedComparison(InterleavedOptions options) {
        this.options = options;
        this.jdk = JvmDescription.probe(options.jdk());
    }

    /** Every block and the summary, for {@code results=FILE}. */
    record Report(String started, JvmDescription jdk, MachineDescription machine, String alternativeCore,
            int blocks, int invocations, List<ScenarioBlocks> scenarios) {
    }

    /**
     * @param jvms per JVM, millions of events per second {@code [contender][block]}
     * @param summary the lines printed for this scenario
     */
    record ScenarioBlocks(String scenario, String waitStrategy, List<String> contenders, List<double[][]> jvms,
            List<String> summary) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        InterleavedOptions options;
        try {
            options = InterleavedOptions.parse(args);
        } catch (IllegalArgumentException invalid) {
            System.err.println(invalid.getMessage());
            System.err.print(InterleavedOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new InterleavedComparison(options).run();
        } catch (IllegalArgumentException | IllegalStateException failure) {
            System.err.println(failure.getMessage());
            System.exit(1);
        }
    }

    private void run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        MachineDescription machine = MachineDescription.current();
        System.out.println("JDK: " + jdk.summary());
        System.out.println("Machine: " + machine.summary());
        if (options.altCore() != null) {
            System.out.println(InterleavedOptions.ALTERNATIVE + " = our flows on the core " + options.altName() + " ("
                    + options.altCore() + "); ours = the core in the benchmarks jar");
        }
        for (int jvm = 1; jvm <= options.jvms(); jvm++) {
            for (Scenario scenario : options.scenarios()) {
                System.out.printf(Locale.ROOT, "%n== %s (%s), JVM %d of %d ==%n", scenario.id(), scenario.label(), jvm,
                        options.jvms());
                double[][] scores = runJvm(scenario, jvm);
                blocks.computeIfAbsent(scenario, key -> new ArrayList<>()).add(scores);
                System.out.print(InterleavedSummary.describe(scenario, options.contenders(scenario), List.<double[][]>of(scores)));
            }
        }
        List<ScenarioBlocks> summaries = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%n== Summary, %s: per scenario %d JVMs, in each %d blocks of %d M events per "
                + "contender; ratio = median of the same-mode paired blocks [sign-test interval] ==%n", jdk.summary(),
                options.jvms(), options.blocks(), options.invocations());
        for (Map.Entry<Scenario, List<double[][]>> entry : blocks.entrySet()) {
            Scenario scenario = entry.getKey();
            List<String> contenders = options.contenders(scenario);
            List<String> lines = InterleavedSummary.ratios(scenario, contenders, entry.getValue()).stream()
                    .map(ratio -> String.format(Locale.ROOT, "%-18s %s", scenario.id(), ratio.line())).toList();
            lines.forEach(System.out::println);
            summaries.add(new ScenarioBlocks(scenario.id(), options.idle(scenario).label(), contenders,
                    entry.getValue(), lines));
        }
        if (options.results() != null) {
            Json.MAPPER.writeValue(options.results().toFile(), new Report(started.toString(), jdk, machine,
                    options.altCore() == null ? null : options.altName() + " (" + options.altCore() + ")",
                    options.blocks(), options.invocations(), summaries));
            System.out.println("Wrote " + options.results());
        }
    }

    /** Runs one JVM of {@code scenario} and returns its scores. */
    private double[][] runJvm(Scenario scenario, int jvm) throws IOException, InterruptedException {
        Path result = Files.createTempFile("interleaved-" + scenario.id() + "-", ".json");
        try {
            List<String> command = new ArrayList<>();
            command.add(JvmDescription.javaExecutable(options.jdk()).toString());
            command.addAll(BenchmarkSuite.FORK_JVM_ARGS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), InterleavedBlocks.class.getName(),
                    result.toString()));
            command.addAll(options.workerArguments(scenario));
            Process process = new ProcessBuilder(command).inheritIO().start();
            long deadline = deadlineSeconds(scenario);
            if (!process.waitFor(deadline, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("JVM " + jvm + " of " + scenario.id() + " did not finish within "
                        + deadline + " s and was killed; a flow that never drains points at lost events");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("JVM " + jvm + " of " + scenario.id() + " failed with exit code "
                        + process.exitValue() + " (its output is above)");
            }
            InterleavedBlocks.Result blocksOfJvm = Json.MAPPER.readValue(result.toFile(), InterleavedBlocks.Result.class);
            if (!blocksOfJvm.jvm().equals(jdk)) {
                throw new IllegalStateException("JVM " + jvm + " of " + scenario.id() + " ran on "
                        + blocksOfJvm.jvm().summary() + ", not on " + jdk.summary());
            }
            return blocksOfJvm.scores();
        } finally {
            Files.deleteIfExists(result);
        }
    }

    private long deadlineSeconds(Scenario scenario) {
        long blocksPerContender = InterleavedBlocks.WARM_UP_BLOCKS + options.blocks();
        long secondsPerBlock = options.invocations() + 1 + BLOCK_OVERHEAD_SECONDS;
        return 60 + blocksPerContender * options.contenders(scenario).size() * secondsPerBlock;
    }
}
