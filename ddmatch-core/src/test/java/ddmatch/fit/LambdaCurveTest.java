package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The λ-selection curves: the GCV curve returned with the fit, and k-fold held-out error against a direct computation. */
class LambdaCurveTest {
    static DMatrixRMaj noisyLinear(DMatrixRMaj phi, double noise, long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        DMatrixRMaj y = new DMatrixRMaj(phi.numRows, 2);
        for (int r = 0; r < phi.numRows; r++) {
            for (int c = 0; c < 2; c++) {
                double v = 0;
                for (int j = 0; j < phi.numCols; j++) v += phi.get(r, j) * Math.sin(1.0 + j + 3 * c);
                y.set(r, c, v + noise * g.nextGaussian());
            }
        }
        return y;
    }

    @Test
    void gcvCurveHoldsTheEvaluatedGridPointsAndItsMinimumIsTheChosenLambda() {
        DMatrixRMaj phi = RidgeRegressionTest.random(200, 30, 1);
        DMatrixRMaj y = noisyLinear(phi, 0.1, 2);
        RidgeSolution s = RidgeRegression.fit(phi, y);
        LambdaCurve c = s.curve();
        assertThat(c.criterion()).isEqualTo(LambdaCurve.Criterion.GCV);
        assertThat(c.lambdas()).hasSize(65);
        int evaluated = 0;
        for (double v : c.scores()) evaluated += Double.isNaN(v) ? 0 : 1;
        assertThat(evaluated).isLessThanOrEqualTo(24); // 17 decades + at most 7 quarter decades around the best
        assertThat(c.lambdas()[c.best()]).isEqualTo(s.lambda());
        assertThat(c.scores()[c.best()]).isEqualTo(s.gcv());
        for (double v : c.scores()) {
            if (!Double.isNaN(v)) assertThat(v).isGreaterThanOrEqualTo(s.gcv());
        }
        assertThat(c.atEdge()).isEqualTo(s.atGridEdge());
        assertThat(RidgeRegression.fit(phi, y, 0.5).curve()).isSameAs(LambdaCurve.NONE);
    }

    @Test
    void kFoldScoreEqualsTheHeldOutErrorOfDirectFitsOnEachFold() {
        int m = 120, f = 15, k = 4;
        DMatrixRMaj phi = RidgeRegressionTest.random(m, f, 3);
        DMatrixRMaj y = noisyLinear(phi, 0.2, 4);
        RidgeSolution s = RidgeRegression.fit(phi, y, Double.NaN, k);
        LambdaCurve c = s.curve();
        assertThat(c.criterion()).isEqualTo(LambdaCurve.Criterion.K_FOLD);
        assertThat(s.lambda()).isEqualTo(c.lambdas()[c.best()]);
        // Independent: for every evaluated λ, fit each fold's complement by a general inverse and score the fold.
        for (int idx = 0; idx < c.lambdas().length; idx++) {
            if (Double.isNaN(c.scores()[idx])) continue;
            double lam = c.lambdas()[idx];
            double sse = 0;
            for (int fold = 0; fold < k; fold++) {
                int lo = fold * m / k, hi = (fold + 1) * m / k;
                DMatrixRMaj pt = new DMatrixRMaj(m - (hi - lo), f);
                DMatrixRMaj yt = new DMatrixRMaj(m - (hi - lo), 2);
                int r2 = 0;
                for (int r = 0; r < m; r++) {
                    if (r >= lo && r < hi) continue;
                    for (int j = 0; j < f; j++) pt.set(r2, j, phi.get(r, j));
                    for (int q = 0; q < 2; q++) yt.set(r2, q, y.get(r, q));
                    r2++;
                }
                DMatrixRMaj beta = RidgeRegressionTest.direct(pt, yt, lam);
                for (int r = lo; r < hi; r++) {
                    for (int q = 0; q < 2; q++) {
                        double pred = 0;
                        for (int j = 0; j < f; j++) pred += phi.get(r, j) * beta.get(j, q);
                        sse += (y.get(r, q) - pred) * (y.get(r, q) - pred);
                    }
                }
            }
            double ref = sse / (m * 2.0);
            assertThat(c.scores()[idx]).as("λ = %s", lam).isCloseTo(ref, within(1e-8 * ref + 1e-14));
        }
        // With noise of std 0.2 the best held-out MSE cannot beat the noise variance much: it lies near 0.04.
        assertThat(c.scores()[c.best()]).isBetween(0.03, 0.08);
    }
}
