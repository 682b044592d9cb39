package io.github.disruptor.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The interleaved comparison's command line ({@code key=value} arguments), validated.
 *
 * @param scenarios the scenarios to compare, each in JVMs of its own
 * @param waitOverride how every flow's threads wait; {@code null}: as the scenario's own workload does
 * @param blocks timed blocks per contender and JVM, after {@link InterleavedBlocks#WARM_UP_BLOCKS} untimed ones
 * @param invocations timed invocations of {@link ThroughputBenchmark#EVENTS} events per block
 * @param jvms JVMs per scenario, run one after the other
 * @param jdk the Java home the JVMs run from
 * @param contenders {@code null}: each scenario's defaults ({@link #contenders(Scenario)})
 * @param altCore a disruptor-core jar of another build, timed as the contender {@value #ALTERNATIVE}; or {@code null}
 * @param altName what that build is, for the output (for example its commit)
 * @param results a file for every block and the summary as JSON; or {@code null}
 */
record InterleavedOptions(List<Scenario> scenarios, Idle waitOverride, int blocks, int invocations, int jvms, Path jdk,
        List<String> contenders, Path altCore, String altName, Path results) {

    /** The contender that runs our flows on the alternative core. */
    static final String ALTERNATIVE = "alt";

    private static final List<String> KEYS = List.of("scenario", "wait", "blocks", "invocations", "jvms", "jdk",
            "contenders", "alt-core", "alt-name", "results");

    static final String USAGE = """
            usage: InterleavedComparison [key=value]...
              scenario=ID,...|all   default unicast-yielding; any of %s
              wait=busy-spin|yielding  default: the scenario's own
              blocks=16             timed blocks per contender and JVM (after %d warm-up blocks)
              invocations=10        timed invocations of 1,000,000 events per block
              jvms=3                JVMs per scenario, one after the other
              jdk=JAVA_HOME         default: the JVM running this
              contenders=A,B,...    default lmax,ours (lmax,alt,ours with alt-core; core,spring-class-handler
                                    for spring-layer); every later one is divided by every earlier one
              alt-core=JAR          another build of disruptor-core, timed as the contender 'alt'
              alt-name=TEXT         what that build is, for the output
              results=FILE          also write every block and the summary there as JSON
            """.formatted(throughputIds(), InterleavedBlocks.WARM_UP_BLOCKS);

    /**
     * @throws IllegalArgumentException naming the argument, its value and what is accepted
     */
    static InterleavedOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String key = equals < 0 ? arg : arg.substring(0, equals);
            if (equals < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; expected key=value with a key out of "
                        + KEYS);
            }
            values.put(key, arg.substring(equals + 1));
        }
        List<Scenario> scenarios = scenarios(values.getOrDefault("scenario", Scenario.UNICAST_YIELDING.id()));
        Idle waitOverride = values.containsKey("wait") ? idle(values.get("wait")) : null;
        Path jdk = Path.of(values.getOrDefault("jdk", System.getProperty("java.home")));
        JvmDescription.javaExecutable(jdk);
        Path altCore = values.containsKey("alt-core") ? Path.of(values.get("alt-core")) : null;
        if (altCore != null) {
            AlternativeCore.checkIsCore(altCore);
        }
        List<String> contenders = values.containsKey("contenders")
                ? List.of(values.get("contenders").split(",", -1)) : null;
        InterleavedOptions options = new InterleavedOptions(scenarios, waitOverride, positive(values, "blocks", 16),
                positive(values, "invocations", 10), positive(values, "jvms", 3), jdk, contenders, altCore,
                values.getOrDefault("alt-name", altCore == null ? null : altCore.getFileName().toString()),
                values.containsKey("results") ? Path.of(values.get("results")) : null);
        scenarios.forEach(options::validate);
        return options;
    }

    private void validate(Scenario scenario) {
        if (waitOverride != null && scenario == Scenario.SPRING_LAYER && waitOverride != scenario.workload().idle()) {
            throw new IllegalArgumentException("wait='" + waitOverride.label() + "' cannot apply to spring-layer: the starter's "
                    + "ring there waits by " + scenario.workload().idle().label() + " only");
        }
        List<String> chosen = contenders(scenario);
        if (chosen.size() < 2 || chosen.stream().distinct().count() != chosen.size()) {
            throw new IllegalArgumentException("contenders='" + String.join(",", chosen) + "' must name at least two "
                    + "different contenders; every later one is divided by every earlier one");
        }
        for (String contender : chosen) {
            if (contender.equals(ALTERNATIVE)) {
                if (altCore == null) {
                    throw new IllegalArgumentException("contenders name '" + ALTERNATIVE + "' but no alt-core=JAR "
                            + "says which build of disruptor-core it is");
                }
                if (!scenario.contenders().contains("ours")) {
                    throw new IllegalArgumentException("'" + ALTERNATIVE + "' cannot run in " + scenario.id()
                            + ": another core can stand in for 'ours' only, and this scenario's contenders are "
                            + scenario.contenders());
                }
            } else if (!scenario.contenders().contains(contender)) {
                throw new IllegalArgumentException("contender '" + contender + "' is not one of " + scenario.id()
                        + "'s: " + scenario.contenders() + (altCore == null ? "" : " or " + ALTERNATIVE));
            }
        }
        if (altCore != null && !chosen.contains(ALTERNATIVE)) {
            throw new IllegalArgumentException("alt-core='" + altCore + "' is given but the contenders of "
                    + scenario.id() + " (" + String.join(",", chosen) + ") do not include '" + ALTERNATIVE + "'");
        }
    }

    /** The contenders of {@code scenario}, the first being the first reference. */
    List<String> contenders(Scenario scenario) {
        if (contenders != null) {
            return contenders;
        }
        if (scenario == Scenario.SPRING_LAYER) {
            return List.of("core", "spring-class-handler");
        }
        return altCore == null ? List.of("lmax", "ours") : List.of("lmax", ALTERNATIVE, "ours");
    }

    /** How the flows of {@code scenario} wait. */
    Idle idle(Scenario scenario) {
        return waitOverride != null ? waitOverride : scenario.workload().idle();
    }

    /** The arguments that make {@link InterleavedBlocks} run {@code scenario} as these options say. */
    List<String> workerArguments(Scenario scenario) {
        List<String> arguments = new ArrayList<>(List.of("scenario=" + scenario.id(),
                "wait=" + idle(scenario).label(), "blocks=" + blocks, "invocations=" + invocations,
                "contenders=" + String.join(",", contenders(scenario))));
        if (altCore != null) {
            arguments.add("alt-core=" + altCore.toAbsolutePath());
        }
        return arguments;
    }

    private static List<Scenario> scenarios(String value) {
        if (value.equals("all")) {
            return Arrays.stream(Scenario.values()).filter(Scenario::hasWorkload).toList();
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (String id : value.split(",", -1)) {
            Scenario scenario;
            try {
                scenario = Scenario.byId(id.trim());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("scenario='" + value + "': '" + id + "' is not one of "
                        + throughputIds() + " or all");
            }
            if (!scenario.hasWorkload()) {
                throw new IllegalArgumentException("scenario='" + value + "': " + id + " measures latency; the "
                        + "interleaved comparison times flows of events: " + throughputIds());
            }
            if (!scenarios.contains(scenario)) {
                scenarios.add(scenario);
            }
        }
        return List.copyOf(scenarios);
    }

    private static String throughputIds() {
        return Arrays.stream(Scenario.values()).filter(Scenario::hasWorkload).map(Scenario::id)
                .collect(Collectors.joining(", "));
    }

    private static Idle idle(String label) {
        try {
            return Idle.of(label);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("wait='" + label + "' is not busy-spin or yielding");
        }
    }

    private static int positive(Map<String, String> values, String key, int defaultValue) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the value and what is accepted
        }
        throw new IllegalArgumentException(key + "='" + value + "' must be a positive whole number");
    }
}
