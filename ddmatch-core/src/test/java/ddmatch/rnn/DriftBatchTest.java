package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link NetworkKernels#driftBatch} (B states one after another) against B single-state drifts of the same kernel:
 * equal bits, for the Vector API kernel (tiles of four states when d = 3) and the scalar one, for N with and without
 * a tail beyond the vector width and B with and without a remainder beyond whole tiles.
 */
class DriftBatchTest {
    @Test
    void batchDriftIsBitIdenticalToSingleDriftsForBothKernels() {
        for (int[] nd : new int[][] {{1000, 3}, {203, 3}, {7, 3}, {64, 3}, {97, 2}, {50, 5}}) {
            int n = nd[0], d = nd[1];
            RateNetwork net = NetworkKernelsTest.network(n, d, 60 + n);
            for (boolean vector : new boolean[] {true, false}) {
                NetworkKernels kern = NetworkKernels.of(net, vector);
                for (int batch : new int[] {1, 3, 4, 9, 64}) {
                    double[] xs = new double[batch * n], out = new double[batch * n];
                    for (int q = 0; q < batch; q++) System.arraycopy(NetworkKernelsTest.state(n, 500 + q), 0, xs, q * n, n);
                    kern.driftBatch(xs, batch, out);
                    double[] x = new double[n], f = new double[n];
                    for (int q = 0; q < batch; q++) {
                        System.arraycopy(xs, q * n, x, 0, n);
                        kern.drift(x, f);
                        for (int j = 0; j < n; j++) {
                            if (Double.doubleToRawLongBits(out[q * n + j]) != Double.doubleToRawLongBits(f[j])) {
                                throw new AssertionError("N = " + n + ", d = " + d + ", " + kern.implementation() + ", B = "
                                        + batch + ": state " + q + " neuron " + j + ": batch " + out[q * n + j] + " vs single " + f[j]);
                            }
                        }
                    }
                    if (batch != 4) continue;   // the O(N²) definition once per network and kernel
                    // and against the definition with Math.tanh (last state)
                    System.arraycopy(xs, (batch - 1) * n, x, 0, n);
                    double[] ref = NetworkKernelsTest.referenceDrift(net, x);
                    for (int j = 0; j < n; j++) assertThat(out[(batch - 1) * n + j]).isCloseTo(ref[j], within(1e-12));
                }
            }
        }
    }

    @Test
    void rejectsShortArraysAndAliasedOutput() {
        NetworkKernels kern = NetworkKernels.of(NetworkKernelsTest.network(20, 3, 1));
        double[] xs = new double[40];
        assertThatThrownBy(() -> kern.driftBatch(xs, 3, new double[60]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch = 3");
        assertThatThrownBy(() -> kern.driftBatch(xs, 2, xs))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be");
        assertThatThrownBy(() -> kern.driftBatch(xs, 0, new double[40])).isInstanceOf(IllegalArgumentException.class);
    }
}
