package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RateNetworkTest {
    static final int N = 40, D = 3, M = 2;

    static RateNetwork network(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Embedding emb = Embedding.random(N, D, 2.0, seed);
        double[] w = new double[D * N];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-0.3, 0.3);
        double[] s = {0.5, 0.1, -0.2, 0.3, 0.0, 0.7};
        Standardization st = new Standardization(new double[] {1, -2, 3}, new double[] {2, 0.5, 4});
        return new RateNetwork("test", emb, w, s, M, 0.7, Activation.TANH, st, 0.01);
    }

    @Test
    void embeddingHasOrthogonalColumnsOfNormRootNAndTonicInputOutsideTheirSpan() {
        Embedding e = Embedding.random(N, D, 2.0, 5);
        double[] u = e.u();
        for (int a = 0; a < D; a++) {
            for (int c = 0; c < D; c++) {
                double dot = 0;
                for (int j = 0; j < N; j++) dot += u[j * D + a] * u[j * D + c];
                assertThat(dot / N).isCloseTo(a == c ? 1.0 : 0.0, within(1e-12));
            }
            double db = 0;
            for (int j = 0; j < N; j++) db += u[j * D + a] * e.tonic()[j];
            assertThat(db).isCloseTo(0.0, within(1e-10));
        }
        double[] zt = {0.3, -1.2, 2.0};
        double[] x = new double[N];
        double[] back = new double[D];
        e.embed(zt, x);
        e.project(x, back);
        assertThat(back).containsExactly(zt, within(1e-12));
    }

    @Test
    void driftEqualsTheDenseFormulaWithJEqualsUW() {
        RateNetwork net = network(3);
        double[] u = net.embedding().u();
        double[] w = net.readInWeights();
        double[] b = net.embedding().tonic();
        SplittableRandom r = new SplittableRandom(9);
        double[] x = new double[N];
        for (int j = 0; j < N; j++) x[j] = r.nextDouble(-3, 3);
        double[] out = new double[N];
        net.drift(0, x, out);
        for (int i = 0; i < N; i++) {
            double s = -x[i] + b[i];
            for (int j = 0; j < N; j++) {
                double jij = 0;
                for (int k = 0; k < D; k++) jij += u[i * D + k] * w[k * N + j];
                s += jij * Math.tanh(x[j]);
            }
            assertThat(out[i]).isCloseTo(s / 0.7, within(1e-12));
        }
    }

    @Test
    void jacobianTimesMatchesCentralDifferences() {
        RateNetwork net = network(4);
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[N], v = new double[N];
        for (int j = 0; j < N; j++) { x[j] = r.nextDouble(-2, 2); v[j] = r.nextDouble(-1, 1); }
        double[] jv = new double[N];
        net.jacobianTimes(0, x, v, jv);
        double h = 1e-6;
        double[] xp = new double[N], xm = new double[N], fp = new double[N], fm = new double[N];
        for (int j = 0; j < N; j++) { xp[j] = x[j] + h * v[j]; xm[j] = x[j] - h * v[j]; }
        net.drift(0, xp, fp);
        net.drift(0, xm, fm);
        for (int j = 0; j < N; j++) {
            assertThat(jv[j]).isCloseTo((fp[j] - fm[j]) / (2 * h), within(1e-6));
        }
    }

    @Test
    void noiseEntersThroughTheEmbeddingSoTheReadoutReceivesS() {
        RateNetwork net = network(5);
        double[] sigma = new double[N * M];
        net.diffusion(0, net.initialState(), sigma);
        double[] u = net.embedding().u();
        // P Σ = Uᵀ U S / N = S.
        for (int k = 0; k < D; k++) {
            for (int q = 0; q < M; q++) {
                double ps = 0;
                for (int j = 0; j < N; j++) ps += u[j * D + k] * sigma[j * M + q];
                assertThat(ps / N).isCloseTo(net.noiseGain()[k * M + q], within(1e-12));
            }
        }
    }

    @Test
    void manifoldIsInvariantTheTransverseDriftVanishesOnIt() {
        RateNetwork net = network(6);
        double[] x = net.stateFor(new double[] {1.5, -1.0, 5.0});
        assertThat(net.manifoldDistance(x)).isLessThan(1e-12);
        double[] f = new double[N];
        net.drift(0, x, f);
        // The drift at a manifold point lies in span(U): (I − U P) f = 0.
        double[] pf = new double[D];
        double[] u = net.embedding().u();
        for (int j = 0; j < N; j++) for (int k = 0; k < D; k++) pf[k] += u[j * D + k] * f[j] / N;
        for (int j = 0; j < N; j++) {
            double r = f[j];
            for (int k = 0; k < D; k++) r -= u[j * D + k] * pf[k];
            assertThat(r).isCloseTo(0.0, within(1e-10));
        }
        double[] z = new double[D];
        net.readout(x, z);
        assertThat(z).containsExactly(new double[] {1.5, -1.0, 5.0}, within(1e-12));
    }

    @Test
    void badParametersAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> Embedding.random(2, 3, 2.0, 1)).hasMessageContaining("N = 2").hasMessageContaining("≥ d = 3");
        Embedding e = Embedding.random(N, D, 2.0, 1);
        double[] w = new double[D * N];
        w[5] = Double.NaN;
        assertThatThrownBy(() -> new RateNetwork("x", e, w, new double[0], 0, 1.0, Activation.TANH, Standardization.identity(D), 0.01))
                .hasMessageContaining("W[5] = NaN");
        assertThatThrownBy(() -> new RateNetwork("x", e, new double[D * N], new double[0], 0, -1.0, Activation.TANH,
                Standardization.identity(D), 0.01)).hasMessageContaining("tau = -1.0");
    }

    @Test
    void fastTanhAgreesWithMathTanh() {
        for (double x = -20; x <= 20; x += 0.001) {
            // FastTanh's documented bound is 1e-15 (argument halving + 6 doublings); it was 4e-16 for the exp form.
            assertThat(Activation.TANH.value(x)).isCloseTo(Math.tanh(x), within(1e-15));
            assertThat(Activation.TANH.derivative(x)).isCloseTo(1 - Math.tanh(x) * Math.tanh(x), within(1e-15));
        }
    }
}
