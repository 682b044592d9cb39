package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

    static final int ROUNDS = 8;

    private final SuiteRun run = newRun(ROUNDS);

    static SuiteRun newRun(int rounds) {
        return new SuiteRun(Instant.parse("2026-11-30T09:00:00Z"),
                new SuiteSettings("1.37", rounds, false, 2, 1, 3, 1, List.of("-Xms512m", "-Xmx512m")),
                new MachineDescription("AMD EPYC", 2, 24_000, "Linux 6.1", "amd64", true),
                new JvmDescription("Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "25.0.3", "25.0.3+9-LTS", 25,
                        "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    @Test
    void judgesEachTargetByItsWholeInterval() {
        for (int round = 0; round < ROUNDS; round++) {
            record(run, Scenario.UNICAST_BUSY_SPIN, round, 200, 100, 40);
            record(run, Scenario.BATCH_10, round, 100 + 10 * round, 100, 0);
            record(run, Scenario.MULTICAST, round, 80, 100, 0);
            recordRoundTrips(run, "ours", 300, 900);
            recordRoundTrips(run, "lmax", 400, 600);
        }

        String markdown = new Report(run).markdown();

        assertThat(markdown)
                .contains("| unicast 1P-1C, busy-spin: ours / LMAX 4.0.0 | ≥ 1 | 2.00 [2.00–2.00] | met |")
                .contains("| unicast 1P-1C, busy-spin: ours / ArrayBlockingQueue | ≥ 10 | 5.00 [5.00–5.00] | **missed** |")
                .contains("| unicast 1P-1C, batches of 10, busy-spin: ours / LMAX 4.0.0 | ≥ 1.2 | 1.35 [1.10–1.60] "
                        + "| not settled |")
                .contains("| multicast 1P-2C, yielding: ours / LMAX 4.0.0 | ≥ 1 | 0.80 [0.80–0.80] | **missed** |")
                .contains("| round trip p50, per round: ours / LMAX | ≤ 1 | 0.75 [0.75–0.75] | met |")
                .contains("| round trip p99.9, per round: ours / LMAX | ≤ 1 | 1.50 [1.50–1.50] | **missed** |")
                .contains("| unicast 1P-1C, busy-spin | 200.0 <sub>200–200</sub> | 100.0 <sub>100–100</sub> |")
                .contains("With 8 paired rounds, each interval covers the true median ratio with 93.0 % probability.")
                .contains("- JDK: Eclipse Adoptium OpenJDK 64-Bit Server VM 25.0.3+9-LTS")
                .contains("- Machine: AMD EPYC, 2 logical CPUs, virtual machine");
    }

    @Test
    void showsEachRoundTripPercentilePooledAndAsTheMedianOfTheRounds() {
        // seven clean rounds and one slow one: the slow round owns the pooled tail, the median per round
        // shows the typical round
        for (int round = 0; round < ROUNDS; round++) {
            recordRoundTrips(run, "ours", round == 0 ? 5_000 : 300, round == 0 ? 9_000 : 700);
            recordRoundTrips(run, "lmax", 300, 700);
        }

        RoundTripSummary ours = new Report(run).roundTripSummaries().get("ours");

        assertThat(ours.roundTrips()).isEqualTo(ROUNDS * 1_000L);
        assertThat(ours.medianPerRound().get("p50")).isCloseTo(300, offset(1.0));
        assertThat(ours.medianPerRound().get("p99.9")).isCloseTo(700, offset(1.0));
        assertThat(ours.pooled().get("p99.9")).isCloseTo(5_000, offset(5.0));
        assertThat(ours.perRound().get("p50")).hasSize(ROUNDS);
    }

    @Test
    void judgesTheSpringPublisherAgainstNinetyFivePercentOfTheCore() {
        for (int round = 0; round < ROUNDS; round++) {
            run.recordScore(Scenario.SPRING_LAYER, "core", round, 100e6);
            run.recordScore(Scenario.SPRING_LAYER, "spring-class-handler", round, 96e6);
            run.recordScore(Scenario.SPRING_LAYER, "spring-method-handler", round, 90e6);
        }

        assertThat(new Report(run).judgements()).filteredOn(judgement -> judgement.id().equals("spring-layer/publisher"))
                .singleElement()
                .satisfies(judgement -> {
                    assertThat(judgement.requirement()).isEqualTo("≥ 0.95");
                    assertThat(judgement.verdict()).isEqualTo("met");
                });
    }

    @Test
    void tooFewRoundsSettleNoTarget() {
        SuiteRun quick = newRun(2);
        for (int round = 0; round < 2; round++) {
            record(quick, Scenario.UNICAST_YIELDING, round, 300, 100, 0);
        }

        Report report = new Report(quick);

        assertThat(report.judgements()).singleElement().satisfies(judgement -> {
            assertThat(judgement.verdict()).isEqualTo("not settled");
            assertThat(judgement.measured()).isEqualTo("3.00");
            assertThat(judgement.low()).isNull();
        });
        assertThat(report.markdown()).contains("2 rounds are too few for a confidence interval");
    }

    /** Scores in millions of events per second; a queue score of 0 leaves the queue out. */
    static void record(SuiteRun run, Scenario scenario, int round, double ours, double lmax, double queue) {
        run.recordScore(scenario, "ours", round, ours * 1e6);
        run.recordScore(scenario, "lmax", round, lmax * 1e6);
        if (queue > 0) {
            run.recordScore(scenario, "abq", round, queue * 1e6);
        }
    }

    /** 1,000 round trips: 99.8 % at {@code typical} ns, 0.2 % at {@code tail} ns. */
    static void recordRoundTrips(SuiteRun run, String contender, long typical, long tail) {
        Histogram histogram = new Histogram(10_000_000_000L, 3);
        histogram.recordValueWithCount(typical, 998);
        histogram.recordValueWithCount(tail, 2);
        run.recordRoundTrips(contender, histogram);
    }
}
