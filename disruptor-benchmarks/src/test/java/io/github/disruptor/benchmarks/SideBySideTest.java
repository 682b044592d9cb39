package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SideBySideTest {

    @TempDir
    Path output;

    @Test
    void putsEveryJdksTargetsAndRoundTripsSideBySide() throws IOException {
        SuiteRun jdk17 = runOn(new JvmDescription("Debian", "OpenJDK 64-Bit Server VM", "17.0.15",
                "17.0.15+6-Debian-1deb12u1", 17, "/usr/lib/jvm/java-17-openjdk-amd64"), 90, 400);
        SuiteRun jdk25 = ReportTest.newRun(ReportTest.ROUNDS);
        fill(jdk25, 110, 250);
        // written in reverse order: the page still goes by release
        write(jdk25);
        write(jdk17);
        Files.createDirectories(output.resolve("jdk21")); // no results there yet: left out

        String page = Files.readString(SideBySide.write(output));

        assertThat(page).startsWith("# Benchmark results, JDK 17 and JDK 25")
                .contains("[jdk17](jdk17/results.md), [jdk25](jdk25/results.md)")
                .contains("| JDK | Debian OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1 | Eclipse Adoptium "
                        + "OpenJDK 64-Bit Server VM 25.0.3+9-LTS |")
                .contains("| unicast 1P-1C, yielding: ours / LMAX 4.0.0 | ≥ 1 | 0.90 [0.90–0.90] **missed** "
                        + "| 1.10 [1.10–1.10] met |")
                .contains("| p50 | 400 / 300 | 400 / 300 | 250 / 300 | 250 / 300 |");
    }

    @Test
    void saysWhatToDoWhenThereAreNoResults() {
        assertThatIllegalStateException().isThrownBy(() -> SideBySide.write(output))
                .withMessageContaining("run the suite first");
    }

    private SuiteRun runOn(JvmDescription jvm, double ours, long oursRoundTrip) {
        SuiteRun run = new SuiteRun(Instant.parse("2026-12-01T10:00:00Z"),
                ReportTest.newRun(ReportTest.ROUNDS).settings(), ReportTest.newRun(1).machine(), jvm);
        fill(run, ours, oursRoundTrip);
        return run;
    }

    private static void fill(SuiteRun run, double ours, long oursRoundTrip) {
        for (int round = 0; round < ReportTest.ROUNDS; round++) {
            ReportTest.record(run, Scenario.UNICAST_YIELDING, round, ours, 100, 0);
            ReportTest.recordRoundTrips(run, "ours", oursRoundTrip, 900);
            ReportTest.recordRoundTrips(run, "lmax", 300, 900);
        }
    }

    private void write(SuiteRun run) throws IOException {
        Path directory = Files.createDirectories(output.resolve(run.jvm().directoryName()));
        Files.writeString(directory.resolve(ResultsFile.NAME), ResultsFile.json(run, new Report(run)));
    }
}
