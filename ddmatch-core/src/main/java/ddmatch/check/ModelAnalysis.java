package ddmatch.check;

import ddmatch.analysis.DriftError;
import ddmatch.analysis.EntropyProduction;
import ddmatch.analysis.IncrementCovariance;
import ddmatch.analysis.ReturnMap;
import ddmatch.analysis.StateSpaceDivergence;
import ddmatch.analysis.ValidPredictionTime;
import ddmatch.analysis.decomposition.ConnectivityDecomposition;
import ddmatch.analysis.decomposition.LatentCoupling;
import ddmatch.analysis.lyapunov.LyapunovSpectrum;
import ddmatch.analysis.metastability.CoreSets;
import ddmatch.analysis.metastability.Transitions;
import ddmatch.analysis.statistics.MixtureDivergence;
import ddmatch.analysis.statistics.SpectralDivergence;
import ddmatch.fit.Sampler;
import ddmatch.fit.SamplingConfig;
import ddmatch.rnn.Network;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.IndependentTasks;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * "How well does the network carry the SDE, and how does it do it?" for a trained network and its target, side by
 * side: simulates the full N-dimensional network and the target (plus an independent target run for noise floors)
 * and computes the metrics of DESIGN §1.6–1.7 that apply to the system. Every number goes into an ordered map per
 * metric, ready for JSON; the schema is documented in the README.
 */
public final class ModelAnalysis {

    /** The metric groups, selectable with {@code ddmatch analyze --metrics}. */
    public enum Metric {
        /** Held-out drift error (mean, 95th percentile). */
        DRIFT,
        /** Leading Lyapunov exponents and Kaplan–Yorke dimension of network and target. */
        LYAPUNOV,
        /** D_stsp and D_H of network vs target, each with the target's noise floor. */
        DIVERGENCE,
        /**
         * Valid prediction time: from 20 states of the target's run, how long the network's forecast (RK4 on the drift,
         * noise off) stays within NRMSE ε (0.5 unless the plan says) of the target's; in Lyapunov times when the target's
         * exponent is computed.
         */
        FORECAST,
        /**
         * Return maps of successive maxima ({@link ReturnMap}), each readout component of network and target: peak
         * counts, mean return times, Wasserstein-1 distance of the peak values and nearest-neighbour distance of the
         * maps, in σᵢ of the target's run, each with the same distance between two target runs (deterministic targets).
         */
        RETURN_MAP,
        /** Readout increment covariance vs G Gᵀ (noisy systems). */
        DIFFUSION,
        /** Wells by k-means and core sets; residence times, transition matrix, cycle statistics (noisy systems, --wells). */
        METASTABILITY,
        /** Entropy production: linear-model estimate from the readout, and the coarse-grained bound when wells are given. */
        EPR,
        /** ‖J_A‖/‖J‖ against the random-embedding null; spectrum of J. */
        CONNECTIVITY,
        /** Latent coupling L = W diag(φ') U: asymmetry index along the network's run. */
        COUPLING,
        /**
         * Reversible/irreversible split of the connectivity, J = J_rev + J_irr, refitted on the model's settings, and the
         * α-ablation J_rev + α J_irr re-simulated: EPR, wells, transitions, cyclic order, λmax, manifold distance per α.
         * Needs a known split of the target's drift (rotating OU: Lyapunov-equation split; rotating wells: −∇V plus
         * the circulation γ(−y, x)).
         */
        ABLATION;

        /** The name on the command line: the constant's name in lower case, '-' for '_' ({@code return-map}). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Metric byId(String id) {
            for (Metric m : values()) {
                if (m.id().equals(id)) {
                    return m;
                }
            }
            List<String> ids = new ArrayList<>();
            for (Metric m : values()) {
                ids.add(m.id());
            }
            throw new IllegalArgumentException("unknown metric '" + id + "'; known metrics: " + String.join(", ", ids));
        }
    }

    /**
     * @param time      simulated time of each run (after a transient of 50), target time units (&gt; 0)
     * @param seed      seed of the runs
     * @param exponents Lyapunov exponents of the network to compute (≥ 1); the target gets min(exponents, d)
     * @param wells     number of wells for metastability (0: not computed)
     * @param metrics   which metric groups
     * @param forecastThreshold the NRMSE ε that ends a valid forecast ({@link Metric#FORECAST}; &gt; 0, default 0.5)
     */
    public record Plan(double time, long seed, int exponents, int wells, Set<Metric> metrics, double forecastThreshold) {
        /** A plan with the forecast threshold ε = 0.5. */
        public Plan(double time, long seed, int exponents, int wells, Set<Metric> metrics) {
            this(time, seed, exponents, wells, metrics, 0.5);
        }

