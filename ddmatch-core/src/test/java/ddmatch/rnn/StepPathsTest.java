package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.Stepper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The restructured hot paths of a recorded simulation give the same bits as the straightforward loops they replaced:
 * Euler–Maruyama's column-wise additive-noise update and the d = 3 readout projection.
 */
class StepPathsTest {
    @Test
    void additiveEulerMaruyamaStepEqualsTheRowLoopBitForBit() {
        int n = 203, d = 3, m = 3;
        SplittableRandom r = new SplittableRandom(4);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-1, 1) / Math.sqrt(n);
        double[] s = {0.5, 0.1, 0.0, -0.2, 0.7, 0.05, 0.0, 0.3, 0.9};
        RateNetwork net = new RateNetwork("p", Embedding.random(n, d, 2.0, 4), w, s, m, 0.7, Activation.TANH,
                Standardization.identity(d), 0.01);
        double[] x = NetworkKernelsTest.state(n, 5), expected = x.clone();
        Stepper stepper = EulerMaruyama.INSTANCE.stepper(net);
        double[] f = new double[n], g = new double[n * m];
        net.diffusion(0, x, g);
        double dt = 0.01;
        for (int step = 0; step < 5; step++) {
            double[] dW = {r.nextGaussian() * 0.1, r.nextGaussian() * 0.1, r.nextGaussian() * 0.1};
            net.drift(0, expected, f);
            for (int i = 0; i < n; i++) {
                double xi = expected[i] + f[i] * dt;
                for (int k = 0; k < m; k++) xi += g[i * m + k] * dW[k];
                expected[i] = xi;
            }
            stepper.step(0, dt, x, dW);
            assertThat(x).containsExactly(expected);
        }
    }

    @Test
    void projectionForD3EqualsTheGeneralLoopBitForBit() {
        int n = 301;
        Embedding e = Embedding.random(n, 3, 2.0, 9);
        double[] x = NetworkKernelsTest.state(n, 6), u = e.u(), b = e.tonic();
        double[] expected = new double[3];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < 3; k++) expected[k] += u[j * 3 + k] * (x[j] - b[j]);
        }
        for (int k = 0; k < 3; k++) expected[k] *= 1.0 / n;
        double[] z = new double[3];
        e.project(x, z);
        assertThat(z).containsExactly(expected);
    }
}
