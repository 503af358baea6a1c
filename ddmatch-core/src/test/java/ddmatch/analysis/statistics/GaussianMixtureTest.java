package ddmatch.analysis.statistics;

import ddmatch.solve.StandardNormal;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GaussianMixtureTest {

    /** KL(N(m0, S0) ‖ N(m1, S1)) in closed form (EJML for the inverse and determinants). */
    static double gaussianKl(double[] m0, double[] s0, double[] m1, double[] s1, int d) {
        DMatrixRMaj a = new DMatrixRMaj(d, d, true, s0);
        DMatrixRMaj b = new DMatrixRMaj(d, d, true, s1);
        DMatrixRMaj bi = new DMatrixRMaj(d, d);
        CommonOps_DDRM.invert(b, bi);
        DMatrixRMaj p = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(bi, a, p);
        double quad = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) quad += (m1[i] - m0[i]) * bi.get(i, j) * (m1[j] - m0[j]);
        }
        return 0.5 * (CommonOps_DDRM.trace(p) + quad - d + Math.log(CommonOps_DDRM.det(b) / CommonOps_DDRM.det(a)));
    }

    static double[] randomSpd(int d, long seed, double scale) {
        StandardNormal g = new StandardNormal(seed);
        double[] a = new double[d * d];
        g.fill(a, 0, a.length);
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int q = 0; q < d; q++) v += a[i * d + q] * a[j * d + q];
                s[i * d + j] = scale * (v / d + (i == j ? 0.5 : 0));
            }
        }
        return s;
    }

    @Test
    void monteCarloKlOfTwoGaussiansMatchesClosedForm() {
        int d = 6;
        double[] m0 = new double[d], m1 = {0.5, -0.3, 0.2, 0, 0.1, -0.4};
        double[] s0 = randomSpd(d, 1, 1.0), s1 = randomSpd(d, 2, 1.5);
        GaussianMixture p = new GaussianMixture(d, new double[] {1}, m0, s0);
        GaussianMixture q = new GaussianMixture(d, new double[] {1}, m1, s1);
        MixtureDivergence.Estimate e = MixtureDivergence.kl(p, q, 200_000, 3);
        double exact = gaussianKl(m0, s0, m1, s1, d);
        assertThat(e.value()).isCloseTo(exact, within(4 * e.standardError()));
        assertThat(e.standardError()).isLessThan(0.02 * exact);
    }

    @Test
    void fittedSingleComponentsReproduceTheKlWithinSamplingError() {
        int d = 6, n = 20_000;
        double[] m1 = {0.5, -0.3, 0.2, 0, 0.1, -0.4};
        double[] s0 = randomSpd(d, 1, 1.0), s1 = randomSpd(d, 2, 1.5);
        double exact = gaussianKl(new double[d], s0, m1, s1, d);
        double[] x = sample(new GaussianMixture(d, new double[] {1}, new double[d], s0), n, 10);
        double[] y = sample(new GaussianMixture(d, new double[] {1}, m1, s1), n, 11);
        MixtureDivergence.Estimate e = MixtureDivergence.stateSpace(x, y, d, 1, 100_000, 5);
        // Fit error: the ML Gaussian of n points biases KL by ~ (d + d(d+1)/2)/(2n) ≈ 7e-4 per fit; parameter noise
        // adds O(√(exact/n)) ≈ 0.01. Allow 0.05 (exact ≈ 1).
        assertThat(e.value()).isCloseTo(exact, within(0.05));
    }

    @Test
    void emRecoversTwoWellSeparatedComponents() {
        int d = 2;
        double[] means = {-3, 0, 3, 1};
        double[] covs = {1, 0.3, 0.3, 0.5, 0.4, 0, 0, 0.4};
        GaussianMixture truth = new GaussianMixture(d, new double[] {0.3, 0.7}, means, covs);
        double[] x = sample(truth, 20_000, 7);
        GaussianMixture fit = GaussianMixture.fit(x, d, GaussianMixture.FitConfig.of(2, 1));
        double[] w = fit.weights(), mu = fit.means();
        int first = mu[0] < 0 ? 0 : 1;
        assertThat(w[first]).isCloseTo(0.3, within(0.02));
        assertThat(mu[first * d]).isCloseTo(-3, within(0.05));
        assertThat(mu[(1 - first) * d + 1]).isCloseTo(1, within(0.05));
        // KL(truth ‖ fit) small and consistent with the parameter count over 2n
        assertThat(MixtureDivergence.kl(truth, fit, 50_000, 2).value()).isLessThan(0.01);
    }

    @Test
    void densityOfOneGaussianIsTheClosedForm() {
        GaussianMixture g = new GaussianMixture(2, new double[] {1}, new double[] {1, 2}, new double[] {2, 0, 0, 0.5});
        double v = g.logDensity(new double[] {2, 1});
        double expected = -Math.log(2 * Math.PI) - 0.5 * Math.log(1.0) - 0.5 * (1.0 / 2 + 1.0 / 0.5);
        assertThat(v).isCloseTo(expected, within(1e-14));
    }

    static double[] sample(GaussianMixture g, int n, long seed) {
        int d = g.dimension();
        double[] x = new double[n * d];
        SplittableRandom u = new SplittableRandom(seed);
        StandardNormal z = new StandardNormal(seed + 100);
        double[] scratch = new double[d + g.components()];
        for (int i = 0; i < n; i++) g.sample(u, z, x, i * d, scratch);
        return x;
    }
}
