package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final int ROUNDS = 8;

    private final SuiteRun run = new SuiteRun(Instant.parse("2026-11-30T09:00:00Z"), ROUNDS, "test settings");

    @Test
    void judgesEachTargetByItsWholeInterval() {
        for (int round = 0; round < ROUNDS; round++) {
            record(Scenario.UNICAST_BUSY_SPIN, round, 200, 100, 40);
            record(Scenario.BATCH_10, round, 100 + 10 * round, 100, 0);
            record(Scenario.MULTICAST, round, 80, 100, 0);
            recordRoundTrips("ours", 300);
            recordRoundTrips("lmax", 400);
        }

        String markdown = new Report(run, false).markdown();

        assertThat(markdown)
                .contains("- met unicast 1P-1C, busy-spin: ours / LMAX ≥ 1: 2.00 [2.00–2.00]")
                .contains("- **missed** unicast 1P-1C, busy-spin: ours / ArrayBlockingQueue ≥ 10: 5.00 [5.00–5.00]")
                .contains("- not settled unicast 1P-1C, batches of 10, busy-spin: ours / LMAX ≥ 1.2: 1.35 [1.10–1.60]")
                .contains("- **missed** multicast 1P-2C, yielding: ours / LMAX ≥ 1: 0.80 [0.80–0.80]")
                .contains("- met round trip p99: ours / LMAX ≤ 1: 0.75 [0.75–0.75]")
                .contains("| unicast 1P-1C, busy-spin | 200.0 <sub>200–200</sub> | 100.0 <sub>100–100</sub> |")
                .contains("93.0 % distribution-free confidence over 8 paired rounds");
    }

    @Test
    void writesEveryRoundIntoTheJson() {
        for (int round = 0; round < ROUNDS; round++) {
            record(Scenario.UNICAST_YIELDING, round, round + 1, 1, 0);
        }

        String json = new Report(run, false).json();

        assertThat(json)
                .contains("\"scenario\": \"unicast 1P-1C, yielding\"")
                .contains("\"ours\": [1000000.0000, 2000000.0000, 3000000.0000, 4000000.0000, 5000000.0000, "
                        + "6000000.0000, 7000000.0000, 8000000.0000]")
                .contains("\"of\": \"ours / lmax\", \"median\": 4.5000, \"low\": 2.0000, \"high\": 7.0000")
                .contains("\"rounds\": 8");
    }

    /** Scores in millions of events per second; a queue score of 0 leaves the queue out. */
    private void record(Scenario scenario, int round, double ours, double lmax, double queue) {
        run.recordScore(scenario, "ours", round, ours * 1e6);
        run.recordScore(scenario, "lmax", round, lmax * 1e6);
        if (queue > 0) {
            run.recordScore(scenario, "abq", round, queue * 1e6);
        }
    }

    private void recordRoundTrips(String contender, long nanos) {
        Histogram histogram = new Histogram(10_000_000_000L, 3);
        histogram.recordValueWithCount(nanos, 1_000);
        run.recordRoundTrips(contender, histogram);
    }
}
