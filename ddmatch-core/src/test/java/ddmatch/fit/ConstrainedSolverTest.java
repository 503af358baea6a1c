package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The constrained quadratic solvers against the closed-form ridge solution and the KKT conditions of the box. */
class ConstrainedSolverTest {
    static final int N = 12, M = 60;

    /** A random problem: G = ΦᵀΦ, C = TᵀΦ, ‖T‖², with Φ M × N and T M × N. */
    static DMatrixRMaj[] problem(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj phi = new DMatrixRMaj(M, N);
        DMatrixRMaj t = new DMatrixRMaj(M, N);
        for (int i = 0; i < phi.data.length; i++) {
            phi.data[i] = Math.tanh(2 * r.nextGaussian());
            t.data[i] = r.nextGaussian();
        }
        DMatrixRMaj g = new DMatrixRMaj(N, N);
        CommonOps_DDRM.multTransA(phi, phi, g);
        DMatrixRMaj c = new DMatrixRMaj(N, N);
        CommonOps_DDRM.multTransA(t, phi, c);
        DMatrixRMaj tt = new DMatrixRMaj(1, 1);
        tt.data[0] = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(t, t, null));
        return new DMatrixRMaj[] {g, c, tt};
    }

    @Test
    void withoutConstraintsBothSolversReachTheRidgeSolutionAndTheLossCurveDecreasesToItsMinimum() {
        DMatrixRMaj[] p = problem(1);
        double lambda = 0.5;
        double[] lo = new double[N * N], hi = new double[N * N];
        java.util.Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        // J* = C (G + λI)⁻¹
        DMatrixRMaj reg = p[0].copy();
        for (int i = 0; i < N; i++) reg.add(i, i, lambda);
        DMatrixRMaj inv = new DMatrixRMaj(N, N);
        CommonOps_DDRM.invert(reg, inv);
        DMatrixRMaj exact = new DMatrixRMaj(N, N);
        CommonOps_DDRM.mult(p[1], inv, exact);
        DMatrixRMaj jg = new DMatrixRMaj(N, N);
        CommonOps_DDRM.mult(exact, p[0], jg);
        double min = ConstrainedMatcher.loss(exact.data, jg.data, p[1].data, p[2].data[0], lambda);
        for (ConstrainedMatcher.Solution s : new ConstrainedMatcher.Solution[] {
                ConstrainedMatcher.fista(p[0], p[1], p[2].data[0], lambda, lo, hi, 4000),
                ConstrainedMatcher.admm(p[0], p[1], p[2].data[0], lambda, lo, hi, 300)}) {
            assertThat(s.connectivity()).containsExactly(exact.data, within(1e-6));
            double[] curve = s.lossCurve();
            assertThat(curve[curve.length - 1]).isCloseTo(min, within(1e-8 * Math.abs(min)));
            assertThat(curve[0]).isGreaterThan(min);
        }
    }

    @Test
    void underDalesLawTheSolutionHasColumnSignsAndSatisfiesTheKktConditions() {
        DMatrixRMaj[] p = problem(2);
        double lambda = 0.1;
        Constraints dale = Constraints.dale(0.75).withWeightBound(0.4);
        double[] lo = new double[N * N], hi = new double[N * N];
        dale.bounds(N, 7, lo, hi);
        for (ConstrainedMatcher.Solution s : new ConstrainedMatcher.Solution[] {
                ConstrainedMatcher.fista(p[0], p[1], p[2].data[0], lambda, lo, hi, 20000),
                ConstrainedMatcher.admm(p[0], p[1], p[2].data[0], lambda, lo, hi, 2000)}) {
            double[] j = s.connectivity();
            DMatrixRMaj jg = new DMatrixRMaj(N, N);
            CommonOps_DDRM.mult(DMatrixRMaj.wrap(N, N, j), p[0], jg);
            int exc = dale.excitatoryCount(N);
            assertThat(exc).isEqualTo(9);
            double scale = 0;
            for (double v : p[1].data) scale = Math.max(scale, Math.abs(v));
            for (int a = 0; a < N; a++) {
                for (int c = 0; c < N; c++) {
                    int i = a * N + c;
                    double v = j[i];
                    assertThat(v).isBetween(c < exc ? 0.0 : -0.4, c < exc ? 0.4 : 0.0);
                    // KKT for a box: the gradient vanishes at free entries, points outward at active bounds.
                    double grad = 2 * (jg.data[i] - p[1].data[i] + lambda * v);
                    if (v > lo[i] + 1e-9 && v < hi[i] - 1e-9) {
                        assertThat(grad).isCloseTo(0.0, within(1e-5 * scale));
                    } else if (v <= lo[i] + 1e-9) {
                        assertThat(grad).isGreaterThan(-1e-5 * scale);
                    } else {
                        assertThat(grad).isLessThan(1e-5 * scale);
                    }
                }
            }
        }
    }

    @Test
    void aMaskZeroesTheMaskedEntriesAtTheRequestedDensity() {
        Constraints c = new Constraints(Double.NaN, 0.3, Double.POSITIVE_INFINITY, 1.0, 0.5, 0.0, 1e-6, 10);
        int n = 200;
        double[] lo = new double[n * n], hi = new double[n * n];
        c.bounds(n, 3, lo, hi);
        int allowed = 0;
        for (int i = 0; i < n * n; i++) {
            if (hi[i] > 0) allowed++;
        }
        // Binomial(40000, 0.3): standard deviation 92; allow 5 of them.
        assertThat((double) allowed).isCloseTo(0.3 * n * n, within(460.0));
    }
}
