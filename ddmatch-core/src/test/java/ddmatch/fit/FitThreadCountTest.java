package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import ddmatch.solve.Parallelism;
import ddmatch.solve.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fit's parallel phases (features, Gram product, reduction, GCV residuals) give the same bits for any thread count. */
class FitThreadCountTest {
    static final RotatingOrnsteinUhlenbeck OU = new RotatingOrnsteinUhlenbeck(2.0, 1.0);
    // M = 2300 samples: several feature blocks (FEATURE_ROWS = 500) and GCV row blocks, the last ones partial.
    static final MatchConfig CFG = MatchConfig.defaults(300, 5).withSampling(SamplingConfig.defaults().withSamples(2300));

    @AfterEach
    void restore() {
        Parallelism.setThreads(0);
    }

    @Test
    void featuresEqualTheRowByRowFormulaForAnyThreadCount() {
        Parallelism.setThreads(1);
        DriftMatcher.Design one = DriftMatcher.design(OU, CFG, ProgressListener.NONE);
        Parallelism.setThreads(3);
        DriftMatcher.Design three = DriftMatcher.design(OU, CFG, ProgressListener.NONE);
        assertThat(three.phi().data).isEqualTo(one.phi().data);
        assertThat(three.latent()).isEqualTo(one.latent());
        // Independently: φ_j = tanh((U z̃ + b)_j) with z̃ = (z − μ)/s, at rows of every block.
        int n = CFG.neurons(), d = 2;
        double[] zt = new double[d], x = new double[n];
        for (int r : new int[] {0, 499, 500, 1777, 2299}) {
            for (int i = 0; i < d; i++) {
                zt[i] = (one.points()[r * d + i] - one.standardization().mean(i)) / one.standardization().scale(i);
                assertThat(one.latent()[r * d + i]).isEqualTo(zt[i]);
            }
            one.embedding().embed(zt, x);
            for (int j = 0; j < n; j++) {
                assertThat(one.phi().data[r * n + j]).isEqualTo(CFG.activation().value(x[j]));
            }
        }
    }

    @Test
    void javaRidgeFitIsBitIdenticalForOneTwoAndThreeThreads() {
        // The pure-Java kernels even where a native BLAS is loaded (allowNative = false): Gram product, reduction and
        // GCV residuals all run on the given thread count.
        DriftMatcher.Design des = DriftMatcher.design(OU, CFG, ProgressListener.NONE);
        int m = des.samples(), d = 2;
        org.ejml.data.DMatrixRMaj y = new org.ejml.data.DMatrixRMaj(m, d);
        double[] f = new double[d], z = new double[d];
        for (int r = 0; r < m; r++) {
            System.arraycopy(des.points(), r * d, z, 0, d);
            OU.drift(0.0, z, f);
            for (int i = 0; i < d; i++) y.data[r * d + i] = des.latent()[r * d + i] + f[i] / des.standardization().scale(i);
        }
        RidgeSolution first = null;
        for (int t : new int[] {1, 2, 3}) {
            Parallelism.setThreads(t);
            RidgeSolution s = RidgeRegression.fit(des.phi(), y, Double.NaN, false);
            if (first == null) {
                first = s;
                // a noise-free target: the selected λ is the first grid point at or above the rounding floor
                assertThat(s.atRoundingFloor()).isTrue();
            } else {
                assertThat(s.coefficients()).as("%d threads", t).isEqualTo(first.coefficients());
                assertThat(s.lambda()).isEqualTo(first.lambda());
                assertThat(s.gcv()).isEqualTo(first.gcv());
            }
        }
    }
}
