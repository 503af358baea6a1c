package ddmatch.check;

import ddmatch.analysis.DriftError;
import ddmatch.analysis.EntropyProduction;
import ddmatch.analysis.IncrementCovariance;
import ddmatch.analysis.LargestLyapunovExponent;
import ddmatch.analysis.ResidenceTimes;
import ddmatch.analysis.ReturnMap;
import ddmatch.analysis.StateSpaceDivergence;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.Sampler;
import ddmatch.fit.SamplingConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.sde.DoubleWell;
import ddmatch.sde.Lorenz;
import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import ddmatch.sde.Sde;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The end-to-end checks of the three reference systems. Each method trains a network, simulates the full network and
 * the target, and returns every comparison as a {@link Check}; sizes and run lengths are parameters so that the demo
 * runs them small and the acceptance tests at the sizes the issue fixes.
 */
public final class EndToEndChecks {
    /** Largest Lyapunov exponent of Lorenz (σ = 10, ρ = 28, β = 8/3): Wolf, Swift, Swinney and Vastano, Physica D 16, 285 (1985). */
    public static final double LORENZ_LAMBDA_MAX = 0.906;

    private EndToEndChecks() {}

    /** Sizes and run lengths of the Lorenz checks. */
    public record LorenzPlan(int neurons, long seed, double lyapunovTime, double divergenceTime, int startPoints) {
        public LorenzPlan {
            if (startPoints < 1 || !(lyapunovTime > 0) || !(divergenceTime > 0)) {
                throw new IllegalArgumentException("LorenzPlan needs startPoints ≥ 1 and positive times");
            }
        }
    }

    /**
     * Deterministic Lorenz: held-out drift error ≤ 2e-3, λmax of the full network within ±{@code lyapunovTolerance} of
     * 0.906, D_stsp (network vs a reference target run) ≤ 2× the noise floor (target vs target), averaged over
     * {@code startPoints} start points, and the distance from the manifold along the runs.
     */
    public static SystemReport lorenz(LorenzPlan plan, double lyapunovTolerance, ProgressListener progress) {
        long start = System.nanoTime();
        Lorenz target = new Lorenz();
        TrainingResult tr = DriftMatcher.train(target, MatchConfig.defaults(plan.neurons(), plan.seed()), progress);
        return lorenz(plan, lyapunovTolerance, tr, start);
    }

    /**
     * The Lorenz checks of {@link #lorenz(LorenzPlan, double, ProgressListener)} for a network trained elsewhere (e.g.
     * by {@link AutoTuner}); {@code plan.neurons()} is ignored.
     */
    public static SystemReport lorenz(LorenzPlan plan, double lyapunovTolerance, TrainingResult tr) {
        return lorenz(plan, lyapunovTolerance, tr, System.nanoTime());
    }

    /** Names of the series holding the successive maxima of z (a run of the return map, one value per maximum). */
    public static final String Z_MAXIMA_TARGET = "z maxima (target)";
    public static final String Z_MAXIMA_NETWORK = "z maxima (network)";

    /** A sequence of maxima as a one-dimensional run of the return map, "time" being the maximum's index. */
    private static Trajectory maxima(double[] m) {
        return new Trajectory(0, 1, 1, m.clone());
    }

