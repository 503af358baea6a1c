package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NetworkKernels#project} (independent accumulation chains; vector FMA chains with the Vector API) against the
 * readout written as a naive double loop, {@code z̃_k = Σ_j U_jk (x_j − b_j) / N}, and a recorded trajectory's readout
 * against the same readout formed afterwards from its recorded states by {@link Embedding#project} (the projection
 * used before). The tolerance is relative to the size of the summands, {@code 1e-14 · Σ_j |U_jk (x_j − b_j)| / N}: a
 * readout component near 0 is a difference of large terms, and no summation order is exact there.
 */
class ReadoutProjectionTest {
    private static final double REL = 1e-14;

    /** The naive readout and, in {@code scale}, {@code Σ_j |U_jk (x_j − b_j)| / N}. */
    private static double[] naive(Embedding e, double[] x, double[] scale) {
        int n = e.neurons(), d = e.latent();
        double[] u = e.u(), b = e.tonic();
        double[] z = new double[d];
        for (int k = 0; k < d; k++) {
            double s = 0, a = 0;
            for (int j = 0; j < n; j++) {
                double t = u[j * d + k] * (x[j] - b[j]);
                s += t;
                a += Math.abs(t);
            }
            z[k] = s / n;
            scale[k] = a / n;
        }
        return z;
    }

    @Test
    void projectionAgreesWithTheNaiveLoopForBothKernelsAndEveryTail() {
        for (int n : new int[] {7, 16, 203, 1000}) {
            for (int d : new int[] {1, 2, 3, 5}) {
                if (d > n) continue;
                RateNetwork net = NetworkKernelsTest.network(n, d, 40L * n + d);
                for (boolean vector : new boolean[] {true, false}) {
                    NetworkKernels kern = NetworkKernels.of(net, vector);
                    for (int trial = 0; trial < 3; trial++) {
                        double[] x = NetworkKernelsTest.state(n, 900 + trial);
                        if (trial == 2) net.embedding().embed(new double[] {0.3, -1.2, 2.5, 0.1, -0.7}, x);   // on the manifold
                        double[] scale = new double[d];
                        double[] ref = naive(net.embedding(), x, scale);
                        double[] z = new double[d];
                        kern.project(x, z, d);
                        for (int k = 0; k < d; k++) {
                            assertThat(Math.abs(z[k] - ref[k])).as("N = %d, d = %d, %s, trial %d, k = %d: %s vs %s", n, d,
                                    kern.implementation(), trial, k, z[k], ref[k]).isLessThanOrEqualTo(REL * scale[k]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void onTheManifoldTheProjectionRecoversTheLatentState() {
        // x = U z̃ + b reads out as z̃ (P U = I): an exact answer, to rounding of O(|z̃|·1e-15)
        RateNetwork net = NetworkKernelsTest.network(500, 3, 5);
        double[] zt = {0.3, -1.2, 2.5};
        double[] x = new double[500];
        net.embedding().embed(zt, x);
        double[] z = new double[3];
        for (boolean vector : new boolean[] {true, false}) {
            NetworkKernels.of(net, vector).project(x, z, 3);
            for (int k = 0; k < 3; k++) assertThat(Math.abs(z[k] - zt[k])).isLessThanOrEqualTo(1e-14 * 2.5);
        }
    }

    @Test
    void aPopulationColumnIsNotReadOut() {
        RateNetwork net = RateNetworkPopulationTest.network(3);
        int n = net.neurons(), d = net.latentDimension();
        NetworkKernels kern = NetworkKernels.of(net);   // d + 1 columns: U, then the uniform population column
        double[] x = NetworkKernelsTest.state(n, 12);
        double[] scale = new double[d];
        double[] ref = naive(net.embedding(), x, scale);
        double[] z = new double[d];
        kern.project(x, z, d);
        for (int k = 0; k < d; k++) assertThat(Math.abs(z[k] - ref[k])).isLessThanOrEqualTo(REL * scale[k]);
        assertThatThrownBy(() -> kern.project(x, new double[d + 2], d + 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kern.project(x, new double[1], 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordedTrajectorysReadoutEqualsTheReadoutOfItsRecordedStates() {
        int n = 203, d = 3;
        SplittableRandom r = new SplittableRandom(77);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-1, 1) * 4 / Math.sqrt(n);
        double[] s = {0.3, 0, 0, 0, 0.2, 0, 0, 0, 0.25};
        Standardization st = new Standardization(new double[] {1.5, -2.0, 25.0}, new double[] {7.9, 9.0, 8.6});
        RateNetwork net = new RateNetwork("noisy", Embedding.random(n, d, 2.0, 78), w, s, d, 0.7, Activation.TANH, st, 0.01);
        double[] x0 = net.stateFor(new double[] {3.0, -4.0, 20.0});
        Integrator integ = new Integrator(EulerMaruyama.INSTANCE);
        long steps = 400;
        Trajectory states = integ.solve(net, x0, 0, 0.01, steps, new GaussianIncrements(d, 5), SaveAt.everyStep(),
                Observable.identity(n));
        Trajectory readout = integ.solve(net, x0, 0, 0.01, steps, new GaussianIncrements(d, 5), SaveAt.everyStep(),
                net.readoutObservable());
        assertThat(readout.rows()).isEqualTo(states.rows()).isEqualTo((int) steps + 1);
        double[] xs = states.values(), zs = readout.values();
        double[] x = new double[n], old = new double[d], scale = new double[d];
        for (int row = 0; row < states.rows(); row++) {
            System.arraycopy(xs, row * n, x, 0, n);
            net.embedding().project(x, old);   // the projection the readout used before
            naive(net.embedding(), x, scale);
            for (int k = 0; k < d; k++) {
                double before = st.mean(k) + st.scale(k) * old[k];
                double diff = Math.abs(zs[row * d + k] - before);
                assertThat(diff).as("row %d, k = %d", row, k)
                        .isLessThanOrEqualTo(REL * (Math.abs(st.mean(k)) + st.scale(k) * scale[k]));
            }
        }
        assertThat(Math.abs(zs[zs.length - 1] - zs[2])).as("the run moved").isGreaterThan(1e-3);
    }
}
