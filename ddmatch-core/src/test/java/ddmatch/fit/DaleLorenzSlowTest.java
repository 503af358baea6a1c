package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.analysis.LargestLyapunovExponent;
import ddmatch.analysis.StateSpaceDivergence;
import ddmatch.check.EndToEndChecks;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Lorenz;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lorenz in a Dale network of N = 1000 neurons, 80% excitatory, simulated in full: λmax against Wolf et al. (1985),
 * D_stsp against the target's noise floor (an independent target run), and the distance from the manifold. The
 * thresholds are those of the unconstrained network's acceptance test; the measured values are in the assertion
 * messages and the README.
 */
class DaleLorenzSlowTest {
    static final int N = Integer.getInteger("ddmatch.daleLorenzNeurons", 1000);

    @Test
    @Tag("slow")
    void lorenzDaleNetworkAtThousandNeurons() {
        Lorenz target = new Lorenz();
        DaleMatcher.Result r = DaleMatcher.train(target, MatchConfig.defaults(N, 1), DaleMatcher.Settings.of(0.8),
                ProgressListener.NONE);
        RateNetwork net = r.network();
        // Noiseless target: the automatic latent jitter of the balance samples is exactly 0 (its runs stay on the
        // attractor the samples cover).
        assertThat(r.balanceJitter()).isZero();
        assertThat(DaleMatcherTest.signViolations(net, (int) Math.round(0.8 * N))).isZero();
        double dt = target.defaultTimeStep();
        Integrator rk4 = new Integrator(Sampler.schemeFor(target));
        double[] a = rk4.run(target, new double[] {1, -3, 20}, 0, dt, Math.round(50.0 / dt), null, new SaveAt(1, false), (t, x) -> { });
        double[] b = rk4.run(target, new double[] {-6, 4, 30}, 0, dt, Math.round(50.0 / dt), null, new SaveAt(1, false), (t, x) -> { });
        long steps = Math.round(1000.0 / dt);
        int every = 5;
        Trajectory reference = rk4.solve(target, a, 0, dt, steps, null, new SaveAt(every, false), Observable.identity(3));
        Trajectory other = rk4.solve(target, b, 0, dt, steps, null, new SaveAt(every, false), Observable.identity(3));
        double floor = StateSpaceDivergence.histogram(reference.values(), other.values(), 3);
        double[] values = new double[(int) (steps / every) * 3];
        double[] row = new double[3];
        int[] cursor = {0};
        double[] dist = {0};
        double[] z0 = new double[(int) (steps / every)];
        new Integrator(Sampler.schemeFor(net)).run(net, net.stateFor(b), 0, dt, steps, null, new SaveAt(every, false), (t, x) -> {
            net.readout(x, row);
            z0[cursor[0] / 3] = Math.abs(net.populationMean(x));
            System.arraycopy(row, 0, values, cursor[0], 3);
            cursor[0] += 3;
            dist[0] = Math.max(dist[0], net.manifoldDistance(x));
        });
        double[] z0Sorted = Arrays.copyOf(z0, cursor[0] / 3);
        Arrays.sort(z0Sorted);
        double z0Tail = z0Sorted[(int) (0.999 * z0Sorted.length)];
        double z0Max = z0Sorted[z0Sorted.length - 1];
        double stsp = StateSpaceDivergence.histogram(reference.values(), values, 3);
        double lambda = LargestLyapunovExponent.estimate(net, net.stateFor(a), dt, 50.0, 1000.0, 10).exponent();
        String measured = String.format("N = %d: training drift error %.3e, balance error %.3e, λmax %.4f (Wolf 0.906),"
                + " D_stsp %.3f vs floor %.3f, manifold distance %.3e, |z0| max %.3e, 99.9th percentile %.3e, fit %.1f s", N,
                r.trainingError(), r.balanceError(), lambda, stsp, floor, dist[0], z0Max, z0Tail, r.seconds());
        // Measured (seed 1, defaults ω = 100, σ_B = 0.5, σ_Z = 0, ADMM to its 5000-iteration cap): drift error 3.4e-2;
        // Vector API kernels (2026-12-05): λmax 0.918, D_stsp 0.313 vs floor 0.162 (1.9×), distance 8e-15, |z₀|: max
        // 0.181, 99.9th percentile 0.080; scalar kernels: λmax 0.906, D_stsp 0.295 (1.8×), max |z₀| 0.054. The max is
        // a tail statistic: z₀ leaves 0.1 for 0.07 % of the time, in short excursions, and over four starts of the same
        // network its max read 0.18, 0.15, 0.06, 0.09 while the 99.9th percentile stayed at 0.03–0.09 (README, Dale
        // networks). So "z₀ near its set point" is asserted on the 99.9th percentile (≤ 0.1), with the max bounded
        // at 0.25 to catch a runaway (a mis-set balance sends z₀ to ~940). λmax and D_stsp: the criteria of the
        // unconstrained acceptance test (±5%, ≤ 2× floor).
        assertThat(dist[0]).as(measured).isLessThanOrEqualTo(0.1);
        assertThat(z0Tail).as(measured).isLessThanOrEqualTo(0.1);
        assertThat(z0Max).as(measured).isLessThanOrEqualTo(0.25);
        assertThat(lambda).as(measured).isBetween(0.95 * EndToEndChecks.LORENZ_LAMBDA_MAX, 1.05 * EndToEndChecks.LORENZ_LAMBDA_MAX);
        assertThat(stsp).as(measured).isLessThanOrEqualTo(2.0 * floor);
    }
}