    private static SystemReport lorenz(LorenzPlan plan, double lyapunovTolerance, TrainingResult tr, long start) {
        Lorenz target = new Lorenz();
        RateNetwork net = tr.network();
        DriftError.Result drift = heldOut(tr, target, plan.seed());
        List<Check> checks = new ArrayList<>();
        checks.add(Check.atMost("drift error (mean)", drift.mean(), 2e-3, "threshold", 1.0));

        double dt = target.defaultTimeStep();
        LargestLyapunovExponent.Result lyap = LargestLyapunovExponent.estimate(net, net.stateFor(target.initialState()), dt,
                50.0, plan.lyapunovTime(), 10);
        checks.add(Check.relative("λmax", lyap.exponent(), LORENZ_LAMBDA_MAX, "Wolf et al. 1985", lyapunovTolerance));

        // D_stsp: one long reference run of the target; independent target runs give the noise floor, network runs
        // from the same start points as those give the value. Start points must be independent of the reference: a
        // point taken from the reference's own orbit would make the "independent" run a time shift of it and the floor
        // artificially small. Each start is a random point relaxed onto the attractor for 50 time units.
        int every = 5;
        long steps = Math.round(plan.divergenceTime() / dt);
        Integrator rk4 = new Integrator(Sampler.schemeFor(target));
        double[][] starts = new double[plan.startPoints() + 1][];
        SplittableRandom pick = new SplittableRandom(plan.seed() ^ 0x7F4A7C15L);
        for (int i = 0; i < starts.length; i++) {
            double[] random = {pick.nextDouble(-10, 10), pick.nextDouble(-10, 10), pick.nextDouble(10, 40)};
            starts[i] = rk4.run(target, random, 0, dt, Math.round(50.0 / dt), null, new SaveAt(1, false), (t, x) -> { });
        }
        double[] z0 = starts[0].clone();
        Trajectory reference = rk4.solve(target, z0, 0, dt, steps, null, new SaveAt(every, false), Observable.identity(3));
        double floor = 0, value = 0, maxDistance = 0;
        // The return map of z's maxima (Lorenz 1963, Fig. 4), network and independent target runs against the reference.
        double zScale = Standardization.of(reference.values(), 3).scale()[2];
        double[] referenceMaxima = ReturnMap.peaks(reference.values(), 3, 2, dt * every).values();
        double mapFloor = 0, mapValue = 0;
        Map<String, Trajectory> series = new LinkedHashMap<>();
        series.put(Z_MAXIMA_TARGET, maxima(referenceMaxima));
        Integrator netIntegrator = new Integrator(Sampler.schemeFor(net));
        for (int i = 1; i <= plan.startPoints(); i++) {
            z0 = starts[i];
            Trajectory other = rk4.solve(target, z0, 0, dt, steps, null, new SaveAt(every, false), Observable.identity(3));
            floor += StateSpaceDivergence.histogram(reference.values(), other.values(), 3) / plan.startPoints();
            mapFloor += ReturnMap.mapDistance(referenceMaxima, ReturnMap.peaks(other.values(), 3, 2, dt * every).values(), zScale)
                    / plan.startPoints();
            double[] dist = {0};
            double[] row = new double[3];
            double[] values = new double[(int) (steps / every) * 3];
            int[] cursor = {0};
            netIntegrator.run(net, net.stateFor(z0), 0, dt, steps, null, new SaveAt(every, false), (t, x) -> {
                net.readout(x, row);
                System.arraycopy(row, 0, values, cursor[0], 3);
                cursor[0] += 3;
                dist[0] = Math.max(dist[0], net.manifoldDistance(x));
            });
            value += StateSpaceDivergence.histogram(reference.values(), values, 3) / plan.startPoints();
            double[] networkMaxima = ReturnMap.peaks(values, 3, 2, dt * every).values();
            mapValue += ReturnMap.mapDistance(referenceMaxima, networkMaxima, zScale) / plan.startPoints();
            if (i == 1) {
                series.put(Z_MAXIMA_NETWORK, maxima(networkMaxima));
                // For the figures: 40 time units from this start, target and network, at every step (0.01). The runs
                // above are recorded every 0.05 and long; thinned to a few thousand points they drew the orbits as
                // polygons (one point per 0.25 time units against a loop of about 0.75).
                long shown = Math.min(steps, Math.round(40.0 / dt));
                series.put("target", rk4.solve(target, z0, 0, dt, shown, null, SaveAt.everyStep(), Observable.identity(3)));
                series.put("network", netIntegrator.solve(net, net.stateFor(z0), 0, dt, shown, null, SaveAt.everyStep(),
                        net.readoutObservable()));
            }
            maxDistance = Math.max(maxDistance, dist[0]);
        }
        checks.add(Check.atMost("D_stsp", value, floor, "2× target noise floor", 2.0));
        checks.add(Check.atMost("return map of z maxima", mapValue, mapFloor, "2× target noise floor", 2.0));
        checks.add(Check.atMost("manifold distance (max)", maxDistance, 1e-6, "threshold", 1.0));
        checks.add(Check.relative("λmax (target, ddmatch)", target.hasJacobian()
                ? LargestLyapunovExponent.estimate(target, target.initialState(), dt, 50.0, plan.lyapunovTime(), 10).exponent()
                : Double.NaN, LORENZ_LAMBDA_MAX, "Wolf et al. 1985", lyapunovTolerance));
        return new SystemReport("lorenz", tr, drift, checks, seconds(start), series, Map.of());
    }

