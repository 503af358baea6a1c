package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NetworkKernels#eulerStepBatch} (B states stepped in lock step) against B single-state steps: equal bits over
 * many steps, with and without noise, for the Vector API kernel (tiles of four states when d = 3, the fused single
 * step {@link NetworkKernels#eulerStep} as reference) and the scalar one (the drift, then the Euler–Maruyama update
 * {@code (x + f·h) + Σ_k G_k·ΔW_k}, as {@code solve.EulerMaruyama} does it), for N with and without a tail beyond the
 * vector width and B with and without a remainder beyond whole tiles; and one step against the definition with
 * {@link Math#tanh}.
 */
class EulerStepBatchTest {
    private static final double H = 0.01;

    @Test
    void batchStepsAreBitIdenticalToSingleStepsForBothKernels() {
        for (int[] nd : new int[][] {{1000, 3}, {203, 3}, {7, 3}, {64, 3}, {97, 2}, {33, 1}, {50, 5}}) {
            int n = nd[0], d = nd[1];
            RateNetwork net = NetworkKernelsTest.network(n, d, 80 + n);
            for (boolean vector : new boolean[] {true, false}) {
                NetworkKernels kern = NetworkKernels.of(net, vector);
                for (int m : new int[] {0, 2, 3, 4}) {
                    double[] gCols = new double[m * n];
                    SplittableRandom rng = new SplittableRandom(7 + n);
                    for (int i = 0; i < gCols.length; i++) gCols[i] = 0.1 * rng.nextGaussian();
                    for (int batch : new int[] {1, 3, 4, 9, 64}) {
                        if (batch == 64 && n > 203) continue;   // 64 × 1000 × 20 steps: the tile loop is covered by 9
                        compare(kern, n, d, m, gCols, batch, rng, vector);
                    }
                }
            }
        }
    }

    private static void compare(NetworkKernels kern, int n, int d, int m, double[] gCols, int batch,
                                SplittableRandom rng, boolean vector) {
        double[] xs = new double[batch * n];
        for (int q = 0; q < batch; q++) System.arraycopy(NetworkKernelsTest.state(n, 700 + q), 0, xs, q * n, n);
        double[][] singles = new double[batch][];
        for (int q = 0; q < batch; q++) singles[q] = java.util.Arrays.copyOfRange(xs, q * n, (q + 1) * n);
        double[] dWs = new double[batch * m], dW = new double[m], f = new double[n];
        boolean fused = false;
        for (int step = 0; step < 20; step++) {
            for (int i = 0; i < dWs.length; i++) dWs[i] = Math.sqrt(H) * rng.nextGaussian();
            kern.eulerStepBatch(xs, batch, H, gCols, dWs, m);
            for (int q = 0; q < batch; q++) {
                double[] x = singles[q];
                System.arraycopy(dWs, q * m, dW, 0, m);
                if (kern.eulerStep(x, H, gCols, dW, m) != SimdKernels.DECLINED) {
                    fused = true;
                    continue;
                }
                kern.drift(x, f);
                for (int j = 0; j < n; j++) x[j] = x[j] + f[j] * H;
                for (int k = 0; k < m; k++) {
                    for (int j = 0; j < n; j++) x[j] += gCols[k * n + j] * dW[k];
                }
            }
        }
        assertThat(fused).as("the fused single step is the reference exactly for the vector kernel with d ≤ 3")
                .isEqualTo(vector && d <= 3 && NetworkKernels.vectorApiInUse());
        for (int q = 0; q < batch; q++) {
            for (int j = 0; j < n; j++) {
                if (Double.doubleToRawLongBits(xs[q * n + j]) != Double.doubleToRawLongBits(singles[q][j])) {
                    throw new AssertionError("N = " + n + ", d = " + d + ", m = " + m + ", " + kern.implementation()
                            + ", B = " + batch + ": state " + q + " neuron " + j + " after 20 steps: batch "
                            + xs[q * n + j] + " vs single " + singles[q][j]);
                }
            }
        }
    }

    @Test
    void oneStepMatchesTheDefinition() {
        int n = 203;
        RateNetwork net = NetworkKernelsTest.network(n, 3, 5);
        for (boolean vector : new boolean[] {true, false}) {
            NetworkKernels kern = NetworkKernels.of(net, vector);
            int batch = 5;
            double[] xs = new double[batch * n], before = new double[batch * n];
            for (int q = 0; q < batch; q++) System.arraycopy(NetworkKernelsTest.state(n, 900 + q), 0, xs, q * n, n);
            System.arraycopy(xs, 0, before, 0, xs.length);
            kern.eulerStepBatch(xs, batch, H, new double[0], new double[0], 0);
            for (int q = 0; q < batch; q++) {
                double[] x = java.util.Arrays.copyOfRange(before, q * n, (q + 1) * n);
                double[] ref = NetworkKernelsTest.referenceDrift(net, x);
                for (int j = 0; j < n; j++) {
                    assertThat(xs[q * n + j]).as("state %d neuron %d", q, j).isCloseTo(x[j] + H * ref[j], within(1e-14));
                }
            }
        }
    }

    @Test
    void rejectsShortArraysWithTheFieldAndValue() {
        NetworkKernels kern = NetworkKernels.of(NetworkKernelsTest.network(20, 3, 1));
        double[] xs = new double[40];
        assertThatThrownBy(() -> kern.eulerStepBatch(xs, 3, H, new double[0], new double[0], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch = 3").hasMessageContaining("got 40");
        assertThatThrownBy(() -> kern.eulerStepBatch(xs, 0, H, new double[0], new double[0], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch = 0");
        assertThatThrownBy(() -> kern.eulerStepBatch(xs, 2, H, new double[20], new double[4], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m = 2").hasMessageContaining("≥ m·N = 40");
        assertThatThrownBy(() -> kern.eulerStepBatch(xs, 2, H, new double[40], new double[3], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("≥ B·m = 4");
    }
}
