package io.github.disruptor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.github.disruptor.benchmarks.PairedRatio.Verdict;
import org.junit.jupiter.api.Test;

class PairedRatioTest {

    @Test
    void pairsRoundsAndTakesTheMedianRatio() {
        PairedRatio ratio = PairedRatio.of(new double[] {10, 40, 9}, new double[] {5, 10, 9});

        assertThat(ratio.median()).isEqualTo(2.0);
        assertThat(ratio.rounds()).isEqualTo(3);
    }

    @Test
    void eightRoundsGiveTheSecondSmallestToSecondLargestRatioAtNinetyThreePercent() {
        double[] ours = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0};
        double[] theirs = {1, 1, 1, 1, 1, 1, 1, 1};

        PairedRatio ratio = PairedRatio.of(ours, theirs);

        assertThat(ratio.low()).isEqualTo(2.0);
        assertThat(ratio.high()).isEqualTo(7.0);
        assertThat(ratio.median()).isEqualTo(4.5);
        // 1 - 2 * (1 + 8) / 256
        assertThat(ratio.confidence()).isCloseTo(0.9297, within(1e-4));
    }

    @Test
    void twelveRoundsGiveTheThirdSmallestToThirdLargestRatioAtNinetySixPercent() {
        double[] ours = {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        double[] theirs = new double[12];
        java.util.Arrays.fill(theirs, 1);

        PairedRatio ratio = PairedRatio.of(ours, theirs);

        assertThat(ratio.low()).isEqualTo(3.0);
        assertThat(ratio.high()).isEqualTo(10.0);
        assertThat(ratio.median()).isEqualTo(6.5);
        // 1 - 2 * (1 + 12 + 66) / 4096
        assertThat(ratio.confidence()).isCloseTo(0.9614, within(1e-4));
        assertThat(PairedRatio.confidenceFor(12)).isEqualTo(ratio.confidence());
    }

    @Test
    void fiveIsTheFewestRoundsWithAnInterval() {
        assertThat(PairedRatio.confidenceFor(4)).isZero();
        // [x(1), x(5)]: 1 - 2 / 32
        assertThat(PairedRatio.confidenceFor(5)).isCloseTo(0.9375, within(1e-9));
    }

    @Test
    void aSlowRoundOnOneSideDoesNotMoveTheMedian() {
        double[] ours = {100, 100, 100, 100, 100, 100, 100, 30};
        double[] theirs = {100, 100, 100, 100, 100, 100, 100, 100};

        PairedRatio ratio = PairedRatio.of(ours, theirs);

        assertThat(ratio.median()).isEqualTo(1.0);
        assertThat(ratio.against(1.0, Double.POSITIVE_INFINITY)).isEqualTo(Verdict.MET);
        assertThat(ratio.against(Double.NEGATIVE_INFINITY, 0.99)).isEqualTo(Verdict.MISSED);
    }

    @Test
    void tooFewRoundsGiveNoIntervalAndNoVerdict() {
        PairedRatio ratio = PairedRatio.of(new double[] {3, 3}, new double[] {1, 1});

        assertThat(ratio.hasInterval()).isFalse();
        assertThat(ratio.against(1.0, Double.POSITIVE_INFINITY)).isEqualTo(Verdict.NOT_SETTLED);
        assertThat(ratio.against(10.0, Double.POSITIVE_INFINITY)).isEqualTo(Verdict.NOT_SETTLED);
        assertThat(ratio.format()).isEqualTo("3.00");
    }

    @Test
    void anIntervalThatStraddlesTheTargetSettlesNothing() {
        double[] ours = {0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5};
        double[] theirs = {1, 1, 1, 1, 1, 1, 1, 1};

        PairedRatio ratio = PairedRatio.of(ours, theirs);

        assertThat(ratio.against(1.0, Double.POSITIVE_INFINITY)).isEqualTo(Verdict.NOT_SETTLED);
        assertThat(ratio.against(0.9, 1.1)).isEqualTo(Verdict.NOT_SETTLED);
        assertThat(ratio.against(1.5, 2.0)).isEqualTo(Verdict.MISSED);
        assertThat(ratio.format()).isEqualTo("1.15 [0.90–1.40]");
    }

    @Test
    void unpairedRoundsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PairedRatio.of(new double[] {1, 2}, new double[] {1}))
                .withMessageContaining("got 2 and 1");
    }
}
