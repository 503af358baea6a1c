package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DenseRateNetworkTest {
    static final int N = 41, D = 3, M = 2;

    /** The dense network with J = U W of the factored test network: both must agree to rounding. */
    static DenseRateNetwork denseOf(RateNetwork f) {
        double[] u = f.embedding().u();
        double[] w = f.readInWeights();
        double[] j = new double[N * N];
        for (int a = 0; a < N; a++) {
            for (int c = 0; c < N; c++) {
                for (int k = 0; k < D; k++) j[a * N + c] += u[a * D + k] * w[k * N + c];
            }
        }
        return new DenseRateNetwork("dense", f.embedding(), j, f.noiseGain(), M, f.tau(), f.activation(), f.standardization(),
                f.defaultTimeStep());
    }

    static RateNetwork factored(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Embedding emb = Embedding.random(N, D, 2.0, seed);
        double[] w = new double[D * N];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-0.3, 0.3);
        double[] s = {0.5, 0.1, -0.2, 0.3, 0.0, 0.7};
        Standardization st = new Standardization(new double[] {1, -2, 3}, new double[] {2, 0.5, 4});
        return new RateNetwork("test", emb, w, s, M, 0.7, Activation.TANH, st, 0.01);
    }

    @Test
    void withJEqualToUWDriftJacobianDiffusionAndReadoutEqualTheFactoredNetwork() {
        RateNetwork f = factored(3);
        DenseRateNetwork g = denseOf(f);
        SplittableRandom r = new SplittableRandom(9);
        double[] x = new double[N];
        double[] v = new double[N];
        for (int j = 0; j < N; j++) {
            x[j] = r.nextDouble(-3, 3);
            v[j] = r.nextDouble(-1, 1);
        }
        double[] a = new double[N], b = new double[N];
        f.drift(0, x, a);
        g.drift(0, x, b);
        assertThat(b).containsExactly(a, within(1e-12));
        f.jacobianTimes(0, x, v, a);
        g.jacobianTimes(0, x, v, b);
        assertThat(b).containsExactly(a, within(1e-12));
        double[] sa = new double[N * M], sb = new double[N * M];
        f.diffusion(0, x, sa);
        g.diffusion(0, x, sb);
        assertThat(sb).containsExactly(sa, within(1e-14));
        double[] za = new double[D], zb = new double[D];
        f.readout(x, za);
        g.readout(x, zb);
        assertThat(zb).containsExactly(za, within(1e-14));
        assertThat(g.manifoldDistance(x)).isCloseTo(f.manifoldDistance(x), within(1e-14));
        assertThat(g.stateFor(new double[] {0.5, 1, 2})).containsExactly(f.stateFor(new double[] {0.5, 1, 2}), within(1e-14));
    }

    @Test
    void jacobianTimesMatchesCentralDifferencesOfTheDrift() {
        SplittableRandom r = new SplittableRandom(4);
        Embedding emb = Embedding.random(N, D, 2.0, 4);
        double[] j = new double[N * N];
        for (int i = 0; i < j.length; i++) j[i] = 1.5 * r.nextGaussian() / Math.sqrt(N);
        DenseRateNetwork net = new DenseRateNetwork("bulk", emb, j, new double[0], 0, 0.5, Activation.TANH,
                Standardization.identity(D), 0.01);
        double[] x = new double[N], v = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = r.nextGaussian();
            v[i] = r.nextGaussian();
        }
        double h = 1e-5;
        double[] xp = new double[N], xm = new double[N], fp = new double[N], fm = new double[N], jv = new double[N];
        for (int i = 0; i < N; i++) {
            xp[i] = x[i] + h * v[i];
            xm[i] = x[i] - h * v[i];
        }
        net.drift(0, xp, fp);
        net.drift(0, xm, fm);
        net.jacobianTimes(0, x, v, jv);
        for (int i = 0; i < N; i++) {
            assertThat(jv[i]).isCloseTo((fp[i] - fm[i]) / (2 * h), within(1e-8));
        }
    }

    /** {@code Σ_κ a[off + κ]·x[κ]} by compensated summation (Ogita–Rump–Oishi Dot2): a reference to about 1 ulp. */
    private static double dot2(double[] a, int off, double[] x, int k) {
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

    @Test
    void driftAndJacobianProductEqualAReferenceWithMathTanhTo1e14OfTheirScale() {
        for (int n : new int[] {1, 7, 37, 1001}) {
            SplittableRandom r = new SplittableRandom(n);
            Embedding emb = Embedding.random(n, 1, 1.0, n);
            double[] j = new double[n * n];
            for (int i = 0; i < j.length; i++) j[i] = 1.5 * r.nextGaussian() / Math.sqrt(n);
            double tau = 0.3;
            DenseRateNetwork net = new DenseRateNetwork("ref", emb, j, new double[0], 0, tau, Activation.TANH,
                    Standardization.identity(1), 0.01);
            double[] x = new double[n], v = new double[n], phi = new double[n], pv = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 2 * r.nextGaussian();
                v[i] = r.nextGaussian();
                phi[i] = Math.tanh(x[i]);
                pv[i] = (1 - phi[i] * phi[i]) * v[i];
            }
            double[] f = new double[n], jv = new double[n];
            net.drift(0, x, f);
            net.jacobianTimes(0, x, v, jv);
            double[] b = emb.tonic();
            for (int i = 0; i < n; i++) {
                // The size every rounding (and FastTanh's ≤ 2.3e-16 per φ_κ) is relative to: Σ|J_iκ|(|φ_κ| + 1) + |x| + |b|.
                double scale = Math.abs(x[i]) + Math.abs(b[i]), jscale = Math.abs(v[i]);
                for (int c = 0; c < n; c++) {
                    scale += Math.abs(j[i * n + c]) * (Math.abs(phi[c]) + 1);
                    jscale += Math.abs(j[i * n + c]) * (Math.abs(pv[c]) + Math.abs(v[c]));
                }
                double ref = (dot2(j, i * n, phi, n) + b[i] - x[i]) / tau;
                double jref = (dot2(j, i * n, pv, n) - v[i]) / tau;
                assertThat(Math.abs(f[i] - ref)).as("N=%d drift %d", n, i).isLessThanOrEqualTo(1e-14 * scale / tau);
                assertThat(Math.abs(jv[i] - jref)).as("N=%d J·v %d", n, i).isLessThanOrEqualTo(1e-14 * jscale / tau);
            }
        }
    }

    @Test
    void rejectsAWronglySizedConnectivityAndAliasedOutput() {
        Embedding emb = Embedding.random(N, D, 2.0, 1);
        assertThatThrownBy(() -> new DenseRateNetwork("x", emb, new double[N * N - 1], new double[0], 0, 1, Activation.TANH,
                Standardization.identity(D), 0.01)).isInstanceOf(IllegalArgumentException.class);
        DenseRateNetwork net = new DenseRateNetwork("x", emb, new double[N * N], new double[0], 0, 1, Activation.TANH,
                Standardization.identity(D), 0.01);
        double[] x = new double[N];
        assertThatThrownBy(() -> net.drift(0, x, x)).isInstanceOf(IllegalArgumentException.class);
    }
}
