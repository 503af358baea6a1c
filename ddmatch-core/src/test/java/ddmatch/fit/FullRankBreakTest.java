package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.sde.Lorenz;
import ddmatch.solve.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * Where the random bulk of a full-rank network {@code J = J₀ + ΔJ} breaks the embedding, at a small N (the N = 1000
 * sweep is {@link FullRankBreakSlowTest}). The break point depends on the number of samples M: with M &lt; N the ridge
 * fit sees J₀ only through the M-dimensional span of the samples' features and cannot cancel it off that span, so J₀'s
 * transverse push grows with g₀ until it pulls the state off the manifold; with M &gt; N the features span all N
 * directions and ΔJ ≈ U W − J₀ cancels the bulk everywhere, whatever g₀.
 *
 * <p>Measured (Lorenz, N = 200, seed 1, largest manifold distance over 50 time units): M = 100: 7.2e-3 at g₀ = 1,
 * 2.0e-2 at g₀ = 3, 2.0 at g₀ = 5, 3.2 at g₀ = 8; M = 1000: ≤ 8.7e-8 up to g₀ = 8.
 */
class FullRankBreakTest {
    static final Lorenz LORENZ = new Lorenz();

    /** Largest manifold distance over {@code time} of Lorenz at N = {@code n}, M = {@code m}, bulk gain g₀, seed 1. */
    static double maxDistance(int n, int m, double g0, double time) {
        MatchConfig cfg = MatchConfig.defaults(n, 1).withSampling(SamplingConfig.defaults().withSamples(m));
        DenseTrainingResult r = FullRankMatcher.train(LORENZ, cfg, new FullRankConfig(g0, 1.0), ProgressListener.NONE);
        return FullRankMatcherTest.maxDistance(r.network(), LORENZ, time);
    }

    @Test
    void withFewerSamplesThanNeuronsTheManifoldHoldsAtBulkGainThreeAndBreaksAtFive() {
        assertThat(maxDistance(200, 100, 3.0, 50.0)).isLessThan(0.1);
        double lost = maxDistance(200, 100, 5.0, 50.0);
        assertThat(Double.isNaN(lost) || lost > 0.5).as("g0 = 5: %s", lost).isTrue();
    }

    @Test
    void withMoreSamplesThanNeuronsTheBulkIsCancelledEvenAtBulkGainEight() {
        assertThat(maxDistance(200, 1000, 8.0, 50.0)).isLessThan(1e-5);
    }
}
