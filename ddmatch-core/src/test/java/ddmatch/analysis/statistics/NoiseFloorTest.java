package ddmatch.analysis.statistics;

import ddmatch.analysis.StateSpaceDivergence;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoiseFloorTest {

    @Test
    void histogramKlFloorOfIndependentUniformSamplesIsChiSquareOverN() {
        // Two independent empirical histograms of n points in B cells: KL ≈ ½ Σ (p̂ − q̂)²/p, whose mean is (B − 1)/n.
        int n = 20_000, bins = 30, pairs = 30;
        NoiseFloor.Run run = seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = r.nextDouble();
            return x;
        };
        NoiseFloor.Result f = NoiseFloor.estimate(run, (a, b) -> StateSpaceDivergence.histogram(a, b, 1), pairs, 42);
        double expected = (bins - 1.0) / n;
        // the KL of each pair is ≈ χ²_{B−1}/(2n)·2: sd ≈ √(2(B−1))/n; standard error of the mean over 30 pairs
        double se = Math.sqrt(2 * (bins - 1.0)) / n / Math.sqrt(pairs);
        assertThat(f.mean()).isCloseTo(expected, within(4 * se + 0.05 * expected));
        assertThat(f.values()).hasSize(pairs);
        // deterministic in its seed
        assertThat(NoiseFloor.estimate(run, (a, b) -> StateSpaceDivergence.histogram(a, b, 1), pairs, 42)).isEqualTo(f);
    }

    @Test
    void pairsUseDistinctSeeds() {
        NoiseFloor.Result f = NoiseFloor.estimate(seed -> new double[] {seed}, (a, b) -> a[0] == b[0] ? 1 : 0, 50, 1);
        assertThat(f.mean()).isZero();
        assertThat(f.standardDeviation()).isZero();
    }
}
