package ddmatch.examples;

import ddmatch.analysis.IncrementCovariance;
import ddmatch.analysis.StateSpaceDivergence;
import ddmatch.analysis.lyapunov.LyapunovSpectrum;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.AdditiveNoiseSystem;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.Arrays;
import java.util.Map;

/**
 * Using ddmatch from Java (README, "Using ddmatch from Java"): a system of one's own, trained, simulated in full and
 * compared with its target; then a catalog system's Lyapunov spectra. Run it with
 * {@code ./mvnw -q -pl ddmatch-core test -Dtest=OwnSystemExampleTest}, or call {@link #main}; the test asserts the
 * numbers it prints.
 */
public final class OwnSystemExample {

    /**
     * A noisy Duffing oscillator, {@code ẋ = v, v̇ = −γv + x − x³}, with additive noise {@code g·I}: the drift and
     * its Jacobian (for the Lyapunov exponents) are all a system of one's own needs; {@link AdditiveNoiseSystem} supplies
     * the rest.
     */
    static final class NoisyDuffing extends AdditiveNoiseSystem {
        private final double gamma;

        NoisyDuffing(double gamma, double noise) {
            super("noisy-duffing", 2, noise, new double[] {1.0, 0.0}, 0.01);
            this.gamma = gamma;
        }

        @Override
        public void drift(double t, double[] z, double[] out) {
            out[0] = z[1];
            out[1] = -gamma * z[1] + z[0] - z[0] * z[0] * z[0];
        }

        @Override
        public void jacobian(double t, double[] z, double[] out) {
            out[0] = 0;                       out[1] = 1;
            out[2] = 1 - 3 * z[0] * z[0];     out[3] = -gamma;
        }
    }

    /** What the example measures. */
    record Numbers(double trainingError, double stsp, double stspFloor, double[] networkDiffusion, double[] targetDiffusion,
                   double[] networkExponents, double[] targetExponents) {}

    static Numbers run() {
        // 1. Train: N = 300 neurons carry the 2-D Duffing SDE, drift and diffusion (closed form, λ by GCV).
        Sde duffing = new NoisyDuffing(0.3, 0.4);
        TrainingResult tr = DriftMatcher.train(duffing, MatchConfig.defaults(300, 1), ProgressListener.NONE);
        RateNetwork net = tr.network();

        // 2. Simulate the full network (all 300 neurons), recording its d-dimensional readout, and the target twice
        //    (an independent target run gives the noise floor of the comparison).
        double dt = duffing.defaultTimeStep();
        long steps = 200_000;
        Integrator em = new Integrator(EulerMaruyama.INSTANCE);
        Trajectory network = em.solve(net, net.stateFor(duffing.initialState()), 0, dt, steps,
                new GaussianIncrements(net.noiseDimension(), 2), new SaveAt(10, false), net.readoutObservable());
        Trajectory target = em.solve(duffing, duffing.initialState(), 0, dt, steps,
                new GaussianIncrements(duffing.noiseDimension(), 3), new SaveAt(10, false), Observable.identity(2));
        Trajectory other = em.solve(duffing, duffing.initialState(), 0, dt, steps,
                new GaussianIncrements(duffing.noiseDimension(), 4), new SaveAt(10, false), Observable.identity(2));

        // 3. Compare: state-space divergence (histogram KL) against the floor, and the readout's diffusion G Gᵀ.
        double stsp = StateSpaceDivergence.histogram(target.values(), network.values(), 2);
        double floor = StateSpaceDivergence.histogram(target.values(), other.values(), 2);
        Trajectory fine = em.solve(net, net.stateFor(duffing.initialState()), 0, dt, 50_000,
                new GaussianIncrements(net.noiseDimension(), 5), SaveAt.everyStep(), net.readoutObservable());
        double[] diffusion = IncrementCovariance.ofResiduals(fine.values(), 2, dt, (z, f) -> duffing.drift(0, z, f));

        // 4. A catalog system: Lorenz at N = 300; the full network's leading exponents against the target's.
        Sde lorenz = SystemCatalog.create("lorenz", Map.of());
        RateNetwork lorenzNet = DriftMatcher.train(lorenz, MatchConfig.defaults(300, 1), ProgressListener.NONE).network();
        LyapunovSpectrum.Config lc = LyapunovSpectrum.Config.of(0.01, 300);
        double[] netExponents = LyapunovSpectrum.of(lorenzNet, lorenzNet.stateFor(lorenz.initialState()), 3, lc).exponents();
        double[] targetExponents = LyapunovSpectrum.of(lorenz, lorenz.initialState(), 3, lc).exponents();
        return new Numbers(tr.trainingError(), stsp, floor, diffusion, new double[] {0, 0, 0, 0.16},
                netExponents, targetExponents);
    }

    public static void main(String[] args) {
        Numbers n = run();
        System.out.printf("Duffing, N = 300: training drift error %.2e%n", n.trainingError());
        System.out.printf("  D_stsp network %.3f, target vs target %.3f%n", n.stsp(), n.stspFloor());
        System.out.printf("  G Gᵀ of the readout %s, of the target %s%n", Arrays.toString(n.networkDiffusion()),
                Arrays.toString(n.targetDiffusion()));
        System.out.printf("Lorenz, N = 300: exponents of the full network %s, of the target %s%n",
                Arrays.toString(n.networkExponents()), Arrays.toString(n.targetExponents()));
    }
}
