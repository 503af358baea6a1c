package ddmatch.analysis.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.Sampler;
import ddmatch.fit.SamplingConfig;
import ddmatch.rnn.Activation;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.sde.Sde;
import ddmatch.solve.ProgressListener;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatentCouplingTest {

    @Test
    void driftJacobianEqualsCentralDifferencesOfTheReadoutDrift() {
        int n = 50, d = 3;
        SplittableRandom r = new SplittableRandom(2);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-0.4, 0.4);
        // Unequal scales, so that the similarity diag(s) L diag(1/s) matters.
        Standardization st = new Standardization(new double[] {1, -2, 3}, new double[] {2, 0.5, 4});
        RateNetwork net = new RateNetwork("t", Embedding.random(n, d, 2.0, 3), w, new double[0], 0, 0.7,
                Activation.TANH, st, 0.01);
        LatentCoupling lc = new LatentCoupling(net);
        ReadoutDrift f = new ReadoutDrift(net);
        double[] z = {1.5, -1.7, 4.0};
        double[] jac = new double[d * d];
        lc.driftJacobian(z, jac);
        double[] zp = new double[d], zm = new double[d], fp = new double[d], fm = new double[d];
        for (int k = 0; k < d; k++) {
            double h = 1e-5 * st.scale(k);
            System.arraycopy(z, 0, zp, 0, d);
            System.arraycopy(z, 0, zm, 0, d);
            zp[k] += h;
            zm[k] -= h;
            f.drift(zp, fp);
            f.drift(zm, fm);
            for (int i = 0; i < d; i++) {
                assertThat(jac[i * d + k]).isCloseTo((fp[i] - fm[i]) / (2 * h), within(1e-7));
            }
        }
        // The standardised coupling differs from the target-coordinate one by the similarity transform.
        double[] lz = new double[d * d], lt = new double[d * d], zt = new double[d];
        lc.target(z, lz);
        st.toLatent(z, zt);
        lc.standardised(zt, lt);
        assertThat(lz[1]).isCloseTo(lt[1] * st.scale(0) / st.scale(1), within(1e-12));
    }

    static LatentCoupling.Summary trainedSummary(Sde target, long seed) {
        MatchConfig cfg = MatchConfig.defaults(200, seed)
                .withSampling(SamplingConfig.defaults().withSamples(3000).withBoxFraction(0.2));
        RateNetwork net = DriftMatcher.train(target, cfg, ProgressListener.NONE).network();
        double[] pts = Sampler.trajectory(target, target.initialState(), 20, 0.1, 1000, seed + 1, ProgressListener.NONE)
                .values();
        return new LatentCoupling(net).summarize(pts, LatentCoupling.Coordinates.TARGET);
    }

    @Test
    void aGradientTargetGivesAnAlmostSymmetricCoupling() {
        LatentCoupling.Summary s = trainedSummary(Systems.gradientDoubleWell(0.7), 21);
        assertThat(s.asymmetryIndex()).isLessThan(0.2);
        assertThat(s.meanAsymmetryIndex()).isLessThan(0.2);
    }

    @Test
    void aRotationalTargetGivesAnAlmostAntisymmetricCoupling() {
        double eps = 0.5, theta = 3.0;
        LatentCoupling.Summary s = trainedSummary(Systems.rotation(eps, theta, 1.0), 22);
        // L_z = I − τB exactly for a perfect fit (τ = 1): index τθ/√((1 − τε)² + τ²θ²) = 0.9864.
        double exact = theta / Math.sqrt((1 - eps) * (1 - eps) + theta * theta);
        assertThat(s.asymmetryIndex()).isGreaterThan(0.8).isCloseTo(exact, within(0.01));
        assertThat(s.mean()).containsExactly(new double[] {1 - eps, theta, -theta, 1 - eps}, within(0.05));
    }
}
