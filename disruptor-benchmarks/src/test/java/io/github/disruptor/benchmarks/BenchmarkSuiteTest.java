package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.disruptor.benchmarks.BenchmarkSuite.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchmarkSuiteTest {

    private static final Path JAVA = Path.of("/opt/jdk-25/bin/java");

    @Test
    void forksGetTheHeapTheReportStatesAndTheLatencyDirectoryTogether() {
        // JMH's jvmArgsAppend replaces what an earlier call set: both must arrive in one call
        org.openjdk.jmh.runner.options.Options fork =
                BenchmarkSuite.roundOptions(Scenario.ROUND_TRIP, 0, false, Path.of("/tmp/latency"), JAVA).build();

        assertThat(fork.getJvmArgsAppend().get()).containsExactly("-Xms512m", "-Xmx512m",
                "-D" + PingPongLatencyBenchmark.RESULT_DIRECTORY + "=/tmp/latency");
        assertThat(fork.getJvm().get()).isEqualTo(JAVA.toString());
    }

    @Test
    void reversesTheContendersEveryOtherRoundAndFixesTheScenariosParameters() {
        var even = BenchmarkSuite.roundOptions(Scenario.MULTI_PRODUCER_3, 0, false, Path.of("/tmp/l"), JAVA).build();
        var odd = BenchmarkSuite.roundOptions(Scenario.MULTI_PRODUCER_3, 1, false, Path.of("/tmp/l"), JAVA).build();

        assertThat(even.getParameter("contender").get()).containsExactly("ours", "lmax", "abq", "jctools");
        assertThat(odd.getParameter("contender").get()).containsExactly("jctools", "abq", "lmax", "ours");
        assertThat(even.getParameter("producers").get()).containsExactly("3");
        assertThat(even.getIncludes()).containsExactly("^\\Q" + MultiProducerBenchmark.class.getName() + "\\E\\.");
    }

    @Test
    void parsesTheCommandLine() {
        Options options = BenchmarkSuite.Options.parse("--output", "/tmp/out", "--quick", "--scenarios",
                "round-trip,unicast-yielding", "--rounds", "3", "--output", "/tmp/later");

        assertThat(options.output()).isEqualTo(Path.of("/tmp/later"));
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.scenarios()).containsExactly(Scenario.UNICAST_YIELDING, Scenario.ROUND_TRIP);
        assertThat(options.jdks()).containsExactly(Path.of(System.getProperty("java.home")));
        assertThat(BenchmarkSuite.Options.parse("--quick").rounds()).isEqualTo(BenchmarkSuite.QUICK_ROUNDS);
    }

    @Test
    void refusesBadArgumentsNamingThemAndWhatIsAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkSuite.Options.parse("--jdk", "/nonexistent"))
                .withMessageContaining("'/nonexistent' is not a JDK").withMessageContaining("bin/java");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkSuite.Options.parse("--scenarios", "unicast"))
                .withMessageContaining("unknown scenario 'unicast'").withMessageContaining("unicast-yielding");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkSuite.Options.parse("--rounds", "0"))
                .withMessageContaining("--rounds '0' must be a positive whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkSuite.Options.parse("--rounds"))
                .withMessageContaining("--rounds needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkSuite.Options.parse("--render", "--quick"))
                .withMessageContaining("--render measures nothing");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkSuite.Options.parse("docs/benchmarks"))
                .withMessageContaining("unknown argument 'docs/benchmarks'");
    }
}