    /**
     * Lorenz with additive noise G = g·I: the covariance of the readout's increments after subtracting the drift
     * increment f(z)Δt, divided by Δt, against G Gᵀ on the diagonal (±5%).
     */
    public static SystemReport noisyLorenz(int neurons, long seed, double noise, double time, ProgressListener progress) {
        long start = System.nanoTime();
        Lorenz target = new Lorenz(10.0, 28.0, 8.0 / 3.0, noise);
        TrainingResult tr = DriftMatcher.train(target, MatchConfig.defaults(neurons, seed), progress);
        RateNetwork net = tr.network();
        DriftError.Result drift = heldOut(tr, target, seed);
        double dt = target.defaultTimeStep();
        Trajectory z = simulateReadout(net, net.stateFor(target.initialState()), dt, Math.round(time / dt), 1, seed + 17);
        double[] cov = IncrementCovariance.ofResiduals(z.values(), 3, dt, (s, out) -> target.drift(0.0, s, out));
        List<Check> checks = new ArrayList<>();
        checks.add(Check.atMost("drift error (mean)", drift.mean(), 2e-2, "threshold", 1.0));
        String[] axes = {"x", "y", "z"};
        for (int i = 0; i < 3; i++) {
            checks.add(Check.relative("(GGᵀ)_" + axes[i] + axes[i], cov[i * 3 + i], noise * noise, "target G·Gᵀ", 0.05));
        }
        // For the figure: the target SDE over the same 50 time units as the network's run shown (its own noise).
        int shown = Math.min(z.rows(), 5000);
        Trajectory zt = new Integrator(Sampler.schemeFor(target)).solve(target, target.initialState(), 0, dt, shown,
                new GaussianIncrements(target.noiseDimension(), seed + 19), SaveAt.everyStep(), Observable.identity(3));
        Map<String, Trajectory> series = new LinkedHashMap<>();
        series.put("target", zt);
        series.put("network", z.slice(0, shown));
        return new SystemReport("lorenz-noisy", tr, drift, checks, seconds(start), series, Map.of());
    }

    /**
     * Double well {@code dz = (z − z³)dt + σ dW}: mean residence time (hysteresis thresholds ±0.5) of the network
     * against the target, both simulated for {@code time} with the same dt (±10%).
     */
    public static SystemReport doubleWell(int neurons, long seed, double sigma, double time, ProgressListener progress) {
        long start = System.nanoTime();
        DoubleWell target = new DoubleWell(sigma);
        MatchConfig cfg = MatchConfig.defaults(neurons, seed).withSampling(SamplingConfig.defaults().withBoxFraction(0.2));
        TrainingResult tr = DriftMatcher.train(target, cfg, progress);
        RateNetwork net = tr.network();
        DriftError.Result drift = heldOut(tr, target, seed);
        double dt = target.defaultTimeStep();
        long steps = Math.round(time / dt);
        Trajectory zt = new Integrator(Sampler.schemeFor(target)).solve(target, target.initialState(), 0, dt, steps,
                new GaussianIncrements(1, seed + 31), SaveAt.everyStep(), Observable.identity(1));
        Trajectory zn = simulateReadout(net, net.stateFor(target.initialState()), dt, steps, 1, seed + 37);
        ResidenceTimes.Result rt = ResidenceTimes.of(zt.values(), dt, -0.5, 0.5);
        ResidenceTimes.Result rn = ResidenceTimes.of(zn.values(), dt, -0.5, 0.5);
        List<Check> checks = new ArrayList<>();
        checks.add(Check.atMost("drift error (mean)", drift.mean(), 1e-2, "threshold", 1.0));
        checks.add(Check.relative("mean residence time", rn.mean(), rt.mean(), "target simulation", 0.10));
        int window = (int) Math.min(zt.rows(), Math.round(500.0 / dt));
        Map<String, Trajectory> series = new LinkedHashMap<>();
        series.put("target", thin(zt.slice(0, window), 5000));
        series.put("network", thin(zn.slice(0, window), 5000));
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("residence times, target", rt.times());
        samples.put("residence times, network", rn.times());
        return new SystemReport("double-well σ=" + sigma, tr, drift, checks, seconds(start), series, samples);
    }

