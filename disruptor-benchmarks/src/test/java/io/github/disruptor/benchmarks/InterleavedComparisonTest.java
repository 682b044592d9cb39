package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.disruptor.benchmarks.InterleavedComparison.Options;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedComparisonTest {

    @Test
    void splitsTwoModesBetweenTheirClusters() {
        double threshold = InterleavedComparison.modeThreshold(new double[] {30, 35, 38, 140, 150, 160});

        assertThat(threshold).isGreaterThan(38).isLessThan(140);
    }

    @Test
    void keepsCloseScoresInOneMode() {
        assertThat(InterleavedComparison.modeThreshold(new double[] {30, 33, 36, 40, 45})).isInfinite();
    }

    @Test
    void pairsOnlyBlocksOfTheSameMode() {
        // block 2 has LMAX slow and ours fast: a mode flip between the two, not a 4x speed-up
        double[][] scores = {{150, 140, 35, 40}, {120, 112, 140, 32}};

        String summary = InterleavedComparison.summary(List.of("lmax", "ours"), scores);

        assertThat(summary).contains("two modes")
                .containsPattern("slow\\s+ours\\s+1 blocks.*/ lmax: 0\\.80 over 1 paired blocks")
                .containsPattern("fast\\s+ours\\s+3 blocks.*/ lmax: 0\\.80 over 2 paired blocks");
    }

    @Test
    void labelsBlocksOfASingleModeAll() {
        double[][] scores = {{100, 110, 105}, {90, 99, 84}};

        String summary = InterleavedComparison.summary(List.of("lmax", "ours"), scores);

        assertThat(summary).startsWith("one mode")
                .containsPattern("all\\s+ours\\s+3 blocks.*/ lmax: 0\\.90 over 3 paired blocks")
                .doesNotContain("slow");
    }

    @Test
    void namesTheArgumentAndWhatIsAcceptedWhenInputIsBad() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("scenario=multi-producer"))
                .withMessageContaining("scenario='multi-producer'").withMessageContaining("unicast");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("blocks=0"))
                .withMessageContaining("blocks='0'").withMessageContaining("positive whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("rounds=3"))
                .withMessageContaining("'rounds=3'").withMessageContaining("contenders");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("contenders=ours"))
                .withMessageContaining("at least two different contenders");
    }

    @Test
    void defaultsToUnicastYieldingLmaxFirst() {
        Options options = Options.parse();

        assertThat(options.topology()).isEqualTo(Topology.UNICAST);
        assertThat(options.idle()).isEqualTo(Idle.YIELDING);
        assertThat(options.contenders()).containsExactly("lmax", "ours");
    }
}
