package ddmatch.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
