package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {

    static DMatrixRMaj random(int r, int c, long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) m.data[i] = g.nextDouble(-1, 1);
        return m;
    }

    /** β = (ΦᵀΦ + λI)⁻¹ΦᵀY by EJML's general (LU) inverse: an independent computation. */
    static DMatrixRMaj direct(DMatrixRMaj phi, DMatrixRMaj y, double lambda) {
        DMatrixRMaj g = new DMatrixRMaj(phi.numCols, phi.numCols);
        CommonOps_DDRM.multTransA(phi, phi, g);
        for (int i = 0; i < g.numRows; i++) g.add(i, i, lambda);
        CommonOps_DDRM.invert(g);
        DMatrixRMaj rhs = new DMatrixRMaj(phi.numCols, y.numCols);
        CommonOps_DDRM.multTransA(phi, y, rhs);
        DMatrixRMaj beta = new DMatrixRMaj(phi.numCols, y.numCols);
        CommonOps_DDRM.mult(g, rhs, beta);
        return beta;
    }

    @Test
    void primalAndDualAgreeWithTheDirectSolution() {
        for (int[] shape : new int[][] {{80, 30}, {30, 80}}) {
            DMatrixRMaj phi = random(shape[0], shape[1], 1);
            DMatrixRMaj y = random(shape[0], 2, 2);
            double lambda = 0.37;
            RidgeSolution s = RidgeRegression.fit(phi, y, lambda);
            assertThat(s.form()).isEqualTo(shape[0] >= shape[1] ? RidgeSolution.Form.PRIMAL : RidgeSolution.Form.DUAL);
            DMatrixRMaj ref = direct(phi, y, lambda);
            for (int i = 0; i < ref.data.length; i++) {
                assertThat(s.coefficients()[i]).isCloseTo(ref.data[i], within(1e-10));
            }
        }
    }

    /**
     * GCV(λ) = M·‖(I − H)y‖²/(tr(I − H))² with the hat matrix formed explicitly by a general inverse:
     * {@code H = Φ(ΦᵀΦ + λI)⁻¹Φᵀ}, or {@code I − H = λ(ΦΦᵀ + λI)⁻¹} when M < F (where ΦᵀΦ is singular).
     */
    static double bruteGcv(DMatrixRMaj phi, DMatrixRMaj y, double lambda) {
        int m = phi.numRows;
        if (m < phi.numCols) {
            DMatrixRMaj k = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(phi, phi, k);
            DMatrixRMaj reg = k.copy();
            for (int i = 0; i < m; i++) reg.add(i, i, lambda);
            CommonOps_DDRM.invert(reg);
            // I − H = λ(K + λI)⁻¹, formed directly: 1 − e/(e + λ) would cancel at small λ.
            CommonOps_DDRM.scale(lambda, reg);
            DMatrixRMaj resid = new DMatrixRMaj(m, y.numCols);
            CommonOps_DDRM.mult(reg, y, resid);
            double rss = 0;
            for (double v : resid.data) rss += v * v;
            double tr = 0;
            for (int i = 0; i < m; i++) tr += reg.get(i, i);
            return m * rss / (tr * tr);
        }
        DMatrixRMaj g = new DMatrixRMaj(phi.numCols, phi.numCols);
        CommonOps_DDRM.multTransA(phi, phi, g);
        for (int i = 0; i < g.numRows; i++) g.add(i, i, lambda);
        CommonOps_DDRM.invert(g);
        DMatrixRMaj tmp = new DMatrixRMaj(m, phi.numCols);
        CommonOps_DDRM.mult(phi, g, tmp);
        DMatrixRMaj h = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(tmp, phi, h);
        return score(h, y);
    }

    private static double score(DMatrixRMaj h, DMatrixRMaj y) {
        int m = h.numRows;
        DMatrixRMaj fitted = new DMatrixRMaj(m, y.numCols);
        CommonOps_DDRM.mult(h, y, fitted);
        double rss = 0;
        for (int i = 0; i < fitted.data.length; i++) rss += Math.pow(y.data[i] - fitted.data[i], 2);
        double tr = 0;
        for (int i = 0; i < m; i++) tr += h.get(i, i);
        return m * rss / Math.pow(m - tr, 2);
    }

    @Test
    void gcvSelectsTheLargestLambdaTiedWithTheMinimumOfTheBruteForceScoreOnTheGrid() {
        // Noisy linear target. In the dual case (M < F, full rank) GCV tends to a finite limit as λ → 0 and is flat
        // there, so the selected λ is compared by its score, not by its value. The documented tie rule: scores within
        // FLAT_BOTTOM (relative) + ROUNDING_FLOOR × (score at the largest λ) of the minimum are equal, and the largest
        // such λ is taken — so the selected score may exceed the brute-force minimum by at most that band, and the
        // selected λ is never below the brute-force minimiser.
        for (int[] shape : new int[][] {{120, 40}, {40, 60}}) {
            DMatrixRMaj phi = random(shape[0], shape[1], 3);
            DMatrixRMaj truth = random(shape[1], 1, 4);
            DMatrixRMaj y = new DMatrixRMaj(shape[0], 1);
            CommonOps_DDRM.mult(phi, truth, y);
            SplittableRandom noise = new SplittableRandom(5);
            for (int i = 0; i < y.data.length; i++) y.data[i] += 0.5 * noise.nextDouble(-1, 1);
            RidgeSolution s = RidgeRegression.fit(phi, y);
            if (shape[0] >= shape[1]) {
                assertThat(s.atGridEdge()).isFalse();
            }
            double best = Double.POSITIVE_INFINITY, bestLambda = 0;
            for (double p = RidgeRegression.MIN_EXPONENT; p <= RidgeRegression.MAX_EXPONENT + 1e-9; p += RidgeRegression.EXPONENT_STEP) {
                double lam = s.lambdaScale() * Math.pow(10, p);
                double g = bruteGcv(phi, y, lam);
                if (g < best) {
                    best = g;
                    bestLambda = lam;
                }
            }
            double top = bruteGcv(phi, y, s.lambdaScale() * Math.pow(10, RidgeRegression.MAX_EXPONENT));
            double tie = best * (1 + RidgeRegression.FLAT_BOTTOM) + RidgeRegression.ROUNDING_FLOOR * top;
            double atChosen = bruteGcv(phi, y, s.lambda());
            assertThat(atChosen).as("GCV at the selected λ vs the tie band of the grid minimum (at λ = %s)", bestLambda)
                    .isLessThanOrEqualTo(tie * (1 + 1e-6));
            assertThat(s.lambda()).as("selected λ vs the brute-force minimiser").isGreaterThanOrEqualTo(bestLambda * (1 - 1e-12));
            assertThat(s.gcv()).isCloseTo(atChosen, within(1e-6 * atChosen));
        }
    }

    @Test
    void blockResidualsEqualTheDirectSums() {
        // Both the Java kernel (rows four at a time, M not a multiple of 4) and the dispatching one (native dgemm when a
        // native BLAS is loaded) against ‖Y − Φ W_k‖² summed directly.
        int m = 23, n = 7, q = 3, len = 4, cols = len * q;
        DMatrixRMaj phi = random(m, n, 21);
        DMatrixRMaj y = random(m, q, 22);
        DMatrixRMaj w = random(n, cols, 23);
        double[] java = RidgeRegression.residualsJava(phi.data, m, n, y.data, q, w.data, cols);
        double[] any = RidgeRegression.residuals(phi.data, m, n, y.data, q, w.data, cols);
        for (int k = 0; k < len; k++) {
            double rss = 0;
            for (int r = 0; r < m; r++) {
                for (int o = 0; o < q; o++) {
                    double p = 0;
                    for (int j = 0; j < n; j++) p += phi.get(r, j) * w.get(j, k * q + o);
                    rss += Math.pow(y.get(r, o) - p, 2);
                }
            }
            assertThat(java[k]).isCloseTo(rss, within(1e-12 * rss));
            assertThat(any[k]).isCloseTo(rss, within(1e-12 * rss));
        }
    }
}
