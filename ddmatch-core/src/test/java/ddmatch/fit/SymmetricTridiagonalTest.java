package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.linalg.NativeBlas;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymmetricTridiagonalTest {

    /** ΦᵀΦ of a random m × n Φ: positive semi-definite, rank min(m, n). */
    static double[] gram(int m, int n, long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        DMatrixRMaj phi = new DMatrixRMaj(m, n);
        for (int i = 0; i < phi.data.length; i++) phi.data[i] = Math.tanh(2 * g.nextGaussian());
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(phi, phi, a);
        return a.data;
    }

    static double[] ejmlEigenvalues(double[] a, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(eig.decompose(DMatrixRMaj.wrap(n, n, a.clone()))).isTrue();
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = eig.getEigenvalue(i).real;
        Arrays.sort(e);
        return e;
    }

    static double norm1(double[] a, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < n; i++) c += Math.abs(a[i * n + j]);
            s = Math.max(s, c);
        }
        return s;
    }

    @ParameterizedTest(name = "native LAPACK allowed: {0}")
    @ValueSource(booleans = {false, true})
    void eigenvaluesAgreeWithEjmlForFullAndRankDeficientGramMatrices(boolean allowNative) {
        for (int[] shape : new int[][] {{40, 1}, {40, 2}, {40, 3}, {200, 60}, {30, 90}, {500, 150}}) {
            int n = shape[1];
            double[] a = gram(shape[0], n, n);
            double[] ref = ejmlEigenvalues(a, n);
            double tol = 1e-13 * norm1(a, n) * Math.sqrt(n);
            SymmetricTridiagonal t = SymmetricTridiagonal.reduce(a.clone(), n, 1, allowNative);
            double[] e = t.eigenvalues();
            assertThat(t.eigenvaluesByBisection()).isFalse();
            assertThat(t.byNativeLapack()).isEqualTo(allowNative && NativeBlas.lapackAvailable() && n > 2);
            if (!allowNative) {
                assertThat(t.offDiagonal()).hasSize(n - 1);
            }
            double[] b = SymmetricTridiagonal.bisect(t.diagonal(), Arrays.copyOf(t.offDiagonal(), n), n);
            for (int i = 0; i < n; i++) {
                assertThat(e[i]).as("QL eigenvalue %d of %s", i, Arrays.toString(shape)).isCloseTo(ref[i], within(tol));
                assertThat(b[i]).as("bisection eigenvalue %d", i).isCloseTo(ref[i], within(tol));
            }
        }
    }

    @ParameterizedTest(name = "native LAPACK allowed: {0}")
    @ValueSource(booleans = {false, true})
    void qtqEqualsTheOriginalMatrix(boolean allowNative) {
        int n = 37;
        double[] a = gram(50, n, 7);
        SymmetricTridiagonal t = SymmetricTridiagonal.reduce(a.clone(), n, 1, allowNative);
        // Q T Qᵀ column by column: Q (T (Qᵀ eⱼ)).
        double[] d = t.diagonal(), off = t.offDiagonal();
        double[] x = new double[n * n];
        for (int j = 0; j < n; j++) x[j * n + j] = 1;
        t.applyQTranspose(x, n);
        double[] tx = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < n; c++) {
                double s = d[i] * x[i * n + c];
                if (i > 0) s += off[i - 1] * x[(i - 1) * n + c];
                if (i < n - 1) s += off[i] * x[(i + 1) * n + c];
                tx[i * n + c] = s;
            }
        }
        t.applyQ(tx, n);
        double tol = 1e-13 * norm1(a, n);
        for (int i = 0; i < n * n; i++) assertThat(tx[i]).isCloseTo(a[i], within(tol));
    }

    @ParameterizedTest(name = "native LAPACK allowed: {0}")
    @ValueSource(booleans = {false, true})
    void shiftedSolveAgreesWithAGeneralInverse(boolean allowNative) {
        int n = 80;
        double[] a = gram(300, n, 11);
        SplittableRandom g = new SplittableRandom(3);
        double[] rhs = new double[n * 3];
        for (int i = 0; i < rhs.length; i++) rhs[i] = g.nextDouble(-1, 1);
        for (double lambda : new double[] {1e-3, 1.0, 50.0}) {
            SymmetricTridiagonal t = SymmetricTridiagonal.reduce(a.clone(), n, 1, allowNative);
            double[] x = rhs.clone();
            t.applyQTranspose(x, 3);
            assertThat(t.solveShifted(lambda, x, 3, 0, 3)).isEqualTo(SymmetricTridiagonal.Solve.LDLT);
            t.applyQ(x, 3);
            DMatrixRMaj reg = DMatrixRMaj.wrap(n, n, a.clone());
            for (int i = 0; i < n; i++) reg.add(i, i, lambda);
            CommonOps_DDRM.invert(reg);
            DMatrixRMaj ref = new DMatrixRMaj(n, 3);
            CommonOps_DDRM.mult(reg, DMatrixRMaj.wrap(n, 3, rhs.clone()), ref);
            double scale = 0;
            for (double v : ref.data) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < x.length; i++) assertThat(x[i]).isCloseTo(ref.data[i], within(1e-10 * scale));
        }
    }

    @ParameterizedTest(name = "native LAPACK allowed: {0}")
    @ValueSource(booleans = {false, true})
    void indefiniteShiftUsesPivotingAndStillSolves(boolean allowNative) {
        // T − 5I for the tridiagonal 1D Laplacian-like matrix diag 2, off −1 scaled: eigenvalues 2 − 2cos(kπ/(n+1))·…
        int n = 6;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1 + i;
            if (i + 1 < n) {
                a[i * n + i + 1] = 0.5;
                a[(i + 1) * n + i] = 0.5;
            }
        }
        double[] rhs = {1, -2, 3, 0.5, 0, 1};
        SymmetricTridiagonal t = SymmetricTridiagonal.reduce(a.clone(), n, 1, allowNative);
        double[] x = rhs.clone();
        t.applyQTranspose(x, 1);
        assertThat(t.solveShifted(-3.3, x, 1, 0, 1)).isEqualTo(SymmetricTridiagonal.Solve.PIVOTED_LU);
        t.applyQ(x, 1);
        // Residual of (A − 3.3 I) x − rhs.
        for (int i = 0; i < n; i++) {
            double s = -3.3 * x[i];
            for (int j = 0; j < n; j++) s += a[i * n + j] * x[j];
            assertThat(s).isCloseTo(rhs[i], within(1e-12));
        }
    }

    @Test
    void bisectionFindsTheEigenvaluesOfAKnownTridiagonalMatrix() {
        // diag 2, off-diagonal −1: eigenvalues 2 − 2 cos(kπ/(n+1)), k = 1 … n.
        int n = 25;
        double[] d = new double[n], e = new double[n];
        Arrays.fill(d, 2.0);
        Arrays.fill(e, -1.0);
        double[] b = SymmetricTridiagonal.bisect(d, e, n);
        double[] q = d.clone(), eq = e.clone();
        eq[n - 1] = 0;
        assertThat(SymmetricTridiagonal.implicitQl(q, eq, n)).isTrue();
        Arrays.sort(q);
        for (int k = 1; k <= n; k++) {
            double exact = 2 - 2 * Math.cos(k * Math.PI / (n + 1));
            assertThat(b[k - 1]).isCloseTo(exact, within(1e-14));
            assertThat(q[k - 1]).isCloseTo(exact, within(1e-14));
        }
    }

    @Test
    void reductionIsBitIdenticalForAnyThreadCountAndMatchesEjml() {
        int n = 600;
        double[] a = gram(700, n, 5);
        SymmetricTridiagonal one = SymmetricTridiagonal.reduce(a.clone(), n, 1, false);
        for (int threads : new int[] {2, 3, 8}) {
            SymmetricTridiagonal t = SymmetricTridiagonal.reduce(a.clone(), n, threads, false);
            assertThat(t.diagonal()).as("%d threads", threads).isEqualTo(one.diagonal());
            assertThat(t.offDiagonal()).as("%d threads", threads).isEqualTo(one.offDiagonal());
        }
        double[] ref = ejmlEigenvalues(a, n);
        double[] e = one.eigenvalues();
        double tol = 1e-13 * norm1(a, n) * Math.sqrt(n);
        for (int i = 0; i < n; i++) assertThat(e[i]).isCloseTo(ref[i], within(tol));
    }
}