        public Plan {
            if (!(forecastThreshold > 0) || !Double.isFinite(forecastThreshold)) {
                throw new IllegalArgumentException("--forecast-threshold = " + forecastThreshold
                        + " is not allowed; it must be finite and > 0 (an NRMSE; 0.5 by default)");
            }
            if (!(time > 0) || !Double.isFinite(time)) {
                throw new IllegalArgumentException("--time = " + time + " is not allowed; it must be finite and > 0");
            }
            if (exponents < 1) {
                throw new IllegalArgumentException("--exponents = " + exponents + " is not allowed; it must be ≥ 1");
            }
            if (wells < 0 || wells == 1) {
                throw new IllegalArgumentException("--wells = " + wells + " is not allowed; it must be 0 (none) or ≥ 2");
            }
            metrics = metrics.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(metrics);
        }
    }

    /** The shortest run an analysis accepts, in steps of the target's time step. */
    static final long MIN_STEPS = 100;

    private ModelAnalysis() {}

    /** Runs the plan without a refit configuration (the ablation, if asked for, is skipped with a note). */
    public static Map<String, Map<String, Object>> run(Network net, Sde target, Plan plan, ProgressListener progress) {
        return run(net, target, plan, null, progress);
    }

    /**
     * Runs the plan; returns metric id → (quantity → value), in a stable order.
     *
     * @param net   a factored ({@link RateNetwork}) or dense network; for a dense one the metrics that need J = U W
     *              (connectivity, coupling, ablation) are skipped with a note
     * @param refit the configuration the model was trained with, for the metrics that refit (the ablation); may be null
     */
    public static Map<String, Map<String, Object>> run(Network net, Sde target, Plan plan,
                                                       ddmatch.fit.MatchConfig refit, ProgressListener progress) {
        int d = target.dimension();
        long runSteps = Math.round(plan.time() / target.defaultTimeStep());
        if (runSteps < MIN_STEPS) {
            throw new IllegalArgumentException("--time = " + plan.time() + " is too short: at the target's time step "
                    + target.defaultTimeStep() + " it is " + runSteps + " steps; give at least " + MIN_STEPS + " steps (--time ≥ "
                    + MIN_STEPS * target.defaultTimeStep() + ")");
        }
        if (net.latentDimension() != d) {
            throw new IllegalArgumentException("the model carries a " + net.latentDimension() + "-dimensional system but the target '"
                    + target.name() + "' has dimension " + d);
        }
        SplittableRandom seeds = new SplittableRandom(plan.seed());

        // Common start on the attractor / in the stationary density; an independent start for the floor.
        double[] z0 = relax(target, target.initialState(), seeds.nextLong());
        double[] other = target.initialState().clone();
        SplittableRandom jitter = new SplittableRandom(seeds.nextLong());
        for (int i = 0; i < d; i++) {
            other[i] += 1e-3 * (1 + Math.abs(other[i])) * (jitter.nextDouble() - 0.5);
        }
        double[] z1 = relax(target, other, seeds.nextLong());
        // The Lyapunov spectra need only z0 and draw no seed, so they run beside everything else (IndependentTasks, on
        // --threads threads): the other metrics draw their seeds in the same order as one after another, and every
        // number is the same bit for bit. The full network's spectrum, the longest part, goes first; on 2 cores the
        // rest then shares the second (analyze of Lorenz, N = 1000, in a warm JVM: 4.4 s on one thread, 2.4–2.9 s on two).
        boolean lyap = plan.metrics().contains(Metric.LYAPUNOV);
        Callable<Object> networkSpectrum = () -> lyap ? networkSpectrum(net, target, plan, z0) : null;
        Callable<Object> restTask = () -> simulationsAndStatistics(net, target, plan, refit, progress, seeds, z0, z1);
        Callable<Object> otherSpectra = () -> lyap ? manifoldAndTargetSpectra(net, target, plan, z0) : null;
        List<Object> done = IndependentTasks.run(List.of(networkSpectrum, restTask, otherSpectra));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> rest = (Map<String, Map<String, Object>>) done.get(1);
        Map<String, Object> lyapunov = null;
        if (lyap) {
            lyapunov = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> full = (Map<String, Object>) done.get(0);
            @SuppressWarnings("unchecked")
            Map<String, Object> others = (Map<String, Object>) done.get(2);
            lyapunov.putAll(full);
            lyapunov.putAll(others);
            lyapunov.put("time", lyapunovTime(plan));
            lyapunov.put("note", target.noiseType() != NoiseType.NONE ? "exponents of the drift (noise switched off)"
                    : "Benettin/QR with RK4");
        }
        // The forecast in Lyapunov times of the target, once its exponent is known.
        Map<String, Object> forecast = rest.get("forecast");
        if (forecast != null && forecast.containsKey("validTime")) {
            double[] targetExponents = lyapunov != null ? (double[]) lyapunov.get("target") : null;
            if (targetExponents != null && targetExponents.length > 0 && targetExponents[0] > 0) {
                forecast.put("lyapunovExponent", targetExponents[0]);
                forecast.put("validLyapunovTimes", (double) forecast.get("validTime") * targetExponents[0]);
            }
        }
        // The keys in the order of a serial run: simulation, drift, lyapunov, then the rest.
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        String lyapunovAfter = rest.containsKey("drift") ? "drift" : "simulation";
        for (Map.Entry<String, Map<String, Object>> e : rest.entrySet()) {
            out.put(e.getKey(), e.getValue());
            if (lyapunov != null && e.getKey().equals(lyapunovAfter)) {
                out.put("lyapunov", lyapunov);
            }
        }
        return out;
    }

