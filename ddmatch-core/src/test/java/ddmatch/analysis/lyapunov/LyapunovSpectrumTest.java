package ddmatch.analysis.lyapunov;

import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.rnn.Activation;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.sde.Lorenz;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.StandardNormal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LyapunovSpectrumTest {

    /** Rössler (1976) system, {@code ẋ = −y − z, ẏ = x + a y, ż = b + z (x − c)}, a = b = 0.2, c = 5.7. */
    static class Rossler implements Sde {
        final double a = 0.2, b = 0.2, c = 5.7;

        @Override public int dimension() { return 3; }
        @Override public int noiseDimension() { return 0; }
        @Override public void drift(double t, double[] z, double[] out) {
            out[0] = -z[1] - z[2];
            out[1] = z[0] + a * z[1];
            out[2] = b + z[2] * (z[0] - c);
        }
        @Override public void diffusion(double t, double[] z, double[] out) {}
        @Override public NoiseType noiseType() { return NoiseType.NONE; }
        @Override public String name() { return "rossler"; }
        @Override public double[] initialState() { return new double[] {1.0, 1.0, 0.0}; }
        @Override public double defaultTimeStep() { return 0.01; }
        @Override public boolean hasJacobian() { return true; }
        @Override public void jacobian(double t, double[] z, double[] out) {
            out[0] = 0; out[1] = -1; out[2] = -1;
            out[3] = 1; out[4] = a; out[5] = 0;
            out[6] = z[2]; out[7] = 0; out[8] = z[0] - c;
        }
    }

    /** {@code ż = A z} with a constant matrix. */
    static final class Linear implements Sde {
        final double[] a;
        final int n;

        Linear(double[] a, int n) { this.a = a; this.n = n; }

        @Override public int dimension() { return n; }
        @Override public int noiseDimension() { return 0; }
        @Override public void drift(double t, double[] z, double[] out) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += a[i * n + j] * z[j];
                out[i] = s;
            }
        }
        @Override public void diffusion(double t, double[] z, double[] out) {}
        @Override public NoiseType noiseType() { return NoiseType.NONE; }
        @Override public String name() { return "linear"; }
        @Override public double[] initialState() { return new double[n]; }
        @Override public double defaultTimeStep() { return 0.01; }
        @Override public boolean hasJacobian() { return true; }
        @Override public void jacobian(double t, double[] z, double[] out) { System.arraycopy(a, 0, out, 0, n * n); }
    }

    @Test
    void lorenzSpectrumMatchesWolfEtAlAndSumIsTheDivergence() {
        Lorenz lorenz = new Lorenz();
        LyapunovSpectrum.Config cfg = new LyapunovSpectrum.Config(0.005, 20.0, 1000.0, 1, 10, 3L);
        LyapunovSpectrum.Result r = LyapunovSpectrum.of(lorenz, lorenz.initialState(), 3, cfg);
        // Wolf, Swift, Swinney & Vastano (1985): (0.906, 0, −14.57).
        assertThat(r.exponent(0)).isCloseTo(0.906, within(0.05));
        assertThat(r.exponent(1)).isCloseTo(0.0, within(0.05));
        assertThat(r.exponent(2)).isCloseTo(-14.57, within(0.05));
        // Liouville: the sum is the time-averaged divergence, the constant −(σ + 1 + β).
        assertThat(r.sum()).isCloseTo(-(10.0 + 1.0 + 8.0 / 3.0), within(1e-3));
        // Kaplan–Yorke: 2 + λ1/|λ3| ≈ 2.062.
        // The QR estimates of the near-degenerate transverse exponents need not come out in decreasing order, so the
        // expected value uses the sorted spectrum.
        double[] sorted = r.exponents().clone();
        java.util.Arrays.sort(sorted);
        double third = sorted[sorted.length - 3];
        assertThat(r.kaplanYorkeDimension()).isCloseTo(2.0 + (r.exponent(0) + r.exponent(1)) / -third, within(1e-12));
        assertThat(r.kaplanYorkeDimension()).isCloseTo(2.062, within(0.005));
        assertThat(r.blocks()).isEqualTo(10);
        assertThat(r.runningEstimates()[9 * 3]).isCloseTo(r.exponent(0), within(1e-12));
        assertThat(r.standardErrors()[0]).isLessThan(0.03);
        // the dense-Jacobian path costs n²k multiply-adds per product, 4 products per RK4 step
        assertThat(r.tangentMultiplyAddsPerStep()).isEqualTo(4.0 * 27);
    }

    @Test
    void rosslerLargestExponent() {
        Rossler ross = new Rossler();
        LyapunovSpectrum.Config cfg = new LyapunovSpectrum.Config(0.01, 200.0, 5000.0, 5, 10, 1L);
        LyapunovSpectrum.Result r = LyapunovSpectrum.of(ross, ross.initialState(), 3, cfg);
        // Wolf et al. (1985): λ1 = 0.071 for a = b = 0.2, c = 5.7 (base e).
        assertThat(r.exponent(0)).isCloseTo(0.071, within(0.01));
        assertThat(r.exponent(1)).isCloseTo(0.0, within(0.01));
    }

    @Test
    void linearSystemGivesRealPartsOfEigenvalues() {
        // Block upper-triangular: a rotation-damping block with eigenvalues −0.5 ± 2i, and 0.3 and −2 (non-normal coupling).
        double[] a = {
            -0.5, 2.0, 1.0, 0.5,
            -2.0, -0.5, 0.0, 1.0,
            0.0, 0.0, 0.3, 3.0,
            0.0, 0.0, 0.0, -2.0};
        Linear lin = new Linear(a, 4);
        LyapunovSpectrum.Config cfg = new LyapunovSpectrum.Config(0.01, 10.0, 200.0, 10, 10, 5L);
        LyapunovSpectrum.Result r = LyapunovSpectrum.of(lin, new double[] {1, 0, 1, 1}, 4, cfg);
        assertThat(r.exponents()).containsExactly(new double[] {0.3, -0.5, -0.5, -2.0}, within(0.02));
        // exact Liouville identity: the sum equals tr A = −2.7 up to the RK4 error
        assertThat(r.sum()).isCloseTo(-2.7, within(1e-6));
        assertThat(r.kaplanYorkeDimension()).isCloseTo(1.0 + 0.3 / 0.5, within(0.05));
    }

    @Test
    void workspaceIsReusableAndGivesIdenticalResultsForTheSameInitialCondition() {
        Lorenz lorenz = new Lorenz();
        LyapunovSpectrum.Workspace w = new LyapunovSpectrum.Workspace(lorenz, 2);
        LyapunovSpectrum.Config cfg = LyapunovSpectrum.Config.of(0.01, 50.0);
        LyapunovSpectrum.Result first = LyapunovSpectrum.of(w, lorenz.initialState(), cfg);
        LyapunovSpectrum.of(w, new double[] {1, 2, 3}, cfg);
        LyapunovSpectrum.Result again = LyapunovSpectrum.of(w, lorenz.initialState(), cfg);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void kaplanYorkeDefinition() {
        assertThat(LyapunovSpectrum.kaplanYorke(new double[] {-0.1, -1})).isZero();
        assertThat(LyapunovSpectrum.kaplanYorke(new double[] {0.5, 0, -1})).isCloseTo(2.5, within(1e-15));
        assertThat(LyapunovSpectrum.kaplanYorke(new double[] {-2, 1, 0})).isCloseTo(2.5, within(1e-15));
        assertThat(LyapunovSpectrum.kaplanYorke(new double[] {0.1, 0})).isNaN();
    }

    @Test
    void rejectsSystemsWithoutTangentDynamicsAndBadConfig() {
        Rossler noJac = new Rossler() {
            @Override public boolean hasJacobian() { return false; }
        };
        assertThatThrownBy(() -> new LyapunovSpectrum.Workspace(noJac, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LyapunovSpectrum.Workspace(new Lorenz(), 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LyapunovSpectrum.Config(0.0, 0, 1, 1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LyapunovSpectrum.Config(0.1, 0, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A random (untrained) tanh network with J = U W. */
    private static RateNetwork randomNetwork(int n, int d, double tau, long seed) {
        Embedding e = Embedding.random(n, d, 2.0, seed);
        double[] w = new double[d * n];
        StandardNormal g = new StandardNormal(seed + 1);
        for (int i = 0; i < w.length; i++) w[i] = g.next() / n;
        return new RateNetwork("net", e, w, new double[0], 0, tau, Activation.TANH, Standardization.identity(d), 0.01);
    }

    @Test
    void networkTangentStepCostsTwoNdkMultiplyAddsPerProductCounted() {
        int[] ns = {50, 100, 200};
        int[] ds = {1, 3};
        int[] ks = {1, 4, 7};
        LyapunovSpectrum.Config cfg = new LyapunovSpectrum.Config(0.01, 0.0, 0.1, 1, 2, 1L);
        for (int n : ns) {
            for (int d : ds) {
                for (int k : ks) {
                    RateNetwork net = randomNetwork(n, d, 1.0, 11);
                    LyapunovSpectrum.Workspace w = new LyapunovSpectrum.Workspace(net, k);
                    assertThat(w.usesNetworkFastPath()).isTrue();
                    LyapunovSpectrum.Result r = LyapunovSpectrum.of(w, net.initialState(), cfg);
                    // 4 RK4 stages × (pass 1: N·d·k + pass 2: N·d·k): linear in N, d and k, never N²k.
                    assertThat(r.tangentMultiplyAddsPerStep()).isEqualTo(4.0 * 2 * n * d * k);
                }
            }
        }
    }

    @Test
    void networkFastPathAgreesWithJacobianTimesColumnByColumn() {
        RateNetwork net = randomNetwork(60, 3, 0.7, 5);
        int k = 5;
        LyapunovSpectrum.Workspace w = new LyapunovSpectrum.Workspace(net, k);
        StandardNormal g = new StandardNormal(9);
        double[] x = new double[60], v = new double[60 * k], out = new double[60 * k];
        g.fill(x, 0, x.length);
        g.fill(v, 0, v.length);
        w.tangentProduct(0.0, x, v, out);
        double[] col = new double[60], ref = new double[60];
        for (int c = 0; c < k; c++) {   // the frame is column-major: vector c at v[c·n, (c+1)·n)
            System.arraycopy(v, c * 60, col, 0, 60);
            net.jacobianTimes(0.0, x, col, ref);
            for (int i = 0; i < 60; i++) assertThat(out[c * 60 + i]).isCloseTo(ref[i], within(1e-12));
        }
    }

    @Test
    void linearNetworkSpectrumIsLatentRatesAndMinusOneOverTau() {
        // φ linear and W = (I + τB) Uᵀ/N: J = (−I + U W)/τ has the latent block B on span(U) and −1/τ on its
        // complement, so the spectrum is {0.4, −0.3} ∪ {−1/τ = −2}.
        int n = 80, d = 2;
        double tau = 0.5;
        Embedding e = Embedding.random(n, d, 2.0, 3);
        double[] u = e.u();
        double[] m = {1.0 + tau * 0.4, tau * 1.0, 0.0, 1.0 - tau * 0.3}; // I + τB, B = [[0.4, 1], [0, −0.3]]
        double[] w = new double[d * n];
        for (int r = 0; r < d; r++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) s += m[r * d + c] * u[j * d + c];
                w[r * n + j] = s / n;
            }
        }
        RateNetwork net = new RateNetwork("linear-net", e, w, new double[0], 0, tau, Activation.LINEAR,
                Standardization.identity(d), 0.01);
        LyapunovSpectrum.Result r = LyapunovSpectrum.of(net, net.initialState(), 5,
                new LyapunovSpectrum.Config(0.01, 10.0, 50.0, 5, 5, 2L));
        assertThat(r.exponent(0)).isCloseTo(0.4, within(0.01));
        assertThat(r.exponent(1)).isCloseTo(-0.3, within(0.01));
        for (int i = 2; i < 5; i++) assertThat(r.exponent(i)).isCloseTo(-1.0 / tau, within(1e-3));
    }

    @Test
    @Tag("slow") // ~6 s alone (training + 50 000 RK4 steps of the 300-neuron network); 20+ s in a loaded full suite
    void trainedLorenzNetworkCarriesLorenzExponentsAndTransverseMinusOneOverTau() {
        Lorenz lorenz = new Lorenz();
        RateNetwork net = DriftMatcher.train(lorenz, MatchConfig.defaults(300, 1), ProgressListener.NONE).network();
        int k = 6;
        LyapunovSpectrum.Config cfg = new LyapunovSpectrum.Config(0.01, 20.0, 500.0, 5, 10, 1L);
        LyapunovSpectrum.Result r = LyapunovSpectrum.of(net, net.stateFor(lorenz.initialState()), k, cfg);
        // Full 300-dimensional network: latent exponents (0.906, 0, −14.57) ∪ {−1/τ} × 297, sorted.
        assertThat(r.exponent(0)).isCloseTo(0.906, within(0.1));
        assertThat(r.exponent(1)).isCloseTo(0.0, within(0.05));
        // Transverse exponents are exactly −1/τ; the finite-time estimates fluctuate through the coupling of the
        // transverse directions into the latent ones (measured at T = 500: −0.9979, −1.0018, −1.00001, −0.99999,
        // block standard errors 0.004–0.001).
        for (int i = 2; i < k; i++) {
            assertThat(r.exponent(i)).isCloseTo(-1.0, within(Math.max(0.005, 4 * r.standardErrors()[i])));
        }
        // The network's own Kaplan–Yorke dimension is 2 + λ1/|−1/τ| (its contraction is the slower −1/τ, not −14.57).
        // The QR estimates of the near-degenerate transverse exponents need not come out in decreasing order, so the
        // expected value uses the sorted spectrum.
        double[] sorted = r.exponents().clone();
        java.util.Arrays.sort(sorted);
        double third = sorted[sorted.length - 3];
        assertThat(r.kaplanYorkeDimension()).isCloseTo(2.0 + (r.exponent(0) + r.exponent(1)) / -third, within(1e-12));
    }
}
