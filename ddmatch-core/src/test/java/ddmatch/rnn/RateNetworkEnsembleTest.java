package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.solve.DivergenceException;
import ddmatch.solve.Ensemble;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.SaveAt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Ensemble#finalStates} with Euler–Maruyama steps rate networks in lock step through the batch drift; the
 * result must be bit for bit the one-trajectory-at-a-time {@link Integrator} path, for any thread count.
 */
class RateNetworkEnsembleTest {
    /** d = 3 tanh network with additive noise U S dW, S = 0.5·I (m = 3). */
    private static RateNetwork noisyNetwork(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int d = 3;
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-1, 1) * 3 / Math.sqrt(n);
        double[] s = {0.5, 0, 0, 0, 0.5, 0, 0, 0, 0.5};
        return new RateNetwork("noisy", Embedding.random(n, d, 2.0, seed), w, s, 3, 0.7, Activation.TANH,
                Standardization.identity(d), 0.01);
    }

    private static double[] oneAtATime(RateNetwork net, double[] x0, double dt, long steps, int count, long seed) {
        int n = net.neurons();
        double[] out = new double[count * n];
        Integrator integrator = new Integrator(EulerMaruyama.INSTANCE);
        for (int i = 0; i < count; i++) {
            double[] x = integrator.run(net, x0, 0.0, dt, steps,
                    new GaussianIncrements(net.noiseDimension(), Ensemble.trajectorySeed(seed, i)), new SaveAt(1, false), (t, y) -> { });
            System.arraycopy(x, 0, out, i * n, n);
        }
        return out;
    }

    @Test
    void lockStepFinalStatesAreBitIdenticalToOneAtATimeForAnyThreadCount() {
        // N with a tail beyond the vector width; 37 trajectories = 2 full lock-step groups + 5 (one tile + 1)
        RateNetwork net = noisyNetwork(203, 4);
        double[] x0 = net.initialState();
        long steps = 150, seed = 77;
        int count = 37;
        double[] expected = oneAtATime(net, x0, 0.01, steps, count, seed);
        for (int threads : new int[] {1, 2, 3}) {
            double[] got = new Ensemble(threads).finalStates(net, EulerMaruyama.INSTANCE, x0, 0.0, 0.01, steps, count, seed);
            assertThat(got).hasSize(expected.length);
            for (int i = 0; i < expected.length; i++) {
                if (Double.doubleToRawLongBits(got[i]) != Double.doubleToRawLongBits(expected[i])) {
                    throw new AssertionError(threads + " threads: entry " + i + " = " + got[i] + ", one at a time " + expected[i]);
                }
            }
        }
        // the trajectories differ from each other (the noise streams are distinct) and moved away from x0
        assertThat(expected[0]).isNotEqualTo(expected[net.neurons()]);
        assertThat(expected[0]).isNotEqualTo(x0[0]);
    }

    @Test
    void aDivergingGroupThrowsTheOneAtATimeException() {
        RateNetwork net = noisyNetwork(40, 9);
        double[] x0 = net.initialState();
        double dt = 5.0;   // dt/τ ≈ 7: x_{k+1} ≈ (1 − dt/τ) x_k grows by 6× per step
        String single = null;
        try {
            oneAtATime(net, x0, dt, 200, 20, 3);
        } catch (DivergenceException e) {
            single = e.getMessage();
        }
        assertThat(single).isNotNull();
        assertThatThrownBy(() -> new Ensemble(2).finalStates(net, EulerMaruyama.INSTANCE, x0, 0.0, dt, 200, 20, 3))
                .isInstanceOf(DivergenceException.class).hasMessage(single);
    }
}