    /**
     * Everything {@link #run} computes but the Lyapunov spectra, in the serial order: the three runs, then the metrics
     * that read them; {@code seeds} continues the sequence {@link #run} started.
     */
    private static Map<String, Map<String, Object>> simulationsAndStatistics(Network net, Sde target, Plan plan,
            ddmatch.fit.MatchConfig refit, ProgressListener progress, SplittableRandom seeds, double[] z0, double[] z1) {
        int d = target.dimension();
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        double dt = target.defaultTimeStep();
        long steps = Math.round(plan.time() / dt);
        int every = (int) Math.max(1, steps / 200_000);
        boolean noisy = target.noiseType() != NoiseType.NONE;
        Integrator targetIntegrator = new Integrator(Sampler.schemeFor(target), Double.POSITIVE_INFINITY, progress);
        Integrator netIntegrator = new Integrator(Sampler.schemeFor(net), Double.POSITIVE_INFINITY, progress);
        Trajectory zt = targetIntegrator.solve(target, z0, 0, dt, steps, new GaussianIncrements(target.noiseDimension(), seeds.nextLong()),
                new SaveAt(every, false), Observable.identity(d));
        Trajectory zf = targetIntegrator.solve(target, z1, 0, dt, steps, new GaussianIncrements(target.noiseDimension(), seeds.nextLong()),
                new SaveAt(every, false), Observable.identity(d));
        double[] maxDistance = {0, 0};
        double[] row = new double[d];
        double[] values = new double[(int) (steps / every) * d];
        int[] cursor = {0};
        RateNetwork populationNet = net instanceof RateNetwork r && r.hasPopulationMode() ? r : null;
        boolean population = populationNet != null;
        netIntegrator.run(net, net.stateFor(z0), 0, dt, steps, new GaussianIncrements(net.noiseDimension(), seeds.nextLong()),
                new SaveAt(every, false), (t, x) -> {
                    net.readout(x, row);
                    System.arraycopy(row, 0, values, cursor[0], d);
                    cursor[0] += d;
                    maxDistance[0] = Math.max(maxDistance[0], net.manifoldDistance(x));
                    if (population) {
                        maxDistance[1] = Math.max(maxDistance[1], Math.abs(populationNet.populationMean(x)));
                    }
                });
        Trajectory zn = new Trajectory(dt * every, dt * every, d, values);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("time", plan.time());
        run.put("dt", dt);
        run.put("recordEvery", every);
        run.put("rows", zn.rows());
        run.put("manifoldDistanceMax", maxDistance[0]);
        if (population) {
            run.put("populationMeanMax", maxDistance[1]);   // |z₀| = |1ᵀ(x − b)|/N, part of the manifold distance
        }
        out.put("simulation", run);

        Set<Metric> m = plan.metrics();
        if (m.contains(Metric.DRIFT)) {
            SamplingConfig s = SamplingConfig.defaults().withSamples(2000);
            Sampler.Samples pts = Sampler.draw(target, s, seeds.nextLong(), net.standardization(), ProgressListener.NONE);
            DriftError.Result e = DriftError.of(net, target, pts.points());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("mean", e.mean());
            r.put("p95", e.p95());
            r.put("max", e.max());
            r.put("points", e.points());
            r.put("definition", "‖P·drift(x) − f̃‖ / rms‖f̃‖ at held-out points x = U z̃ + b");
            out.put("drift", r);
        }
        if (m.contains(Metric.DIVERGENCE)) {
            Map<String, Object> r = new LinkedHashMap<>();
            if (d < 6) {
                r.put("stsp", StateSpaceDivergence.histogram(zt.values(), zn.values(), d));
                r.put("stspFloor", StateSpaceDivergence.histogram(zt.values(), zf.values(), d));
                r.put("stspMethod", "histogram, 30 bins per dimension, Laplace α = 1e-5, KL(target ‖ network)");
            } else {
                r.put("stsp", MixtureDivergence.stateSpace(zt.values(), zn.values(), d, 5, 20_000, plan.seed()).value());
                r.put("stspFloor", MixtureDivergence.stateSpace(zt.values(), zf.values(), d, 5, 20_000, plan.seed()).value());
                r.put("stspMethod", "Gaussian mixtures, 5 components, Monte-Carlo KL with 20000 samples");
            }
            r.put("hellinger", SpectralDivergence.hellinger(zt.values(), zn.values(), d));
            r.put("hellingerFloor", SpectralDivergence.hellinger(zt.values(), zf.values(), d));
            out.put("divergence", r);
        }
        if (m.contains(Metric.FORECAST)) {
            out.put("forecast", forecast(net, target, plan, zt, dt));
        }
        if (m.contains(Metric.RETURN_MAP)) {
            out.put("returnMap", returnMap(target, zt, zn, zf));
        }
        if (m.contains(Metric.DIFFUSION) && noisy) {
            long dsteps = Math.min(steps, 100_000);
            Trajectory zi = netIntegrator.solve(net, net.stateFor(z0), 0, dt, dsteps,
                    new GaussianIncrements(net.noiseDimension(), seeds.nextLong()), SaveAt.everyStep(), net.readoutObservable());
            double[] cov = IncrementCovariance.ofResiduals(zi.values(), d, dt, (s, o) -> target.drift(0.0, s, o));
            int mm = target.noiseDimension();
            double[] g = new double[d * mm];
            double[] ggt = new double[d * d];
            // Constant G: G Gᵀ itself. State-dependent G: Cov(Δz)/Δt estimates the average of G(z)G(z)ᵀ over the
            // visited states, so that average (over the same readout states) is the reference.
            boolean constant = target.noiseType() == NoiseType.ADDITIVE;
            int rowsUsed = constant ? 1 : zi.rows() - 1;
            double[] zr = new double[d];
            for (int r = 0; r < rowsUsed; r++) {
                if (constant) {
                    System.arraycopy(z0, 0, zr, 0, d);
                } else {
                    System.arraycopy(zi.values(), r * d, zr, 0, d);
                }
                target.diffusion(0.0, zr, g);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double s = 0;
                        for (int k = 0; k < mm; k++) s += g[i * mm + k] * g[j * mm + k];
                        ggt[i * d + j] += s / rowsUsed;
                    }
                }
            }
            double num = 0, den = 0;
            for (int i = 0; i < d * d; i++) {
                num += (cov[i] - ggt[i]) * (cov[i] - ggt[i]);
                den += ggt[i] * ggt[i];
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("network", cov);
            r.put("target", ggt);
            r.put("relativeFrobeniusError", Math.sqrt(num / den));
            r.put("increments", zi.rows() - 1);
            r.put("definition", constant ? "Cov(Δz − f(z)Δt)/Δt of the readout vs G Gᵀ"
                    : "Cov(Δz − f(z)Δt)/Δt of the readout vs the mean of G(z)G(z)ᵀ over the readout's states");
            out.put("diffusion", r);
        }
        double[] wellCentres = null;
        double wellRadius = 0;
        int[] targetStates = null;
        int[] netStates = null;
        if (m.contains(Metric.METASTABILITY) && plan.wells() >= 2) {
            CoreSets.Assignment a = CoreSets.fromKMeans(zt.values(), d, plan.wells(), 0.5, plan.seed());
            // k-means numbers its clusters arbitrarily; cyclic statistics need the wells numbered around the ring, so in
            // the plane they are renumbered by angle about their centroid (counter-clockwise).
            double[] centres = d == 2 ? byAngle(a.centres(), plan.wells()) : a.centres();
            wellCentres = centres;
            wellRadius = a.radius();
            targetStates = CoreSets.assign(zt.values(), d, centres, a.radius());
            netStates = CoreSets.assign(zn.values(), d, centres, a.radius());
            Transitions.Result tt = Transitions.of(targetStates, plan.wells(), zt.interval());
            Transitions.Result tn = Transitions.of(netStates, plan.wells(), zn.interval());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("centres", centres);
            r.put("coreRadius", a.radius());
            r.put("meanResidenceTimeTarget", tt.meanResidenceTime());
            r.put("meanResidenceTimeNetwork", tn.meanResidenceTime());
            r.put("jumpsTarget", tt.jumps());
            r.put("jumpsNetwork", tn.jumps());
            r.put("transitionMatrixTarget", tt.transitionMatrix());
            r.put("transitionMatrixNetwork", tn.transitionMatrix());
            if (plan.wells() >= 3 && d == 2) {
                r.put("cyclicFractionTarget", tt.cyclicFraction());
                r.put("cyclicFractionNetwork", tn.cyclicFraction());
                r.put("cycleAffinityTarget", tt.cycleAffinity());
                r.put("cycleAffinityNetwork", tn.cycleAffinity());
            }
            out.put("metastability", r);
        }
        if (m.contains(Metric.EPR) && noisy) {
            Map<String, Object> r = new LinkedHashMap<>();
            try {
                r.put("linearTarget", EntropyProduction.fromTrajectory(zt.values(), d, zt.interval()).phi());
                r.put("linearNetwork", EntropyProduction.fromTrajectory(zn.values(), d, zn.interval()).phi());
                r.put("linearNote", "fits a linear (OU) model to the readout: exact for linear systems, a proxy otherwise");
            } catch (IllegalArgumentException singular) {
                // Noise that drives only some directions leaves the increments' covariance singular: the linear
                // model's entropy production is then not defined (infinite), which is reported, not thrown.
                r.put("linearNote", "not estimated: " + singular.getMessage());
            }
            if (targetStates != null) {
                r.put("coarseGrainedTarget", EntropyProduction.coarseGrained(visited(targetStates), plan.wells(), zt.interval()));
                r.put("coarseGrainedNetwork", EntropyProduction.coarseGrained(visited(netStates), plan.wells(), zn.interval()));
            }
            out.put("epr", r);
        }
        RateNetwork factored = net instanceof RateNetwork f ? f : null;
        String denseNote = "skipped: the model has dense connectivity; this metric needs J = U W";
        if (factored == null) {
            for (Metric k : List.of(Metric.CONNECTIVITY, Metric.COUPLING, Metric.ABLATION)) {
                if (m.contains(k)) {
                    out.put(k.id(), new LinkedHashMap<>(Map.of("note", denseNote)));
                }
            }
            return out;
        }
        if (m.contains(Metric.CONNECTIVITY)) {
            ConnectivityDecomposition.Result c = ConnectivityDecomposition.of(factored);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("norm", c.norm());
            r.put("symmetricNorm", c.symmetricNorm());
            r.put("antisymmetricNorm", c.antisymmetricNorm());
            r.put("antisymmetricFraction", c.asymmetryRatio());
            r.put("nullAntisymmetricFraction", c.nullRatio());
            r.put("nullStd", c.nullRatioStd());
            r.put("eigenReal", c.eigenReal());
            r.put("eigenImag", c.eigenImag());
            r.put("note", "for J = UW the antisymmetric fraction of a random embedding is ≈ 1/√2 whatever the target: compare with the null");
            out.put("connectivity", r);
        }
        if (m.contains(Metric.COUPLING)) {
            int stride = Math.max(1, zn.rows() / 5000);
            double[] pts = new double[((zn.rows() + stride - 1) / stride) * d];
            for (int i = 0, k = 0; i < zn.rows(); i += stride, k++) {
                System.arraycopy(zn.values(), i * d, pts, k * d, d);
            }
            LatentCoupling.Summary s = new LatentCoupling(factored).summarize(pts, LatentCoupling.Coordinates.TARGET);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("asymmetryIndex", s.asymmetryIndex());
            r.put("meanCouplingAsymmetryIndex", s.meanAsymmetryIndex());
            r.put("meanCoupling", s.mean());
            r.put("points", s.points());
            r.put("definition", "L = W diag(φ'(U z̃ + b)) U in target coordinates; index √⟨‖L_A‖²⟩/√⟨‖L‖²⟩ along the network run");
            out.put("coupling", r);
        }
        if (m.contains(Metric.ABLATION)) {
            if (net instanceof RateNetwork r && r.hasPopulationMode()) {
                // The ablation refits an unconstrained factored network: it would not describe a Dale network.
                out.put("ablation", new LinkedHashMap<>(Map.of("note",
                        "skipped: the reversible/irreversible split is refitted without Dale's law; not applicable to a Dale network")));
            } else {
                out.put("ablation", ablation(target, plan, refit, wellCentres, wellRadius, seeds.nextLong(), progress));
            }
        }
        return out;
    }

