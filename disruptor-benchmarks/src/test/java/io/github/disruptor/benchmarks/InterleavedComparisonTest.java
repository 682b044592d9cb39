package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.disruptor.benchmarks.InterleavedSummary.Ratio;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedComparisonTest {

    @Test
    void splitsTwoModesBetweenTheirClusters() {
        double threshold = InterleavedSummary.modeThreshold(new double[] {30, 35, 38, 140, 150, 160});

        assertThat(threshold).isGreaterThan(38).isLessThan(140);
    }

    @Test
    void keepsCloseScoresInOneMode() {
        assertThat(InterleavedSummary.modeThreshold(new double[] {30, 33, 36, 40, 45})).isInfinite();
    }

    @Test
    void pairsOnlyBlocksOfTheSameModeOverEveryJvm() {
        // JVM 1, block 2: LMAX slow and ours fast, a mode flip between the two, not a 4x speed-up
        double[][] first = {{150, 140, 35, 40}, {120, 112, 140, 32}};
        double[][] second = {{150, 150}, {135, 135}};

        List<Ratio> ratios = InterleavedSummary.ratios(Scenario.UNICAST_YIELDING, List.of("lmax", "ours"),
                List.of(first, second));

        assertThat(ratios).singleElement().satisfies(ratio -> {
            assertThat(ratio.numerator()).isEqualTo("ours");
            assertThat(ratio.denominator()).isEqualTo("lmax");
            assertThat(ratio.pooled().rounds()).isEqualTo(5);
            assertThat(ratio.pooled().median()).isEqualTo(0.8);
            assertThat(ratio.acrossModes()).isEqualTo(1);
            assertThat(ratio.perJvm()).containsExactly(0.8, 0.9);
            assertThat(ratio.minimum()).isEqualTo(1.0);
            assertThat(ratio.line()).contains("ours / lmax").contains("5 pairs").contains("per JVM 0.80 0.90")
                    .contains("1 across modes left out (all pairs: 0.85 [0.80–4.00])").contains("target ≥ 1: missed");
        });
    }

    @Test
    void saysSoWhenTwoContendersNeverRanInTheSameMode() {
        double[][] scores = {{150, 140}, {35, 40}};

        Ratio ratio = InterleavedSummary.ratios(Scenario.BATCH_10, List.of("lmax", "ours"),
                List.of(scores, scores)).get(0);

        assertThat(ratio.pooled().rounds()).isZero();
        assertThat(ratio.verdict()).isEqualTo(PairedRatio.Verdict.NOT_SETTLED);
        assertThat(ratio.line()).contains("ours / lmax    –").contains("0 pairs").contains("per JVM – –")
                .contains("4 across modes left out (all pairs: 0.26");
    }

    @Test
    void dividesEveryLaterContenderByEveryEarlierOne() {
        double[][] scores = {{100, 100, 100}, {95, 95, 95}, {90, 90, 90}};

        List<Ratio> ratios = InterleavedSummary.ratios(Scenario.UNICAST_BUSY_SPIN, List.of("lmax", "alt", "ours"),
                List.<double[][]>of(scores));

        assertThat(ratios).extracting(ratio -> ratio.numerator() + "/" + ratio.denominator())
                .containsExactly("alt/lmax", "ours/lmax", "ours/alt");
        assertThat(ratios).extracting(Ratio::minimum).containsExactly(1.0, 1.0, 0.0);
        assertThat(ratios.get(2).pooled().median()).isCloseTo(0.947, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void aVerdictStandsOnlyWhenEveryJvmAgreesWithTheInterval() {
        double[][] agreeing = {{100, 100, 100, 100, 100, 100, 100, 100}, {110, 111, 112, 113, 114, 115, 116, 117}};
        double[][] dissenting = {{100, 100, 100, 100, 100, 100, 100, 100}, {95, 96, 97, 98, 99, 97, 96, 95}};

        Ratio both = InterleavedSummary.ratios(Scenario.PIPELINE, List.of("lmax", "ours"),
                List.of(agreeing, agreeing, agreeing, agreeing, dissenting)).get(0);
        Ratio alone = InterleavedSummary.ratios(Scenario.PIPELINE, List.of("lmax", "ours"),
                List.of(agreeing, agreeing)).get(0);

        assertThat(alone.verdict()).isEqualTo(PairedRatio.Verdict.MET);
        assertThat(both.pooled().low()).isGreaterThan(1.0);
        assertThat(both.verdict()).isEqualTo(PairedRatio.Verdict.NOT_SETTLED);
        assertThat(both.jvmsSpreadBeyondInterval()).isTrue();
        assertThat(both.line()).contains("JVMs differ beyond the interval");
    }

    @Test
    void judgesTheSpringPublisherAgainstTheCoreOnly() {
        assertThat(InterleavedSummary.target(Scenario.SPRING_LAYER, "spring-class-handler", "core")).isEqualTo(0.95);
        assertThat(InterleavedSummary.target(Scenario.BATCH_100, "ours", "lmax")).isEqualTo(1.2);
        assertThat(InterleavedSummary.target(Scenario.UNICAST_YIELDING, "ours", "abq")).isZero();
    }

    @Test
    void defaultsToUnicastYieldingLmaxFirstInThreeJvms() {
        InterleavedOptions options = InterleavedOptions.parse();

        assertThat(options.scenarios()).containsExactly(Scenario.UNICAST_YIELDING);
        assertThat(options.idle(Scenario.UNICAST_YIELDING)).isEqualTo(Idle.YIELDING);
        assertThat(options.contenders(Scenario.UNICAST_YIELDING)).containsExactly("lmax", "ours");
        assertThat(options.jvms()).isEqualTo(3);
        assertThat(options.contenders(Scenario.SPRING_LAYER)).containsExactly("core", "spring-class-handler");
    }

    @Test
    void coversEveryScenarioWithAWorkloadEachWaitingItsOwnWay() {
        InterleavedOptions options = InterleavedOptions.parse("scenario=all");

        assertThat(options.scenarios()).containsExactly(Scenario.UNICAST_BUSY_SPIN, Scenario.UNICAST_YIELDING,
                Scenario.BATCH_10, Scenario.BATCH_100, Scenario.MULTI_PRODUCER_2, Scenario.MULTI_PRODUCER_3,
                Scenario.PIPELINE, Scenario.MULTICAST, Scenario.SPRING_LAYER);
        assertThat(options.idle(Scenario.BATCH_10)).isEqualTo(Idle.BUSY_SPIN);
        assertThat(options.idle(Scenario.MULTI_PRODUCER_3)).isEqualTo(Idle.YIELDING);
        assertThat(options.workerArguments(Scenario.BATCH_100)).containsExactly("scenario=batch-100",
                "wait=busy-spin", "blocks=16", "invocations=10", "contenders=lmax,ours");
    }

    @Test
    void namesTheArgumentAndWhatIsAcceptedWhenInputIsBad() {
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("scenario=unicast"))
                .withMessageContaining("'unicast' is not one of").withMessageContaining("multi-producer-3");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("scenario=round-trip"))
                .withMessageContaining("round-trip measures latency");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("blocks=0"))
                .withMessageContaining("blocks='0'").withMessageContaining("positive whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("rounds=3"))
                .withMessageContaining("'rounds=3'").withMessageContaining("contenders");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("contenders=ours"))
                .withMessageContaining("at least two different contenders");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("scenario=batch-10",
                        "contenders=lmax,abq"))
                .withMessageContaining("contender 'abq' is not one of batch-10's");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("contenders=lmax,alt"))
                .withMessageContaining("no alt-core=JAR");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("alt-core=/nonexistent.jar"))
                .withMessageContaining("alt-core='/nonexistent.jar' is not a file");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("jdk=/nonexistent"))
                .withMessageContaining("'/nonexistent' is not a JDK");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("wait=sleeping"))
                .withMessageContaining("wait='sleeping' is not busy-spin or yielding");
        assertThatIllegalArgumentException().isThrownBy(() -> InterleavedOptions.parse("scenario=spring-layer",
                        "wait=busy-spin"))
                .withMessageContaining("cannot apply to spring-layer");
    }
}
