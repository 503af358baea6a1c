package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.rnn.DenseRateNetwork;
import ddmatch.sde.Lorenz;
import ddmatch.sde.Sde;
import ddmatch.solve.Integrator;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class FullRankMatcherTest {
    static final Lorenz LORENZ = new Lorenz();
    static final MatchConfig SMALL = MatchConfig.defaults(200, 1).withSampling(SamplingConfig.defaults().withSamples(2000));

    @Test
    void theFullDriftIsMatchedOnTheSamplesAndTheSimulatedNetworkStaysOnTheManifold() {
        DenseTrainingResult r = FullRankMatcher.train(LORENZ, SMALL, new FullRankConfig(1.0, 1.0), ProgressListener.NONE);
        // The readout drift is as accurate as the factored fit's (≈1e-4 at N = 200) and the transverse drift,
        // (1/τ)(I − UP)(J₀ + ΔJ)φ_n, is cancelled: J₀'s push alone is ‖(I − UP) J₀ φ‖/√N ≈ g₀·rms(φ) ≈ 0.8.
        assertThat(r.trainingError()).isLessThan(1e-3);
        assertThat(r.transverseError()).isLessThan(1e-5);
        assertThat(maxDistance(r.network(), LORENZ, 20.0)).isLessThan(0.1);
    }

    @Test
    void aLowRankCorrectionLeavesTheBulksTransversePushWhichTheFullCorrectionCancels() {
        // J₀ + U W matches the readout drift but not (I − UP) J₀ φ: the state sits off the manifold by ≈ g₀·rms(φ)
        // (measured at N = 300 over 100 time units: 7.9e-3 at g₀ = 0.01, 8.1e-2 at g₀ = 0.1); the full ΔJ cancels it.
        double g0 = 0.1;
        double lowRank = maxDistance(lowRankCorrection(LORENZ, SMALL, g0), LORENZ, 20.0);
        DenseTrainingResult full = FullRankMatcher.train(LORENZ, SMALL, new FullRankConfig(g0, 1.0), ProgressListener.NONE);
        double fullRank = maxDistance(full.network(), LORENZ, 20.0);
        assertThat(lowRank).isBetween(0.03, 0.3);
        assertThat(fullRank).isLessThan(1e-3 * lowRank);
    }

    @Test
    void theBulkHasVarianceG0SquaredOverNWhateverTheSparsity() {
        int n = 300;
        for (double p : new double[] {1.0, 0.2}) {
            double[] j0 = new FullRankConfig(1.5, p).bulk(n, 11);
            double ss = 0;
            int zeros = 0;
            for (double v : j0) {
                ss += v * v;
                if (v == 0) zeros++;
            }
            // Var = g0²/N: N·mean(J²) = 2.25 within 4 standard errors (relative s.e. √(2/(pN²)) for the squares).
            double var = n * ss / j0.length;
            assertThat(var).isCloseTo(2.25, org.assertj.core.api.Assertions.within(4 * 2.25 * Math.sqrt(3.0 / (p * n * n))));
            assertThat(zeros / (double) j0.length).isCloseTo(1 - p, org.assertj.core.api.Assertions.within(0.01));
        }
    }

    /**
     * The low-rank alternative {@code J = J₀ + U W}: W fitted (λ by GCV) so that the readout drift matches,
     * {@code W φ_n ≈ z̃_n + τ f̃_n − P J₀ φ_n}; it leaves J₀'s transverse push {@code (I − UP) J₀ φ} in place.
     */
    static DenseRateNetwork lowRankCorrection(Sde target, MatchConfig cfg, double g0) {
        DriftMatcher.Design des = DriftMatcher.design(target, cfg, ProgressListener.NONE);
        int n = cfg.neurons(), d = target.dimension(), m = des.samples();
        SplittableRandom seeds = new SplittableRandom(cfg.seed());
        seeds.nextLong();
        seeds.nextLong();
        double[] j0 = new FullRankConfig(g0, 1.0).bulk(n, seeds.nextLong());
        DMatrixRMaj y = FullRankMatcher.latentTargets(target, cfg, des);
        DMatrixRMaj pj0 = new DMatrixRMaj(d, n);   // P J₀ = Uᵀ J₀ / N
        CommonOps_DDRM.multTransA(DMatrixRMaj.wrap(n, d, des.embedding().u()), DMatrixRMaj.wrap(n, n, j0), pj0);
        CommonOps_DDRM.scale(1.0 / n, pj0);
        CommonOps_DDRM.multAddTransB(-1.0, des.phi(), pj0, y);
        RidgeSolution ridge = RidgeRegression.fit(des.phi(), y);
        double[] u = des.embedding().u();
        double[] beta = ridge.coefficients();   // N × d = Wᵀ
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += u[a * d + k] * beta[c * d + k];
                j0[a * n + c] += s;
            }
        }
        return FullRankMatcher.network(target, cfg, des.embedding(), des.standardization(), j0);
    }

    /** {min, max} of the readout's first coordinate over a run of {@code time} from the target's initial state. */
    static double[] readoutRange(DenseRateNetwork net, Sde target, double time) {
        double dt = net.defaultTimeStep();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] z = new double[net.latentDimension()];
        new Integrator(Sampler.schemeFor(net)).run(net, net.stateFor(target.initialState()), 0, dt, Math.round(time / dt), null,
                new SaveAt(5, false), (t, x) -> {
                    net.readout(x, z);
                    range[0] = Math.min(range[0], z[0]);
                    range[1] = Math.max(range[1], z[0]);
                });
        return range;
    }

    /** Largest manifold distance along a run of {@code time} from the target's initial state. */
    static double maxDistance(DenseRateNetwork net, Sde target, double time) {
        double dt = net.defaultTimeStep();
        double[] max = {0};
        new Integrator(Sampler.schemeFor(net)).run(net, net.stateFor(target.initialState()), 0, dt, Math.round(time / dt), null,
                new SaveAt(5, false), (t, x) -> {
                    double v = net.manifoldDistance(x);
                    max[0] = v <= max[0] ? max[0] : v;   // NaN propagates
                });
        return max[0];
    }
}
