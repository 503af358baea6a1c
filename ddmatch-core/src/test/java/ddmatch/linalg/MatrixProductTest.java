package ddmatch.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatrixProductTest {
    /**
     * {batch, rows, k}: every kind of edge tile (batch below, at and above one panel of ≤ 32 states; rows not a multiple
     * of 4) and k beyond the unblocked limit of 2048 (three blocks, the last shorter).
     */
    private static final int[][] SHAPES = {{1, 1, 1}, {1, 7, 13}, {3, 5, 9}, {4, 4, 4}, {17, 9, 31}, {37, 13, 8},
            {64, 11, 101}, {40, 7, 530}, {5, 6, 2051}};

    private static double[] random(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) a[i] = r.nextDouble(-1, 1);
        return a;
    }

    /** Σ_κ A[i][κ]·X[β][κ] left to right, with rounded products ({@code fused} false) or fused multiply-adds. */
    private static double naive(double[] x, int beta, double[] a, int i, int k, boolean fused) {
        double s = 0;
        for (int c = 0; c < k; c++) {
            s = fused ? Math.fma(a[i * k + c], x[beta * k + c], s) : s + a[i * k + c] * x[beta * k + c];
        }
        return s;
    }

    @Test
    void scalarKernelEqualsTheLeftToRightSumBitForBit() {
        for (int[] sh : SHAPES) {
            int batch = sh[0], rows = sh[1], k = sh[2];
            double[] x = random(batch * k, 1), a = random(rows * k, 2), out = new double[batch * rows];
            MatrixProduct.scalar(x, batch, k, a, rows, out);
            for (int beta = 0; beta < batch; beta++) {
                for (int i = 0; i < rows; i++) {
                    assertThat(out[beta * rows + i]).as("%s β=%d i=%d", java.util.Arrays.toString(sh), beta, i)
                            .isEqualTo(naive(x, beta, a, i, k, false));
                }
            }
        }
    }

    @Test
    void javaKernelEqualsTheLeftToRightSumOfItsArithmeticBitForBit() {
        // The Vector API kernel sums each entry by fused multiply-adds in increasing κ, the scalar one by s += a·x.
        boolean vector = !MatrixProduct.javaKernel().startsWith("scalar");
        for (int[] sh : SHAPES) {
            int batch = sh[0], rows = sh[1], k = sh[2];
            double[] x = random(batch * k, 3), a = random(rows * k, 4), out = new double[batch * rows];
            double[] scratch = new double[5 + MatrixProduct.scratchLength(batch, k)];
            MatrixProduct.multiplyByTranspose(x, batch, k, a, rows, out, scratch, 5);
            for (int beta = 0; beta < batch; beta++) {
                for (int i = 0; i < rows; i++) {
                    assertThat(out[beta * rows + i]).isEqualTo(naive(x, beta, a, i, k, vector));
                }
            }
        }
    }

    @Test
    void fastestBackendAgreesWithTheLeftToRightSumToRounding() {
        int batch = 64, rows = 101, k = 101;
        double[] x = random(batch * k, 5), a = random(rows * k, 6), out = new double[batch * rows];
        boolean usedNative = MatrixProduct.multiplyByTransposeFastest(x, batch, k, a, rows, out,
                new double[MatrixProduct.scratchLength(batch, k)], 0);
        assertThat(usedNative).isEqualTo(NativeBlas.available());
        double worst = 0;
        for (int beta = 0; beta < batch; beta++) {
            for (int i = 0; i < rows; i++) {
                double ref = naive(x, beta, a, i, k, false);
                double scale = 0;   // Σ|a·x|: the size the rounding errors of any summation order are relative to
                for (int c = 0; c < k; c++) scale += Math.abs(a[i * k + c] * x[beta * k + c]);
                worst = Math.max(worst, Math.abs(out[beta * rows + i] - ref) / scale);
            }
        }
        assertThat(worst).isLessThan(1e-14);
    }

    @Test
    void rejectsBadShapesAliasedOutputAndShortScratch() {
        double[] x = new double[12], a = new double[12], out = new double[9];
        assertThatThrownBy(() -> MatrixProduct.multiplyByTranspose(x, 0, 4, a, 3, out, new double[64], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatrixProduct.multiplyByTranspose(x, 3, 4, a, 4, out, new double[64], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatrixProduct.multiplyByTranspose(x, 3, 4, a, 3, x, new double[64], 0))
                .isInstanceOf(IllegalArgumentException.class);
        if (MatrixProduct.scratchLength(3, 4) > 0) {
            assertThatThrownBy(() -> MatrixProduct.multiplyByTranspose(x, 3, 4, a, 3, out, new double[1], 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MatrixProduct.multiplyByTranspose(x, 3, 4, a, 3, out, x, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * {@code Σ_κ a[off + κ]·x[κ]} to about one rounding: Dot2 of T. Ogita, S. M. Rump and S. Oishi, <i>Accurate sum
     * and dot product</i>, SIAM J. Sci. Comput. 26(6), 2005 (TwoProduct by a fused multiply-add, TwoSum, the errors
     * summed on the side), an independent reference for the kernels' sums.
     */
    static double dot2(double[] a, int off, double[] x, int k) {
        double s = 0, err = 0;
        for (int c = 0; c < k; c++) {
            double p = a[off + c] * x[c];
            double pe = Math.fma(a[off + c], x[c], -p);
            double t = s + p;
            double z = t - s;
            err += (s - (t - z)) + (p - z) + pe;
            s = t;
        }
        return s + err;
    }

    /** {rows, k}: square sizes 1, 7, 37, 1001 and rows/columns on both sides of the 8-row block and of L, 2L. */
    private static final int[][] MATVEC_SHAPES = {{1, 1}, {7, 7}, {37, 37}, {1001, 1001}, {8, 16}, {9, 15}, {3, 33},
            {16, 64}, {17, 7}, {13, 2}};

    @Test
    void matrixVectorProductAgreesWithAnAccurateDotProductTo1e14OfTheAbsoluteSum() {
        for (int[] sh : MATVEC_SHAPES) {
            int rows = sh[0], k = sh[1];
            double[] a = random(rows * k, 7), x = random(k, 8), out = new double[rows];
            MatrixProduct.multiply(a, rows, k, x, out);
            for (int i = 0; i < rows; i++) {
                double scale = 0;
                for (int c = 0; c < k; c++) scale += Math.abs(a[i * k + c] * x[c]);
                assertThat(Math.abs(out[i] - dot2(a, i * k, x, k)))
                        .as("rows=%d k=%d i=%d", rows, k, i).isLessThanOrEqualTo(1e-14 * scale);
            }
        }
    }

    @Test
    void matrixVectorRowsGiveTheSameBitsInABlockAsAlone() {
        // A row's sum must not depend on whether it falls in a block of rows or in the rows left over after them.
        int rows = 21, k = 53;
        double[] a = random(rows * k, 9), x = random(k, 10), out = new double[rows], one = new double[1];
        MatrixProduct.multiply(a, rows, k, x, out);
        for (int i = 0; i < rows; i++) {
            MatrixProduct.multiply(java.util.Arrays.copyOfRange(a, i * k, (i + 1) * k), 1, k, x, one);
            assertThat(one[0]).as("row %d", i).isEqualTo(out[i]);
        }
    }

    @Test
    void withoutTheVectorModuleTheMatrixVectorProductIsTheFourAccumulatorDotProduct() {
        int rows = 6, k = 23;
        double[] a = random(rows * k, 11), x = random(k, 12), out = new double[rows];
        MatrixProduct.multiply(a, rows, k, x, out);
        for (int i = 0; i < rows; i++) {
            double scalar = MatrixProduct.rowDot(a, i * k, x, k);
            if (MatrixProduct.javaKernel().startsWith("scalar")) {
                assertThat(out[i]).isEqualTo(scalar);
            } else {
                assertThat(out[i]).isCloseTo(scalar, within(1e-14 * k));
            }
        }
    }

    @Test
    void rowDotWithFourAccumulatorsEqualsTheAccurateSumForEveryRemainder() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n = 0; n <= 9; n++) {
            double[] a = new double[n + 3], p = new double[n];
            for (int i = 0; i < a.length; i++) a[i] = r.nextDouble(-1, 1);
            for (int i = 0; i < n; i++) p[i] = r.nextDouble(-1, 1);
            double[] shifted = java.util.Arrays.copyOfRange(a, 3, n + 3);
            assertThat(MatrixProduct.rowDot(a, 3, p, n)).isCloseTo(dot2(shifted, 0, p, n), within(1e-15));
        }
    }

    @Test
    void matrixVectorRejectsBadShapesShortArraysAndAliasedOutput() {
        double[] a = new double[12], x = new double[4], out = new double[3];
        assertThatThrownBy(() -> MatrixProduct.multiply(a, 0, 4, x, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows = 0");
        assertThatThrownBy(() -> MatrixProduct.multiply(a, 4, 4, x, new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A has 12 entries for 4 × 4");
        assertThatThrownBy(() -> MatrixProduct.multiply(a, 3, 4, x, x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out must not be");
    }
}
