package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NetworkKernels#eulerStepBatch} (B states stepped in lock step) against B single-state steps: equal bits over
 * many steps, with and without noise, for the Vector API kernel (tiles of four states when d = 3, the fused single
 * step {@link NetworkKernels#eulerStep} as reference) and the scalar one (the drift, then {@code x + f·h}, then the
 * latent noise {@code + U_k c_k} column by column), for N with and without a tail beyond the vector width and B with
 * and without a remainder beyond whole tiles; and one step against the definition with {@link Math#tanh}.
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
                for (boolean noisy : new boolean[] {false, true}) {
                    SplittableRandom rng = new SplittableRandom(7 + n);
                    for (int batch : new int[] {1, 3, 4, 9, 64}) {
                        if (batch == 64 && n > 203) continue;   // 64 × 1000 × 20 steps: the tile loop is covered by 9
                        compare(kern, net, n, d, noisy, batch, rng, vector);
                    }
                }
            }
        }
    }

    /**
     * Tiles of two and of four states ({@code -Dddmatch.batchTile}; unset, chosen by the JDK) step every state to the
     * bits of its single step, N with and without a vector tail, B with and without a remainder for either tile.
     */
    @Test
    void bothTileSizesGiveTheSingleStepBits() {
        assumeTrue(NetworkKernels.vectorApiInUse());
        String before = System.getProperty(SimdKernels.STEP_TILE_PROPERTY);
        try {
            for (int tile : new int[] {2, 4}) {
                System.setProperty(SimdKernels.STEP_TILE_PROPERTY, Integer.toString(tile));
                for (int n : new int[] {1000, 203, 7}) {
                    RateNetwork net = NetworkKernelsTest.network(n, 3, 80 + n);
                    NetworkKernels kern = NetworkKernels.of(net, true);
                    assertThat(kern.stepTile()).isEqualTo(tile);
                    SplittableRandom rng = new SplittableRandom(11 + n);
                    for (int batch : new int[] {2, 5, 8}) compare(kern, net, n, 3, true, batch, rng, true);
                }
            }
            // a bad value fails the batch step that reads it, naming it; building the kernels does not read it
            System.setProperty(SimdKernels.STEP_TILE_PROPERTY, "3");
            RateNetwork net = NetworkKernelsTest.network(40, 3, 5);
            NetworkKernels kern = NetworkKernels.of(net, true);
            double[] xs = new double[2 * 40];
            assertThatThrownBy(() -> kern.eulerStepBatch(xs, 2, H, new double[6]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Dddmatch.batchTile=3")
                    .hasMessageContaining("2 or 4");
        } finally {
            if (before == null) System.clearProperty(SimdKernels.STEP_TILE_PROPERTY);
            else System.setProperty(SimdKernels.STEP_TILE_PROPERTY, before);
        }
    }

    /** The tile property's values, its default by JDK, and the error for anything else (naming property and value). */
    @Test
    void theTilePropertyIsParsedOrRejected() {
        assertThat(SimdKernels.stepTile(null, 17)).isEqualTo(2);
        assertThat(SimdKernels.stepTile("", 20)).isEqualTo(2);
        assertThat(SimdKernels.stepTile(null, 21)).isEqualTo(2);
        assertThat(SimdKernels.stepTile(null, 24)).isEqualTo(2);
        assertThat(SimdKernels.stepTile(null, 25)).isEqualTo(4);
        assertThat(SimdKernels.stepTile(" 4 ", 17)).isEqualTo(4);
        assertThat(SimdKernels.stepTile("2", 25)).isEqualTo(2);
        assertThatThrownBy(() -> SimdKernels.stepTile("3", 25)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dddmatch.batchTile=3").hasMessageContaining("2 or 4");
    }

    /** Σ x² after the generic step (drift, x + f·h, + U c) of a copy of x: the reference where the fused step declines. */
    private static double sumOfSquaresOfGenericStep(NetworkKernels kern, double[] x, double[] c, double[] u, int n, int d) {
        double[] y = x.clone(), f = new double[n];
        kern.drift(y, f);
        for (int j = 0; j < n; j++) y[j] = y[j] + f[j] * H;
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < n; j++) y[j] += u[k * n + j] * c[k];
        }
        double s = 0;
        for (double v : y) s += v * v;
        return s;
    }

    private static void compare(NetworkKernels kern, RateNetwork net, int n, int d, boolean noisy, int batch,
                                SplittableRandom rng, boolean vector) {
        double[] xs = new double[batch * n];
        for (int q = 0; q < batch; q++) System.arraycopy(NetworkKernelsTest.state(n, 700 + q), 0, xs, q * n, n);
        double[][] singles = new double[batch][];
        for (int q = 0; q < batch; q++) singles[q] = java.util.Arrays.copyOfRange(xs, q * n, (q + 1) * n);
        double[] cs = new double[batch * d], c = new double[d], f = new double[n];
        double[] uRows = net.embedding().u(), u = new double[d * n];   // U (N × d) and its columns, d × N
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < d; k++) u[k * n + j] = uRows[j * d + k];
        }
        boolean fused = false;
        double[] sq = new double[batch];
        for (int step = 0; step < 20; step++) {
            if (noisy) {
                for (int i = 0; i < cs.length; i++) cs[i] = 0.1 * Math.sqrt(H) * rng.nextGaussian();
            }
            if ((step & 1) == 0) {
                kern.eulerStepBatch(xs, batch, H, cs);
            } else {
                kern.eulerStepBatch(xs, batch, H, cs, sq);
            }
            for (int q = 0; q < batch; q++) {
                double[] x = singles[q];
                System.arraycopy(cs, q * d, c, 0, d);
                double single = kern.eulerStep(x, H, c);
                if ((step & 1) == 1) {
                    // Σ x² of the new state, against an independent sum of the state the single step left
                    double ref = 0;
                    for (int j = 0; j < n; j++) ref += x[j] * x[j];
                    if (single == SimdKernels.DECLINED) ref = sumOfSquaresOfGenericStep(kern, x, c, u, n, d);
                    assertThat(sq[q]).as("Σ x² of state %d, B = %d, N = %d, d = %d", q, batch, n, d)
                            .isCloseTo(ref, within(1e-13 * ref));
                }
                if (single != SimdKernels.DECLINED) {
                    fused = true;
                    continue;
                }
                kern.drift(x, f);
                for (int j = 0; j < n; j++) x[j] = x[j] + f[j] * H;
                for (int k = 0; k < d; k++) {
                    for (int j = 0; j < n; j++) x[j] += u[k * n + j] * c[k];
                }
            }
        }
        assertThat(fused).as("the fused single step is the reference exactly for the vector kernel with d ≤ 3")
                .isEqualTo(vector && d <= 3 && NetworkKernels.vectorApiInUse());
        for (int q = 0; q < batch; q++) {
            for (int j = 0; j < n; j++) {
                if (Double.doubleToRawLongBits(xs[q * n + j]) != Double.doubleToRawLongBits(singles[q][j])) {
                    throw new AssertionError("N = " + n + ", d = " + d + ", noise " + noisy + ", " + kern.implementation()
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
            kern.eulerStepBatch(xs, batch, H, new double[batch * 3]);
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
        assertThatThrownBy(() -> kern.eulerStepBatch(xs, 3, H, new double[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch = 3").hasMessageContaining("got 40");
        assertThatThrownBy(() -> kern.eulerStepBatch(xs, 0, H, new double[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch = 0");
        assertThatThrownBy(() -> kern.eulerStepBatch(xs, 2, H, new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cs has 5 entries").hasMessageContaining("≥ B·d = 6");
    }
}
