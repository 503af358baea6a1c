package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkKernelsTest {
    /** The drift written out in the definition (−x + U W tanh(x) + b)/τ with Math.tanh, for an independent check. */
    static double[] referenceDrift(RateNetwork net, double[] x) {
        int n = net.neurons(), d = net.latentDimension();
        double[] w = net.readInWeights(), u = net.embedding().u(), b = net.embedding().tonic();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i] - x[i];
            for (int k = 0; k < d; k++) {
                double a = 0;
                for (int j = 0; j < n; j++) a += w[k * n + j] * Math.tanh(x[j]);
                s += u[i * d + k] * a;
            }
            out[i] = s / net.tau();
        }
        return out;
    }

    static RateNetwork network(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-1, 1) / Math.sqrt(n);
        return new RateNetwork("k", Embedding.random(n, d, 2.0, seed), w, new double[0], 0, 0.7, Activation.TANH,
                Standardization.identity(d), 0.01);
    }

    static double[] state(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) x[j] = 3 * r.nextGaussian();
        return x;
    }

    @Test
    void driftMatchesTheDefinitionForD3AndOtherDAndOddN() {
        for (int[] nd : new int[][] {{203, 3}, {64, 3}, {97, 2}, {33, 1}, {50, 5}}) {
            RateNetwork net = network(nd[0], nd[1], 11 + nd[0]);
            double[] x = state(nd[0], 3);
            double[] out = new double[nd[0]];
            net.drift(0, x, out);
            assertThat(out).containsExactly(referenceDrift(net, x), within(1e-12));
        }
    }

    @Test
    void jacobianTimesMatchesCentralDifferencesOfTheDrift() {
        int n = 101;
        RateNetwork net = network(n, 3, 5);
        double[] x = state(n, 8), v = state(n, 9);
        double[] jv = new double[n], fp = new double[n], fm = new double[n];
        net.jacobianTimes(0, x, v, jv);
        double h = 1e-5;
        double[] xp = x.clone(), xm = x.clone();
        for (int j = 0; j < n; j++) {
            xp[j] += h * v[j];
            xm[j] -= h * v[j];
        }
        net.drift(0, xp, fp);
        net.drift(0, xm, fm);
        for (int j = 0; j < n; j++) assertThat(jv[j]).isCloseTo((fp[j] - fm[j]) / (2 * h), within(1e-7));
    }
}
