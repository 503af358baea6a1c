package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link NetworkKernels#driftAndTangents} (the fused Lyapunov stage) against the separate {@link NetworkKernels#drift}
 * and {@link NetworkKernels#jacobianTimes} column by column, and the Vector API kernel against the scalar one.
 */
class DriftAndTangentsTest {
    private static double[] frame(int n, int k, long seed) {
        double[] v = new double[k * n];
        for (int q = 0; q < k; q++) System.arraycopy(NetworkKernelsTest.state(n, seed + q), 0, v, q * n, n);
        return v;
    }

    /** max_i |a_i − b_i| / max_i |b_i|. */
    private static double relativeDifference(double[] a, double[] b) {
        double diff = 0, scale = 0;
        for (int i = 0; i < b.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / scale;
    }

    private static void fused(NetworkKernels kern, double[] x, double[] v, int k, double[] fx, double[] fv) {
        kern.driftAndTangents(x, v, k, fx, fv);
    }

    /** drift and k Jacobian products of the same kernels, one call each: the definition the fused pass must reproduce. */
    private static void separate(NetworkKernels kern, int n, double[] x, double[] v, int k, double[] fx, double[] fv) {
        kern.drift(x, fx);
        double[] col = new double[n], out = new double[n];
        for (int q = 0; q < k; q++) {
            System.arraycopy(v, q * n, col, 0, n);
            kern.jacobianTimes(x, col, out);
            System.arraycopy(out, 0, fv, q * n, n);
        }
    }

    @Test
    void fusedPassEqualsDriftAndJacobianTimesAndVectorEqualsScalar() {
        // N with and without a tail beyond the vector width; d = 3 (specialised) and d = 2, 5 (general)
        for (int[] nd : new int[][] {{203, 3}, {64, 3}, {7, 3}, {1000, 3}, {97, 2}, {50, 5}}) {
            int n = nd[0], d = nd[1];
            RateNetwork net = NetworkKernelsTest.network(n, d, 40 + n);
            NetworkKernels vec = NetworkKernels.of(net, true), sca = NetworkKernels.of(net, false);
            double[] x = NetworkKernelsTest.state(n, 7);
            for (int k : new int[] {1, 5, 8}) {
                double[] v = frame(n, k, 100);
                double[] fxs = new double[n], fvs = new double[k * n], fxv = new double[n], fvv = new double[k * n];
                double[] rx = new double[n], rv = new double[k * n];
                fused(sca, x, v, k, fxs, fvs);
                fused(vec, x, v, k, fxv, fvv);
                separate(sca, n, x, v, k, rx, rv);
                // the scalar fused pass does the separate calls' arithmetic in the same order: equal bits
                assertThat(fxs).containsExactly(rx);
                assertThat(fvs).containsExactly(rv);
                // vector (when the module is present) vs scalar: the same sums grouped by lanes, ≤ 1e-12 relative
                assertThat(relativeDifference(fxv, fxs)).isLessThanOrEqualTo(1e-12);
                assertThat(relativeDifference(fvv, fvs)).isLessThanOrEqualTo(1e-12);
                assertThat(fxv).containsExactly(NetworkKernelsTest.referenceDrift(net, x), within(1e-12));
                // and the vector fused pass equals the vector kernel's own separate calls to rounding
                separate(vec, n, x, v, k, rx, rv);
                assertThat(relativeDifference(fvv, rv)).isLessThanOrEqualTo(1e-12);
            }
        }
    }

    /**
     * With ≥ 8 lanes the vector kernel takes the frame's columns four at a time (one sweep over W and one over U for
     * the four) and the rest one at a time: both must give the same bits, so k = 1, 3, 4, 5, 7, 9 in one call equal
     * the columns stepped one per call.
     */
    @Test
    void frameColumnsInGroupsOfFourGiveTheBitsOfOneColumnAtATime() {
        for (int n : new int[] {1000, 203, 64, 13}) {
            RateNetwork net = NetworkKernelsTest.network(n, 3, 60 + n);
            NetworkKernels vec = NetworkKernels.of(net, true);
            double[] x = NetworkKernelsTest.state(n, 9);
            for (int k : new int[] {1, 3, 4, 5, 7, 9}) {
                double[] v = frame(n, k, 200 + k), fx = new double[n], fv = new double[k * n];
                vec.driftAndTangents(x, v, k, fx, fv);
                double[] col = new double[n], fx1 = new double[n], out = new double[n];
                for (int q = 0; q < k; q++) {
                    System.arraycopy(v, q * n, col, 0, n);
                    vec.driftAndTangents(x, col, 1, fx1, out);
                    assertThat(fx1).as("drift, N = %d, k = %d", n, k).containsExactly(fx);
                    for (int j = 0; j < n; j++) {
                        assertThat(fv[q * n + j]).as("N = %d, k = %d, column %d, neuron %d", n, k, q, j).isEqualTo(out[j]);
                    }
                }
            }
        }
    }

    @Test
    void tangentsMatchCentralDifferencesOfTheDrift() {
        int n = 120, k = 3;
        RateNetwork net = NetworkKernelsTest.network(n, 3, 8);
        double[] x = NetworkKernelsTest.state(n, 2), v = frame(n, k, 30);
        double[] fx = new double[n], fv = new double[k * n];
        net.driftAndTangents(0.0, x, v, k, fx, fv);
        double h = 1e-5;
        double[] xp = new double[n], xm = new double[n], fp = new double[n], fm = new double[n];
        for (int q = 0; q < k; q++) {
            for (int j = 0; j < n; j++) {
                xp[j] = x[j] + h * v[q * n + j];
                xm[j] = x[j] - h * v[q * n + j];
            }
            net.drift(0.0, xp, fp);
            net.drift(0.0, xm, fm);
            for (int j = 0; j < n; j++) assertThat(fv[q * n + j]).isCloseTo((fp[j] - fm[j]) / (2 * h), within(1e-7));
        }
    }

    @Test
    void populationModeEntersAsOneMoreLatentDirection() {
        RateNetwork net = RateNetworkPopulationTest.network(3);
        int n = net.neurons(), k = 4;
        double[] x = NetworkKernelsTest.state(n, 12), v = frame(n, k, 50);
        double[] fx = new double[n], fv = new double[k * n], rx = new double[n], col = new double[n], out = new double[n];
        net.driftAndTangents(0.0, x, v, k, fx, fv);
        net.drift(0.0, x, rx);
        assertThat(relativeDifference(fx, rx)).isLessThanOrEqualTo(1e-12);
        for (int q = 0; q < k; q++) {
            System.arraycopy(v, q * n, col, 0, n);
            net.jacobianTimes(0.0, x, col, out);
            for (int j = 0; j < n; j++) assertThat(fv[q * n + j]).isCloseTo(out[j], within(1e-12));
        }
    }

    @Test
    void rejectsShortArraysAndAliasedOutput() {
        NetworkKernels kern = NetworkKernels.of(NetworkKernelsTest.network(20, 3, 1));
        double[] x = new double[20], v = new double[40];
        assertThatThrownBy(() -> kern.driftAndTangents(x, v, 3, new double[20], new double[60]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 3");
        assertThatThrownBy(() -> kern.driftAndTangents(x, v, 2, new double[20], v))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fv must not be");
        assertThatThrownBy(() -> kern.driftAndTangents(x, v, 0, new double[20], new double[40]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
