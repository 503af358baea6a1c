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

    /** n·u·e_max of the Gram matrix of Φ (the smaller one), its eigenvalues by EJML's symmetric QR: independent of the fit. */
    static double independentFloor(DMatrixRMaj phi) {
        int n = Math.min(phi.numRows, phi.numCols);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        if (phi.numRows >= phi.numCols) {
            CommonOps_DDRM.multTransA(phi, phi, g);
        } else {
            CommonOps_DDRM.multTransB(phi, phi, g);
        }
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(eig.decompose(g)).isTrue();
        double max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, eig.getEigenvalue(i).real);
        return n * Math.pow(2, -53) * max;
    }

    @Test
    void gcvSelectsTheMinimumOfTheBruteForceScoreOverTheGridAboveTheRoundingFloor() {
        // Noisy linear target: GCV has an interior minimum well above the rounding floor, found exactly (primal). In the
        // dual case (M < F, full rank) GCV tends to a finite limit as λ → 0 and is flat there, so the selected λ is
        // compared by its score. Grid points below the floor are not scored (NaN in the curve).
        for (int[] shape : new int[][] {{120, 40}, {40, 60}}) {
            DMatrixRMaj phi = random(shape[0], shape[1], 3);
            DMatrixRMaj truth = random(shape[1], 1, 4);
            DMatrixRMaj y = new DMatrixRMaj(shape[0], 1);
            CommonOps_DDRM.mult(phi, truth, y);
            SplittableRandom noise = new SplittableRandom(5);
            for (int i = 0; i < y.data.length; i++) y.data[i] += 0.5 * noise.nextDouble(-1, 1);
            RidgeSolution s = RidgeRegression.fit(phi, y);
            double floor = independentFloor(phi);
            assertThat(s.roundingFloor()).isCloseTo(floor, within(1e-9 * floor));
            assertThat(s.atGridEdge()).isFalse();
            double best = Double.POSITIVE_INFINITY, bestLambda = 0;
            double[] grid = s.curve().lambdas(), scores = s.curve().scores();
            for (int i = 0; i < grid.length; i++) {
                double lam = s.lambdaScale() * Math.pow(10, RidgeRegression.MIN_EXPONENT + i * RidgeRegression.EXPONENT_STEP);
                assertThat(grid[i]).isCloseTo(lam, within(1e-12 * lam));
                if (lam < floor) {
                    assertThat(scores[i]).as("score below the floor at λ = %s", lam).isNaN();
                    continue;
                }
                double g = bruteGcv(phi, y, lam);
                if (g < best) {
                    best = g;
                    bestLambda = lam;
                }
            }
            double atChosen = bruteGcv(phi, y, s.lambda());
            if (shape[0] >= shape[1]) {
                assertThat(s.lambda()).isCloseTo(bestLambda, within(1e-9 * bestLambda));
                assertThat(s.atRoundingFloor()).isFalse();
            } else {
                assertThat(atChosen).as("GCV at the selected λ vs the grid minimum (at λ = %s)", bestLambda)
                        .isCloseTo(best, within(1e-9 * best));
            }
            assertThat(s.gcv()).isCloseTo(atChosen, within(1e-6 * atChosen));
        }
    }

    @Test
    void theRoundingFloorIsNTimesTheUnitRoundoffTimesTheLargestEigenvalue() {
        // Φ = Q·diag(σ) with orthonormal columns Q (Householder QR of a random matrix): G = ΦᵀΦ = diag(σ²), so e_max =
        // σ_max² = 9e4 exactly up to rounding, and the floor is F·2⁻⁵³·9e4 = 30·1.11e-16·9e4 = 3.0e-10.
        int m = 100, f = 30;
        var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(m, f);
        DMatrixRMaj a = random(m, f, 31);
        assertThat(qr.decompose(a)).isTrue();
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj phi = new DMatrixRMaj(m, f);
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < f; c++) phi.set(r, c, q.get(r, c) * (c == 7 ? 300.0 : 1.0 + c * 0.1));
        }
        double expected = f * 0x1p-53 * 9e4;
        assertThat(RidgeRegression.roundingFloor(new double[] {-1e-3, 9e4, 2.0})).isEqualTo(3 * 0x1p-53 * 9e4);
        DMatrixRMaj y = random(m, 2, 32);
        for (boolean allowNative : new boolean[] {false, true}) {
            RidgeSolution s = RidgeRegression.fit(phi, y, Double.NaN, allowNative);
            assertThat(s.roundingFloor()).isCloseTo(expected, within(1e-12 * expected));
            double[] grid = s.curve().lambdas(), scores = s.curve().scores();
            int lowest = 0;
            while (grid[lowest] < expected) lowest++;
            for (int i = 0; i < lowest; i++) assertThat(scores[i]).isNaN();
            assertThat(scores[lowest]).isFinite();
        }
        // A given λ has no floor.
        RidgeSolution given = RidgeRegression.fit(phi, y, 1e-3);
        assertThat(given.roundingFloor()).isNaN();
        assertThat(given.atRoundingFloor()).isFalse();
    }

    @Test
    void aNoiseFreeTargetSelectsTheFloorAndIsNotAtTheGridEdge() {
        // y exactly linear in Φ (no noise): GCV decreases towards λ = 0 (RSS → 0), so the least admissible λ — the first
        // grid point at or above the rounding floor — is selected, recorded as atRoundingFloor, not as atGridEdge.
        DMatrixRMaj phi = random(200, 20, 41);
        DMatrixRMaj y = new DMatrixRMaj(200, 1);
        CommonOps_DDRM.mult(phi, random(20, 1, 42), y);
        RidgeSolution s = RidgeRegression.fit(phi, y);
        assertThat(s.atRoundingFloor()).isTrue();
        assertThat(s.atGridEdge()).isFalse();
        assertThat(s.lambda()).isGreaterThanOrEqualTo(s.roundingFloor()).isLessThan(s.roundingFloor() * Math.pow(10, 0.25));
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

    @Test
    void javaResidualsAreTheRowOrderSumsBitForBitForAnyThreadCount() {
        // Rows are shared among threads in blocks, but each row's squared residual is summed in row order afterwards:
        // the result must equal the single loop over rows (fitted values summed over j in order) exactly.
        int m = 2 * RidgeRegression.RESIDUAL_ROWS + 7, n = 9, q = 3, len = 5, cols = len * q;
        DMatrixRMaj phi = random(m, n, 31);
        DMatrixRMaj y = random(m, q, 32);
        DMatrixRMaj w = random(n, cols, 33);
        double[][] got = new double[3][];
        int[] threads = {1, 2, 3};
        try {
            for (int t = 0; t < threads.length; t++) {
                ddmatch.solve.Parallelism.setThreads(threads[t]);
                got[t] = RidgeRegression.residualsJava(phi.data, m, n, y.data, q, w.data, cols);
            }
        } finally {
            ddmatch.solve.Parallelism.setThreads(0);
        }
        for (int k = 0; k < len; k++) {
            double rss = 0;
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int o = 0; o < q; o++) {
                    double p = 0;
                    for (int j = 0; j < n; j++) p += phi.data[r * n + j] * w.data[j * cols + k * q + o];
                    double d = y.data[r * q + o] - p;
                    s += d * d;
                }
                rss += s;
            }
            for (int t = 0; t < threads.length; t++) {
                assertThat(got[t][k]).as("λ %d, %d threads", k, threads[t]).isEqualTo(rss);
            }
        }
    }
}
