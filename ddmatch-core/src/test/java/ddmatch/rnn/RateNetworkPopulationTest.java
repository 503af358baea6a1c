package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A network with a population mode, {@code J = U W + 1 w₀ᵀ}: drift, Jacobian products and ensemble kernels against
 * the dense formula {@code (1/τ)(−x + J φ(x) + b)}, the readout blind to the population mean, and the manifold
 * distance measured from {@code x = U z̃ + z₀ 1 + b}.
 */
class RateNetworkPopulationTest {
    static final int N = 40, D = 2;

    /** U with columns of norm √N orthogonal to each other and to 1; b orthogonal to all of them. */
    static RateNetwork network(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[N * D];
        for (int j = 0; j < N; j++) {
            double a = 2 * Math.PI * j / N;
            u[j * D] = Math.sqrt(2) * Math.cos(a);
            u[j * D + 1] = Math.sqrt(2) * Math.sin(a);
        }
        double[] b = new double[N];
        for (int j = 0; j < N; j++) b[j] = r.nextGaussian();
        double mean = 0;
        for (double v : b) mean += v / N;
        for (int j = 0; j < N; j++) b[j] -= mean;
        for (int k = 0; k < D; k++) {
            double dot = 0;
            for (int j = 0; j < N; j++) dot += u[j * D + k] * b[j] / N;
            for (int j = 0; j < N; j++) b[j] -= dot * u[j * D + k];
        }
        double[] w = new double[D * N];
        double[] w0 = new double[N];
        for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian();
        for (int i = 0; i < N; i++) w0[i] = r.nextGaussian();
        return new RateNetwork("pop", new Embedding(N, D, u, b), w, w0, new double[D], null, 1, 0.7, Activation.TANH,
                Standardization.identity(D), 0.01, new double[0], List.of(), List.of());
    }

    static double[] denseDrift(RateNetwork net, double[] x) {
        double[] u = net.embedding().u();
        double[] b = net.embedding().tonic();
        double[] w = net.readInWeights();
        double[] w0 = net.populationWeights();
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            double s = 0;
            for (int j = 0; j < N; j++) {
                double jij = w0[j];
                for (int k = 0; k < D; k++) jij += u[i * D + k] * w[k * N + j];
                s += jij * Math.tanh(x[j]);
            }
            out[i] = (-x[i] + s + b[i]) / net.tau();
        }
        return out;
    }

    @Test
    void driftJacobianAndEnsembleMatchTheDenseFormula() {
        RateNetwork net = network(3);
        SplittableRandom r = new SplittableRandom(4);
        double[] x = new double[N];
        double[] v = new double[N];
        for (int j = 0; j < N; j++) {
            x[j] = 1.5 * r.nextGaussian();
            v[j] = r.nextGaussian();
        }
        double[] f = new double[N];
        net.drift(0, x, f);
        double[] ref = denseDrift(net, x);
        for (int j = 0; j < N; j++) assertThat(f[j]).isCloseTo(ref[j], within(1e-12));
        // Jacobian product against a central difference of the dense drift (O(h²) ≈ 1e-10).
        double h = 1e-5;
        double[] xp = x.clone(), xm = x.clone();
        for (int j = 0; j < N; j++) {
            xp[j] += h * v[j];
            xm[j] -= h * v[j];
        }
        double[] fp = denseDrift(net, xp), fm = denseDrift(net, xm);
        double[] jv = new double[N];
        net.jacobianTimes(0, x, v, jv);
        for (int j = 0; j < N; j++) assertThat(jv[j]).isCloseTo((fp[j] - fm[j]) / (2 * h), within(1e-8));
        // Batch kernel of two identical states (the population mode is its extra column of U).
        double[] xs = new double[2 * N];
        System.arraycopy(x, 0, xs, 0, N);
        System.arraycopy(x, 0, xs, N, N);
        double[] fs = new double[2 * N];
        NetworkKernels.of(net).driftBatch(xs, 2, fs);
        for (int j = 0; j < N; j++) assertThat(fs[N + j]).isCloseTo(ref[j], within(1e-12));
    }

    @Test
    void readoutIgnoresThePopulationMeanAndTheDistanceIsFromTheExtendedSet() {
        RateNetwork net = network(5);
        double[] z = {0.4, -0.3};
        double[] x = net.stateFor(z);
        for (int j = 0; j < N; j++) x[j] += 0.7;         // z₀ = 0.7, still on x = U z̃ + z₀1 + b
        double[] out = new double[D];
        net.readout(x, out);
        assertThat(out[0]).isCloseTo(0.4, within(1e-12));
        assertThat(out[1]).isCloseTo(-0.3, within(1e-12));
        assertThat(net.populationMean(x)).isCloseTo(0.7, within(1e-12));
        assertThat(net.manifoldDistance(x)).isLessThan(1e-12);
        x[0] += Math.sqrt(N);                             // a transverse kick of norm √N: distance ≈ 1 minus its projections
        assertThat(net.manifoldDistance(x)).isGreaterThan(0.5);
    }

    @Test
    void anEmbeddingNotOrthogonalToTheUniformDirectionIsRefused() {
        RateNetwork ok = network(1);
        double[] u = ok.embedding().u();
        for (int j = 0; j < N; j++) u[j * D] = 1.0;       // column 0 = 1
        Embedding bad = new Embedding(N, D, u, ok.embedding().tonic());
        assertThatThrownBy(() -> new RateNetwork("bad", bad, ok.readInWeights(), ok.populationWeights(), new double[D], null, 1,
                0.7, Activation.TANH, Standardization.identity(D), 0.01, new double[0], List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
