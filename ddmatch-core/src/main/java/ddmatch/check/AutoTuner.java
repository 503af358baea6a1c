package ddmatch.check;

import ddmatch.analysis.DriftError;
import ddmatch.analysis.LargestLyapunovExponent;
import ddmatch.analysis.StateSpaceDivergence;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.Sampler;
import ddmatch.fit.SamplingConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.solve.DivergenceException;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses σ_b and the jitter of a drift match automatically (λ by GCV), checking the choice by simulating the full
 * network, and finds the smallest N that meets a drift-error target.
 *
 * <p><b>Algorithm.</b> Every pair of the grid σ_b × jitter ({@link Plan}) is trained and ranked by its held-out drift
 * error ({@link DriftError}: mean over points of an independent trajectory of the target with jitter
 * {@link Plan#heldOutJitter}, the same points for every candidate). The best candidates are then validated in rank
 * order, at most {@link Plan#maxValidations} of them, until one passes: the full network is simulated for
 * {@link Plan#validationTime} from the target's initial state (after a transient of a tenth of that), and so is the
 * target; each readout coordinate's mean must lie within {@code tolerance·std} of the target's and its standard
 * deviation within a factor {@code 1 ± tolerance}, which also rules out a collapse onto a fixed point (vanishing
 * variance) and a blow-up. For a chaotic target ({@link Plan#chaotic}) the network's largest Lyapunov exponent
 * (Benettin's method, {@link LargestLyapunovExponent}, over the same time) must also be positive and within
 * {@code ±lyapunovTolerance} of the target's. A candidate that fails is replaced by the next ("refitting"); if none
 * passes, the best-ranked is returned with {@code validated = false}.
 *
 * <p><b>Smallest N.</b> {@link #smallestNetwork} doubles N from a start value until the tuned held-out drift error is
 * at most the target, up to a maximum.
 */
public final class AutoTuner {
    private AutoTuner() {}

    /**
     * What to try and how to validate.
     *
     * @param tonicStds         σ_b values to try (each ≥ 0)
     * @param jitters           jitter values to try (each ≥ 0, standardised units)
     * @param heldOutPoints     number of held-out points of the ranking (≥ 10)
     * @param heldOutJitter     jitter of the held-out points (standardised units)
     * @param validationTime    simulated time of the validation runs (&gt; 0, target time units)
     * @param tolerance         relative tolerance of the mean (in units of the target's std) and of the std
     * @param chaotic           whether to compare the largest Lyapunov exponent (deterministic targets only)
     * @param lyapunovTolerance relative tolerance of the network's λmax against the target's
     * @param maxValidations    how many candidates to simulate at most (≥ 1)
     * @param divergenceFactor  for targets of dimension ≤ 3, the network's state-space divergence D_stsp from a target
     *                          run must be at most this multiple of the noise floor (D_stsp between two independent
     *                          target runs); ≤ 0 skips the comparison
     * @param reseeds           how many times to redraw the embedding and samples (seeds derived from the base seed)
     *                          and tune again when no candidate passes (≥ 0)
     */
    public record Plan(double[] tonicStds, double[] jitters, int heldOutPoints, double heldOutJitter, double validationTime,
                       double tolerance, boolean chaotic, double lyapunovTolerance, int maxValidations,
                       double divergenceFactor, int reseeds) {
        public Plan {
            if (tonicStds.length == 0 || jitters.length == 0) {
                throw new IllegalArgumentException("tuning grid is empty: " + tonicStds.length + " σ_b and " + jitters.length
                        + " jitter values; give at least one of each");
            }
            if (heldOutPoints < 10) {
                throw new IllegalArgumentException("heldOutPoints = " + heldOutPoints + " is not allowed; at least 10");
            }
            if (!(validationTime > 0) || !(tolerance > 0) || !(lyapunovTolerance > 0) || maxValidations < 1
                    || !Double.isFinite(divergenceFactor) || reseeds < 0) {
                throw new IllegalArgumentException("validationTime, tolerance and lyapunovTolerance must be > 0 and "
                        + "maxValidations ≥ 1; got " + validationTime + ", " + tolerance + ", " + lyapunovTolerance + ", "
                        + maxValidations);
            }
            tonicStds = tonicStds.clone();
            jitters = jitters.clone();
        }

        /**
         * The default grid σ_b ∈ {0.5, 1, 2, 3} × jitter ∈ {0.05, 0.1, 0.2}, 2000 held-out points with jitter 0.05,
         * 1000 time units of validation (a network that collapses onto a cycle or fixed point late is caught only by long
         * runs: measured on Lorenz at N = 60, seed 4, a candidate that passed 200 units collapsed later) with a 25%
         * tolerance on moments, λmax within ±10% of the target's for chaotic targets, D_stsp ≤ 1.5× floor (a margin
         * below the 2× goal: the floor of one pair of runs scatters), at most 6 validations per embedding, 2 reseeds.
         */
        public static Plan defaults(boolean chaotic) {
            return new Plan(new double[] {0.5, 1, 2, 3}, new double[] {0.05, 0.1, 0.2}, 2000, 0.05, 1000.0, 0.25, chaotic,
                    0.10, 6, 1.5, 2);
        }
    }

    /**
     * One tried configuration.
     *
     * @param tonicStd     σ_b
     * @param jitter       the training jitter
     * @param lambda       λ selected by GCV
     * @param driftError   mean held-out drift error
     * @param validation   "not run", "passed" or the first failed comparison
     */
    public record Candidate(double tonicStd, double jitter, double lambda, double driftError, String validation) {
    }

    /**
     * The outcome of a tuning.
     *
     * @param best       the chosen fit
     * @param chosen     its candidate record
     * @param validated  whether it passed the simulation check
     * @param candidates every candidate, ranked by held-out drift error, with the validation verdicts
     */
    public record Result(TrainingResult best, Candidate chosen, boolean validated, List<Candidate> candidates) {
    }

    /**
     * Tunes σ_b and the jitter of {@code base} (its N, τ, φ and sampling kept) for {@code target}; when no candidate
     * passes validation, redraws the embedding (seed derived from {@code base.seed()}) up to {@code plan.reseeds()}
     * times. The returned candidates are those of the last embedding tried.
     */
    public static Result tune(Sde target, MatchConfig base, Plan plan, ProgressListener progress) {
        Result r = tuneOnce(target, base, plan, progress);
        SplittableRandom reseed = new SplittableRandom(base.seed() ^ 0x6A09E667F3BCC909L);
        for (int k = 0; k < plan.reseeds() && !r.validated(); k++) {
            Result next = tuneOnce(target, base.withSeed(reseed.nextLong()), plan, progress);
            if (next.validated() || next.chosen().driftError() < r.chosen().driftError()) {
                r = next;
            }
        }
        return r;
    }

    private static Result tuneOnce(Sde target, MatchConfig base, Plan plan, ProgressListener progress) {
        long heldSeed = new SplittableRandom(base.seed()).split().nextLong() ^ 0x2F6B_1D3A_94C7_E581L;
        SamplingConfig heldCfg = base.sampling().withJitter(plan.heldOutJitter()).withBoxFraction(0.0)
                .withKind(SamplingConfig.Kind.TRAJECTORY);
        Sampler.Samples train0 = Sampler.draw(target, base.sampling().withSamples(Math.min(base.sampling().samples(), 2000)),
                base.seed(), progress);
        Sampler.Samples held = Sampler.heldOut(target, heldCfg, heldSeed, train0, plan.heldOutPoints(), progress);

        record Fit(TrainingResult tr, double error) {}
        List<Fit> fits = new ArrayList<>();
        for (double sb : plan.tonicStds()) {
            for (double j : plan.jitters()) {
                MatchConfig cfg = base.withTonicStd(sb).withSampling(base.sampling().withJitter(j));
                TrainingResult tr = DriftMatcher.train(target, cfg, progress);
                double err = DriftError.of(tr.network(), target, held.points()).mean();
                fits.add(new Fit(tr, Double.isFinite(err) ? err : Double.POSITIVE_INFINITY));
            }
        }
        fits.sort(Comparator.comparingDouble(Fit::error));
        String[] verdicts = new String[fits.size()];
        java.util.Arrays.fill(verdicts, "not run");
        int chosen = -1;
        Reference ref = null;
        for (int i = 0; i < Math.min(plan.maxValidations(), fits.size()); i++) {
            if (ref == null) {
                ref = reference(target, plan, base.seed());
            }
            verdicts[i] = validate(fits.get(i).tr().network(), target, plan, ref, base.seed());
            if (verdicts[i].equals("passed")) {
                chosen = i;
                break;
            }
        }
        boolean validated = chosen >= 0;
        if (!validated) {
            chosen = 0;
        }
        List<Candidate> cands = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
            TrainingResult tr = fits.get(i).tr();
            cands.add(new Candidate(tr.config().tonicStd(), tr.config().sampling().jitter(), tr.ridge().lambda(),
                    fits.get(i).error(), verdicts[i]));
        }
        return new Result(fits.get(chosen).tr(), cands.get(chosen), validated, List.copyOf(cands));
    }

    /**
     * The smallest network meeting a drift-error target: N = start, 2·start, … ≤ maxNeurons, each tuned by
     * {@link #tune}; stops at the first N whose chosen candidate has held-out drift error ≤ {@code driftErrorTarget}.
     *
     * @return the tuning of that N, or of the largest N tried if none meets the target (check {@code chosen().driftError()})
     */
    public static Result smallestNetwork(Sde target, MatchConfig base, Plan plan, double driftErrorTarget, int start,
                                         int maxNeurons, ProgressListener progress) {
        if (!(driftErrorTarget > 0) || start < target.dimension() || maxNeurons < start) {
            throw new IllegalArgumentException("smallest network: drift-error target = " + driftErrorTarget + ", start N = " + start
                    + ", max N = " + maxNeurons + " are not allowed; need a target > 0 and d = " + target.dimension()
                    + " ≤ start ≤ max");
        }
        Result last = null;
        for (int n = start; n <= maxNeurons; n *= 2) {
            last = tune(target, base.withNeurons(n), plan, progress);
            if (last.chosen().driftError() <= driftErrorTarget) {
                return last;
            }
        }
        return last;
    }

    /** Statistics of a target run: per-coordinate mean and std, and λmax for chaotic targets. */
    private record Reference(double[] mean, double[] std, double lyapunov, double[] run, double floor) {
    }

    /** Every {@value #THIN}-th step is kept for D_stsp. */
    private static final int THIN = 5;

    private static Trajectory targetRun(Sde target, Plan plan, double[] start, long seed) {
        double dt = target.defaultTimeStep();
        Integrator integ = new Integrator(Sampler.schemeFor(target));
        GaussianIncrements noise = new GaussianIncrements(target.noiseDimension(), seed);
        double[] x0 = integ.run(target, start, 0, dt, Math.round(0.1 * plan.validationTime() / dt), noise, new SaveAt(1, false),
                (t, x) -> { });
        return integ.solve(target, x0, 0, dt, Math.round(plan.validationTime() / dt), noise, new SaveAt(THIN, false),
                Observable.identity(target.dimension()));
    }

    private static Reference reference(Sde target, Plan plan, long seed) {
        double dt = target.defaultTimeStep();
        Trajectory z = targetRun(target, plan, target.initialState(), seed + 101);
        double[][] ms = moments(z);
        double floor = Double.NaN;
        if (plan.divergenceFactor() > 0 && target.dimension() <= 3) {
            // An independent run: another start (perturbed by 1% of the spread, then relaxed) and other noise.
            SplittableRandom g = new SplittableRandom(seed + 107);
            double[] start = target.initialState();
            for (int i = 0; i < start.length; i++) start[i] += 0.01 * ms[1][i] * g.nextGaussian();
            Trajectory other = targetRun(target, plan, start, seed + 109);
            floor = StateSpaceDivergence.histogram(z.values(), other.values(), target.dimension());
        }
        double lyap = Double.NaN;
        if (plan.chaotic() && target.noiseType() == NoiseType.NONE && target.hasJacobian()) {
            lyap = LargestLyapunovExponent.estimate(target, target.initialState(), dt, 0.1 * plan.validationTime(),
                    plan.validationTime(), 10).exponent();
        }
        return new Reference(ms[0], ms[1], lyap, z.values(), floor);
    }

    private static double[][] moments(Trajectory z) {
        int d = z.dimension();
        int rows = z.rows();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < d; i++) mean[i] += z.get(r, i) / rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < d; i++) {
                double e = z.get(r, i) - mean[i];
                std[i] += e * e / Math.max(1, rows - 1);
            }
        }
        for (int i = 0; i < d; i++) std[i] = Math.sqrt(std[i]);
        return new double[][] {mean, std};
    }

    /** Moments and D_stsp of one network run from {@code start}: "passed" or the first failure. */
    private static String validateFrom(RateNetwork net, Sde target, Plan plan, Reference ref, double[] start, long seed) {
        double dt = target.defaultTimeStep();
        long transientSteps = Math.round(0.1 * plan.validationTime() / dt);
        long steps = Math.round(plan.validationTime() / dt);
        Integrator integ = new Integrator(Sampler.schemeFor(net), 1e6, ProgressListener.NONE);
        GaussianIncrements noise = new GaussianIncrements(net.noiseDimension(), seed);
        Trajectory z;
        try {
            double[] x0 = integ.run(net, net.stateFor(start), 0, dt, transientSteps, noise, new SaveAt(1, false),
                    (t, x) -> { });
            z = integ.solve(net, x0, 0, dt, steps, noise, new SaveAt(THIN, false), net.readoutObservable());
        } catch (DivergenceException e) {
            return "diverged: " + e.getMessage();
        }
        double[][] ms = moments(z);
        for (int i = 0; i < target.dimension(); i++) {
            double dm = Math.abs(ms[0][i] - ref.mean()[i]) / ref.std()[i];
            if (!(dm <= plan.tolerance())) {
                return String.format("mean of z%d off by %.3g target std (allowed %.3g)", i, dm, plan.tolerance());
            }
            double rs = ms[1][i] / ref.std()[i];
            if (!(Math.abs(rs - 1) <= plan.tolerance())) {
                return String.format("std of z%d is %.3g × the target's (allowed 1 ± %.3g)%s", i, rs, plan.tolerance(),
                        rs < 0.05 ? ": collapsed to a fixed point" : "");
            }
        }
        if (Double.isFinite(ref.floor())) {
            double dv = StateSpaceDivergence.histogram(ref.run(), z.values(), target.dimension());
            if (!(dv <= plan.divergenceFactor() * ref.floor())) {
                return String.format("D_stsp %.4g > %.3g × noise floor %.4g", dv, plan.divergenceFactor(), ref.floor());
            }
        }
        return "passed";
    }

    /** "passed", or the first failed comparison with its numbers. */
    private static String validate(RateNetwork net, Sde target, Plan plan, Reference ref, long seed) {
        // Two starts: the target's initial state and an independent one (measured on Lorenz at N = 60: a network that
        // passed from one start collapsed onto a cycle from others).
        double[] other = target.initialState();
        SplittableRandom g = new SplittableRandom(seed + 211);
        for (int i = 0; i < other.length; i++) other[i] += ref.std()[i] * g.nextGaussian();
        for (int k = 0; k < 2; k++) {
            String v = validateFrom(net, target, plan, ref, k == 0 ? target.initialState() : other, seed + 103 + k);
            if (!v.equals("passed")) {
                return (k == 0 ? "" : "from a second start: ") + v;
            }
        }
        if (Double.isFinite(ref.lyapunov()) && ref.lyapunov() > 0.05) { // chaotic: λmax > 0 clearly
            double l = LargestLyapunovExponent.estimate(net, net.stateFor(target.initialState()), target.defaultTimeStep(), 0.1 * plan.validationTime(),
                    plan.validationTime(), 10).exponent();
            if (!(l > 0) || !(Math.abs(l / ref.lyapunov() - 1) <= plan.lyapunovTolerance())) {
                return String.format("λmax %.4g vs the target's %.4g (allowed ±%.0f%%)", l, ref.lyapunov(),
                        100 * plan.lyapunovTolerance());
            }
        }
        return "passed";
    }
}