    /** Forecasts from this many states of the target's run. */
    static final int FORECAST_STARTS = 20;
    /** The longest forecast, in steps of the target's time step (and at most the run's time). */
    static final long FORECAST_MAX_STEPS = 25_000;

    /**
     * The valid prediction time ({@link ValidPredictionTime}) of the network from {@link #FORECAST_STARTS} states of the
     * target run {@code zt}, evenly spaced, with σᵢ of that run; drift only (noise off), RK4 at the target's step.
     */
    private static Map<String, Object> forecast(Network net, Sde target, Plan plan, Trajectory zt, double dt) {
        int d = target.dimension();
        int rows = zt.rows();
        double[] values = zt.values();
        Map<String, Object> out = new LinkedHashMap<>();
        double[] scale;
        try {
            scale = Standardization.of(values, d).scale();   // σᵢ of the target's run
        } catch (IllegalArgumentException constantComponent) {
            out.put("note", "skipped: a component of the target's run does not vary (a fixed point), so no error can be normalised");
            return out;
        }
        int starts = Math.min(FORECAST_STARTS, rows);
        double[] z0 = new double[starts * d];
        for (int s = 0; s < starts; s++) {
            System.arraycopy(values, (int) ((long) s * rows / starts) * d, z0, s * d, d);
        }
        double horizon = Math.min(plan.time(), FORECAST_MAX_STEPS * dt);
        ValidPredictionTime.Result r = ValidPredictionTime.of(target, net, z0, scale, dt,
                new ValidPredictionTime.Config(plan.forecastThreshold(), horizon));
        out.put("validTime", r.median());
        out.put("validTimeQuartiles", new double[] {r.lowerQuartile(), r.upperQuartile()});
        out.put("validTimes", r.times());
        out.put("censored", r.censored());
        out.put("starts", starts);
        out.put("threshold", r.threshold());
        out.put("horizon", r.horizon());
        out.put("scale", scale);
        out.put("definition", "median over the starts of the first t with NRMSE(t) = √((1/d) Σ ((ẑᵢ − zᵢ)/σᵢ)²) > threshold;"
                + " network from the manifold point over the target's state, both by RK4 at the target's dt on their drifts"
                + " (Vlachas et al., Neural Networks 126, 191, 2020); censored starts were still valid at the horizon");
        if (target.noiseType() != NoiseType.NONE) {
            out.put("note", "forecasts of the drift (noise switched off), as for the Lyapunov exponents");
        }
        return out;
    }

