package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.analysis.ResidenceTimes;
import ddmatch.solve.ProgressListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sparse networks at p = 0.2 on the double well (σ = 0.7), simulated in full for 3000 time units (slow: N² per drift
 * evaluation at N = 600). What decides whether the manifold holds is the number of allowed columns per row, p·N:
 * measured (seed 1, M = 3000, box fraction 0.2, σ_ξ = 0.05, GCV λ) the manifold holds at p·N ≈ 100 or more
 * (N = 200, p = 0.5: max distance 1.7e-2; N = 600, p = 0.2: 2.2e-2, residence −3.1%) and is lost at p·N ≈ 60
 * (N = 300, p = 0.2: distance 4e2).
 */
@Tag("slow")
class SparseSlowTest {
    static MatchConfig config(int n) {
        return MatchConfig.defaults(n, 1).withSampling(SamplingConfig.defaults().withBoxFraction(0.2).withSamples(3000));
    }

    @Test
    void atConnectionProbabilityPointTwoSixHundredNeuronsHoldTheManifoldAndTheResidenceTimes() {
        SparseMatcher.Result r = SparseMatcher.train(SparseMatcherTest.WELL, config(600), SparseConfig.of(0.2),
                ProgressListener.NONE);
        assertThat(r.density()).isCloseTo(0.2, within(0.005));
        SparseMatcherTest.Run run = SparseMatcherTest.simulate(r.network(), 3000, 37);
        double network = ResidenceTimes.of(run.readout(), SparseMatcherTest.WELL.defaultTimeStep(), -0.5, 0.5).mean();
        double reference = SparseMatcherTest.targetResidence(2.0e4);
        assertThat(run.maxDistance()).isLessThanOrEqualTo(0.1);
        assertThat(network).isCloseTo(reference, within(0.15 * reference));
    }

    @Test
    void atConnectionProbabilityPointTwoThreeHundredNeuronsLoseTheManifold() {
        SparseMatcher.Result r = SparseMatcher.train(SparseMatcherTest.WELL, config(300), SparseConfig.of(0.2),
                ProgressListener.NONE);
        double d = SparseMatcherTest.simulate(r.network(), 3000, 37).maxDistance();
        assertThat(Double.isNaN(d) || d > 1.0).as("max distance %s", d).isTrue();
    }
}