    /**
     * Rotating OU {@code B = [[2, −θ], [θ, 2]]}, ε = 1: the analytic EPR against θ² (1e-10) and the EPR estimated from
     * the network's simulated readout against θ² (±10%; ≤ 0.05 for θ = 0).
     */
    public static SystemReport ou(int neurons, long seed, double theta, double time, ProgressListener progress) {
        long start = System.nanoTime();
        RotatingOrnsteinUhlenbeck target = new RotatingOrnsteinUhlenbeck(theta, 1.0);
        TrainingResult tr = DriftMatcher.train(target, MatchConfig.defaults(neurons, seed), progress);
        RateNetwork net = tr.network();
        DriftError.Result drift = heldOut(tr, target, seed);
        double exact = theta * theta;
        double analytic = EntropyProduction.linear(target.driftMatrix(), target.diffusionMatrix(), 2);
        double dt = target.defaultTimeStep();
        Trajectory z = simulateReadout(net, net.stateFor(target.initialState()), dt, Math.round(time / dt), 1, seed + 41);
        double estimate = EntropyProduction.fromTrajectory(z.values(), 2, dt).phi();
        List<Check> checks = new ArrayList<>();
        checks.add(Check.atMost("drift error (mean)", drift.mean(), 1e-2, "threshold", 1.0));
        checks.add(Check.absolute("EPR analytic", analytic, exact, "θ²", 1e-10));
        if (theta == 0.0) {
            checks.add(Check.atMost("EPR network", estimate, 0.05, "≤ 0.05 (θ = 0)", 1.0));
        } else {
            checks.add(Check.relative("EPR network", estimate, exact, "θ²", 0.10));
        }
        // For the figure: 3000 nearly independent stationary samples of each, taken evenly over the whole run (the
        // first 3000 steps were 30 time units of one correlated stretch), the target from its own simulation.
        Trajectory samples = thin(z, 3000);
        long every = Math.round(samples.interval() / dt);
        Trajectory zt = new Integrator(Sampler.schemeFor(target)).solve(target, target.initialState(), 0, dt, Math.round(time / dt),
                new GaussianIncrements(target.noiseDimension(), seed + 43), new SaveAt((int) every, false), Observable.identity(2));
        Map<String, Trajectory> series = new LinkedHashMap<>();
        series.put("target", zt);
        series.put("network", samples);
        return new SystemReport("ou θ=" + (theta == Math.rint(theta) ? String.valueOf((long) theta) : String.valueOf(theta)), tr, drift,
                checks, seconds(start), series, Map.of());
    }

    /** Held-out drift error on 2000 fresh points (another trajectory, fresh jitter). */
    static DriftError.Result heldOut(TrainingResult tr, Sde target, long seed) {
        long heldSeed = new SplittableRandom(seed).split().nextLong() ^ 0x9E3779B97F4A7C15L;
        SamplingConfig s = tr.config().sampling().withSamples(2000);
        Sampler.Samples pts = Sampler.draw(target, s, heldSeed, tr.network().standardization(), ProgressListener.NONE);
        return DriftError.of(tr.network(), target, pts.points());
    }

    /** Simulates the full network and records its readout every {@code every} steps. */
    public static Trajectory simulateReadout(RateNetwork net, double[] x0, double dt, long steps, int every, long seed) {
        Integrator integrator = new Integrator(Sampler.schemeFor(net));
        GaussianIncrements noise = new GaussianIncrements(net.noiseDimension(), seed);
        return integrator.solve(net, x0, 0, dt, steps, noise, new SaveAt(every, false), net.readoutObservable());
    }

    /** Every k-th row of {@code t}, so that at most {@code maxRows} remain (for figures). */
    static Trajectory thin(Trajectory t, int maxRows) {
        int k = Math.max(1, (t.rows() + maxRows - 1) / maxRows);
        if (k == 1) {
            return t;
        }
        int rows = (t.rows() + k - 1) / k;
        double[] v = new double[rows * t.dimension()];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(t.values(), r * k * t.dimension(), v, r * t.dimension(), t.dimension());
        }
        return new Trajectory(t.t0(), t.interval() * k, t.dimension(), v);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
