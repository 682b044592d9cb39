package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ResultsFileTest {

    @TempDir
    Path directory;

    private final SuiteRun run = ReportTest.newRun(ReportTest.ROUNDS);

    @Test
    void writesEveryRoundAndTheVerdictsAsJson() {
        for (int round = 0; round < ReportTest.ROUNDS; round++) {
            ReportTest.record(run, Scenario.UNICAST_YIELDING, round, round + 1, 1, 0);
        }

        JsonNode json = Json.MAPPER.readTree(ResultsFile.json(run, new Report(run)));

        assertThat(json.get("format").asInt()).isEqualTo(ResultsFile.FORMAT);
        assertThat(json.at("/jdk/vendor").asString()).isEqualTo("Eclipse Adoptium");
        assertThat(json.at("/jdk/feature").asInt()).isEqualTo(25);
        assertThat(json.at("/machine/cpuModel").asString()).isEqualTo("AMD EPYC");
        assertThat(json.at("/settings/rounds").asInt()).isEqualTo(ReportTest.ROUNDS);
        assertThat(json.at("/scenarios/0/id").asString()).isEqualTo("unicast-yielding");
        assertThat(json.at("/scenarios/0/scores/ours/7").asDouble()).isEqualTo(8e6);
        assertThat(json.at("/targets/0/id").asString()).isEqualTo("unicast-yielding/lmax");
        assertThat(json.at("/targets/0/median").asDouble()).isEqualTo(4.5);
        assertThat(json.at("/targets/0/low").asDouble()).isEqualTo(2.0);
        assertThat(json.at("/targets/0/high").asDouble()).isEqualTo(7.0);
        assertThat(json.at("/targets/0/verdict").asString()).isEqualTo("met");
    }

    @Test
    void escapesWhatTheHandWrittenJsonDidNot() {
        SuiteRun odd = new SuiteRun(run.started(), run.settings(),
                new MachineDescription("CPU \"X\"\tline\nbreak \\ \u0001", 2, 1024, "Linux", "amd64", null), run.jvm());
        ReportTest.record(odd, Scenario.PIPELINE, 0, 1, 1, 0);

        JsonNode json = Json.MAPPER.readTree(ResultsFile.json(odd, new Report(odd)));

        assertThat(json.at("/machine/cpuModel").asString()).isEqualTo("CPU \"X\"\tline\nbreak \\ \u0001");
        assertThat(json.at("/machine/virtualised").isNull()).isTrue();
    }

    @Test
    void readsBackTheRunItWasWrittenFromSoTheReportRendersAgainAlike() throws IOException {
        for (int round = 0; round < ReportTest.ROUNDS; round++) {
            ReportTest.record(run, Scenario.UNICAST_BUSY_SPIN, round, 100 + round, 90, 8);
            ReportTest.record(run, Scenario.MULTI_PRODUCER_3, round, 30, 40 - round, 10);
            ReportTest.recordRoundTrips(run, "ours", 300 + round, 900);
            ReportTest.recordRoundTrips(run, "lmax", 280, 1_200);
        }
        run.recordAllocation(Scenario.UNICAST_BUSY_SPIN, 0.0002);
        Report report = new Report(run);
        Path file = directory.resolve(ResultsFile.NAME);
        Files.writeString(file, ResultsFile.json(run, report));

        SuiteRun readBack = ResultsFile.toRun(ResultsFile.read(file));

        assertThat(new Report(readBack).markdown()).isEqualTo(report.markdown());
        assertThat(new Report(readBack).svg()).isEqualTo(report.svg());
    }

    @Test
    void refusesAFileOfAnotherFormatSayingWhatToDo() throws IOException {
        Path file = directory.resolve(ResultsFile.NAME);
        Files.writeString(file, "{\"started\": \"2026-11-30 12:39 UTC\", \"rounds\": 12}");

        assertThatIllegalArgumentException().isThrownBy(() -> ResultsFile.read(file))
                .withMessageContaining(file.toString()).withMessageContaining("format 0")
                .withMessageContaining("run the suite again");
    }
}