    /** A component's return map is compared only when the target's run has at least this many maxima in it. */
    static final int RETURN_MAP_MIN_PEAKS = 20;

    /**
     * The return maps of successive maxima ({@link ReturnMap}) of each component of the network's run {@code zn} against
     * the target's {@code zt}, and of an independent target run {@code zf} against {@code zt} as the floor; σᵢ of
     * {@code zt}. Deterministic targets only: a noisy run has a maximum at nearly every other sample.
     */
    private static Map<String, Object> returnMap(Sde target, Trajectory zt, Trajectory zn, Trajectory zf) {
        int d = target.dimension();
        Map<String, Object> out = new LinkedHashMap<>();
        if (target.noiseType() != NoiseType.NONE) {
            out.put("note", "skipped: the target is noisy, and the maxima of a noisy run are those of its noise");
            return out;
        }
        double[] scale;
        try {
            scale = Standardization.of(zt.values(), d).scale();
        } catch (IllegalArgumentException constantComponent) {
            out.put("note", "skipped: a component of the target's run does not vary (a fixed point)");
            return out;
        }
        double dt = zt.interval();
        List<Map<String, Object>> components = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            ReturnMap.Peaks targetPeaks = ReturnMap.peaks(zt.values(), d, i, dt);
            if (targetPeaks.count() < RETURN_MAP_MIN_PEAKS) {
                skipped.add(i);
                continue;
            }
            ReturnMap.Peaks networkPeaks = ReturnMap.peaks(zn.values(), d, i, dt);
            ReturnMap.Comparison c = ReturnMap.compare(targetPeaks, networkPeaks, i, scale[i]);
            ReturnMap.Comparison floor = ReturnMap.compare(targetPeaks, ReturnMap.peaks(zf.values(), d, i, dt), i, scale[i]);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("component", i);
            r.put("targetPeaks", c.referencePeaks());
            r.put("networkPeaks", c.modelPeaks());
            r.put("targetReturnTime", c.referenceReturnTime());
            r.put("networkReturnTime", c.modelReturnTime());
            r.put("peakDistance", c.peakDistance());
            r.put("peakDistanceFloor", floor.peakDistance());
            r.put("mapDistance", c.mapDistance());
            r.put("mapDistanceFloor", floor.mapDistance());
            // The maxima themselves, for the report's return-map figure (successive values: (mₙ, mₙ₊₁) pairs).
            r.put("targetMaxima", targetPeaks.values());
            r.put("networkMaxima", networkPeaks.values());
            components.add(r);
        }
        out.put("components", components);
        if (!skipped.isEmpty()) {
            out.put("skippedComponents", skipped.stream().mapToInt(Integer::intValue).toArray());
            out.put("note", "components with fewer than " + RETURN_MAP_MIN_PEAKS + " maxima in the target's run are skipped");
        }
        out.put("definition", "maxima of each readout component (parabola through three samples); peakDistance: Wasserstein-1"
                + " distance of the maxima's values, mapDistance: mean distance of each point (mₙ, mₙ₊₁) to the other run's"
                + " nearest, averaged both ways; both in σᵢ of the target's run; the floors compare two target runs");
        return out;
    }

    /** The Lyapunov exponents are estimated over the run's time, at most 1000 time units. */
    private static double lyapunovTime(Plan plan) {
        return Math.min(plan.time(), 1000.0);
    }

    /** The full network's leading Lyapunov exponents from the state over z0 (see {@link #run}). */
    private static Map<String, Object> networkSpectrum(Network net, Sde target, Plan plan, double[] z0) {
        Map<String, Object> r = new LinkedHashMap<>();
        LyapunovSpectrum.Result ln = LyapunovSpectrum.of(net, net.stateFor(z0), Math.min(plan.exponents(), net.neurons()),
                LyapunovSpectrum.Config.of(target.defaultTimeStep(), lyapunovTime(plan)));
        r.put("network", ln.exponents());
        r.put("networkStandardErrors", ln.standardErrors());
        r.put("networkKaplanYorke", ln.kaplanYorkeDimension());
        return r;
    }

    /** The exponents of the network's flow on its manifold and of the target, from z0 (see {@link #run}). */
    private static Map<String, Object> manifoldAndTargetSpectra(Network net, Sde target, Plan plan, double[] z0) {
        int d = target.dimension();
        double dt = target.defaultTimeStep();
        Map<String, Object> r = new LinkedHashMap<>();
        if (net instanceof ddmatch.rnn.RateNetwork rn && !rn.hasPopulationMode() && rn.inputDimension() == 0) {
            // The network's own flow on its manifold (ManifoldFlow): its d exponents are the ones to compare with
            // the target's; the full network's leading exponents mix in the transverse ones (≈ −1/τ).
            double[] zt0 = new double[d];
            rn.standardization().toLatent(z0, zt0);
            LyapunovSpectrum.Result lm = LyapunovSpectrum.of(rn.manifoldFlow(), zt0, d,
                    LyapunovSpectrum.Config.of(dt, lyapunovTime(plan)));
            r.put("networkOnManifold", lm.exponents());
            r.put("networkOnManifoldKaplanYorke", lm.kaplanYorkeDimension());
        }
        if (target.hasJacobian()) {
            LyapunovSpectrum.Result lt = LyapunovSpectrum.of(target, z0, Math.min(plan.exponents(), d),
                    LyapunovSpectrum.Config.of(dt, lyapunovTime(plan)));
            r.put("target", lt.exponents());
            r.put("targetStandardErrors", lt.standardErrors());
            r.put("targetKaplanYorke", lt.kaplanYorkeDimension());
        }
        return r;
    }

    /** The α-ablation of the reversible/irreversible split (see {@link Metric#ABLATION}). */
    private static Map<String, Object> ablation(Sde target, Plan plan, ddmatch.fit.MatchConfig refit, double[] centres,
                                                double radius, long seed, ProgressListener progress) {
        Map<String, Object> r = new LinkedHashMap<>();
        Sde system = target instanceof ddmatch.sde.InitialStateOverride o ? o.system() : target;
        if (refit == null) {
            r.put("note", "skipped: no training configuration to refit with");
            return r;
        }
        ddmatch.analysis.decomposition.ConnectivitySplit split;
        String how;
        if (system instanceof ddmatch.sde.RotatingOrnsteinUhlenbeck ou) {
            split = ddmatch.analysis.decomposition.ConnectivitySplit.fitLinear(target, ou.driftMatrix(), ou.diffusionMatrix(),
                    refit, progress);
            how = "linear: f_rev = −D S⁻¹ z, f_irr = −Q S⁻¹ z (B S + S Bᵀ = 2D)";
        } else if (system instanceof ddmatch.sde.RingWells rw) {
            double gamma = rw.gamma();
            ddmatch.fit.DriftField irr = (z, o) -> {
                o[0] = -gamma * z[1];
                o[1] = gamma * z[0];
            };
            ddmatch.fit.DriftField rev = (z, o) -> {
                target.drift(0.0, z, o);
                o[0] += gamma * z[1];
                o[1] -= gamma * z[0];
            };
            split = ddmatch.analysis.decomposition.ConnectivitySplit.fit(target, refit, rev, irr, progress);
            how = "f_rev = −∇V, f_irr = γ(−y, x)";
        } else {
            r.put("note", "skipped: no known reversible/irreversible split for system '" + system.name()
                    + "' (available for the rotating OU and ring-well systems)");
            return r;
        }
        r.put("split", how);
        double[] alphas = {0.0, 0.25, 0.5, 0.75, 1.0};
        double dt = target.defaultTimeStep();
        long steps = Math.round(plan.time() / dt);
        int every = (int) Math.max(1, steps / 200_000);
        int d = target.dimension();
        List<Object> runs = new ArrayList<>();
        for (double alpha : alphas) {
            RateNetwork na = split.network(alpha);
            double[] z0 = target.initialState();
            double[] maxDistance = {0};
            double[] row = new double[d];
            double[] values = new double[(int) (steps / every) * d];
            int[] cursor = {0};
            new Integrator(Sampler.schemeFor(na)).run(na, na.stateFor(z0), 0, dt, steps,
                    new GaussianIncrements(na.noiseDimension(), seed), new SaveAt(every, false), (t, x) -> {
                        na.readout(x, row);
                        System.arraycopy(row, 0, values, cursor[0], d);
                        cursor[0] += d;
                        maxDistance[0] = Math.max(maxDistance[0], na.manifoldDistance(x));
                    });
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("alpha", alpha);
            a.put("eprLinear", EntropyProduction.fromTrajectory(values, d, every * dt).phi());
            if (centres != null) {
                int k = centres.length / d;
                int[] states = CoreSets.assign(values, d, centres, radius);
                Transitions.Result tr = Transitions.of(states, k, every * dt);
                a.put("jumps", tr.jumps());
                a.put("meanResidenceTime", tr.meanResidenceTime());
                a.put("eprCoarseGrained", EntropyProduction.coarseGrained(visited(states), k, every * dt));
                if (k >= 3 && d == 2) {
                    a.put("cyclicFraction", tr.cyclicFraction());
                }
            }
            a.put("lambdaMax", ddmatch.analysis.LargestLyapunovExponent.estimate(na, na.stateFor(z0), dt, 20.0,
                    Math.min(200.0, plan.time()), 10).exponent());
            a.put("manifoldDistanceMax", maxDistance[0]);
            runs.add(a);
        }
        r.put("runs", runs);
        return r;
    }

    /** Centres (row-major K × 2) sorted by their angle about the centroid, counter-clockwise from the positive x axis. */
    static double[] byAngle(double[] centres, int k) {
        double cx = 0, cy = 0;
        for (int i = 0; i < k; i++) {
            cx += centres[2 * i] / k;
            cy += centres[2 * i + 1] / k;
        }
        Integer[] order = new Integer[k];
        double[] angle = new double[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
            double a = Math.atan2(centres[2 * i + 1] - cy, centres[2 * i] - cx);
            angle[i] = a < 0 ? a + 2 * Math.PI : a;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(angle[p], angle[q]));
        double[] out = new double[2 * k];
        for (int i = 0; i < k; i++) {
            out[2 * i] = centres[2 * order[i]];
            out[2 * i + 1] = centres[2 * order[i] + 1];
        }
        return out;
    }

    /** The states after the first core visit (the coarse-grained estimator needs states in [0, K)). */
    private static int[] visited(int[] states) {
        int i = 0;
        while (i < states.length && states[i] < 0) {
            i++;
        }
        return java.util.Arrays.copyOfRange(states, i, states.length);
    }

    /** Relaxes onto the attractor / stationary density for 50 time units. */
    private static double[] relax(Sde sde, double[] z, long seed) {
        double dt = sde.defaultTimeStep();
        return new Integrator(Sampler.schemeFor(sde)).run(sde, z, 0, dt, Math.round(50.0 / dt),
                new GaussianIncrements(sde.noiseDimension(), seed), new SaveAt(1, false), (t, x) -> { });
    }
}
