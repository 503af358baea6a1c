package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.linalg.NativeBlas;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DenseRateNetworkBatchTest {
    private static DenseRateNetwork network(int n, Activation activation, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] j = new double[n * n];
        for (int i = 0; i < j.length; i++) j[i] = 1.5 * r.nextGaussian() / Math.sqrt(n);
        return new DenseRateNetwork("bulk", Embedding.random(n, 3, 2.0, seed), j, new double[0], 0, 0.7, activation,
                Standardization.identity(3), 0.01);
    }

    /** max over states of max_i |batch − single| / max_i |single|: the relative error of each state's drift. */
    private static double worstRelativeError(DenseRateNetwork net, int batch, boolean allowNative, long seed) {
        int n = net.neurons();
        SplittableRandom r = new SplittableRandom(seed);
        double[] xs = new double[batch * n];
        for (int i = 0; i < xs.length; i++) xs[i] = 2 * r.nextGaussian();
        double[] out = new double[batch * n];
        net.driftBatch(xs, batch, out, allowNative);
        double[] x = new double[n], f = new double[n];
        double worst = 0;
        for (int beta = 0; beta < batch; beta++) {
            System.arraycopy(xs, beta * n, x, 0, n);
            net.drift(0, x, f);
            double diff = 0, size = 0;
            for (int i = 0; i < n; i++) {
                diff = Math.max(diff, Math.abs(out[beta * n + i] - f[i]));
                size = Math.max(size, Math.abs(f[i]));
            }
            worst = Math.max(worst, diff / size);
        }
        return worst;
    }

    @Test
    void eachStatesBatchDriftEqualsItsSingleDriftWithTheJavaKernel() {
        for (int n : new int[] {37, 101}) {
            DenseRateNetwork net = network(n, Activation.TANH, n);
            for (int batch : new int[] {1, 3, 64}) {
                assertThat(worstRelativeError(net, batch, false, 10L * n + batch)).as("N = %d, B = %d", n, batch)
                        .isLessThanOrEqualTo(1e-13);
            }
        }
    }

    @Test
    void eachStatesBatchDriftEqualsItsSingleDriftWithTheNativeBlasWhenLoaded() {
        // Without a native BLAS the fastest path is the Java kernel: the same bound holds either way.
        for (int n : new int[] {37, 101}) {
            DenseRateNetwork net = network(n, Activation.TANH, n + 1);
            for (int batch : new int[] {1, 3, 64}) {
                assertThat(worstRelativeError(net, batch, true, 20L * n + batch)).as("N = %d, B = %d, native %b", n, batch,
                        NativeBlas.available()).isLessThanOrEqualTo(1e-13);
            }
        }
    }

    @Test
    void otherActivationsUseTheirOwnPhi() {
        DenseRateNetwork net = network(53, Activation.SOFTPLUS, 5);
        assertThat(worstRelativeError(net, 5, false, 1)).isLessThanOrEqualTo(1e-13);
        assertThat(worstRelativeError(net, 5, true, 2)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void rejectsShortArraysAndAliasedOutput() {
        DenseRateNetwork net = network(11, Activation.TANH, 1);
        double[] xs = new double[22];
        assertThatThrownBy(() -> net.driftBatch(xs, 2, xs)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> net.driftBatch(xs, 3, new double[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> net.driftBatch(xs, 0, new double[22])).isInstanceOf(IllegalArgumentException.class);
    }
}
