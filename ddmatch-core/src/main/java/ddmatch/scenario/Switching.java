package ddmatch.scenario;

import ddmatch.analysis.metastability.CoreSets;
import ddmatch.fit.InputMatcher;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.InputDriven;
import ddmatch.sde.NoiseType;
import ddmatch.sde.RingWells;
import ddmatch.sde.input.Constant;
import ddmatch.sde.input.InputSchedule;
import ddmatch.sde.input.PulseTrain;
import ddmatch.solve.Ensemble;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.util.List;

/**
 * Input-driven switching between memories (scenario 3): the K wells of a reversible ring potential
 * ({@link RingWells}, γ = 0) driven by two additive inputs, {@code dz = (−∇V(z) + u(t)) dt + σ dW}, and a network
 * trained on it with {@link InputMatcher} (the inputs enter additively, so {@code B = τ U C̃} carries them exactly).
 *
 * <p><b>Protocol.</b> A trial for target memory k starts at the centre of another well (the three others in turn),
 * relaxes for {@value #LEAD} time units, receives a pulse {@code u = A (cos θ_k, sin θ_k)} (a constant push towards
 * well k) for a duration D, then settles without input for {@value #SETTLE} time units. It succeeds when the last core
 * set visited ({@link CoreSets}, radius {@value #CORE_RADIUS} around the well centres) is well k. Every trial has its
 * own noise seed ({@link Ensemble#trajectorySeed}); target and network trials use independent seeds, so their success
 * counts are independent binomial samples.
 *
 * <p><b>Agreement.</b> Per cell (A, D, k) with n trials each, under the hypothesis that network and target switch
 * with the same probability p, the pooled statistic {@code z = (p̂_N − p̂_T)/√(2 p̄(1 − p̄)/n)} (p̄ the pooled
 * fraction) is approximately standard normal; over M cells the largest |z| stays below
 * {@code z* = Φ⁻¹(1 − 0.005/M)} with probability ≥ 0.99 (Bonferroni). Cells where both always or never switch
 * (p̄ ∈ {0, 1}) have z = 0.
 */
final class Switching {
    static final double NOISE = 0.4;
    static final double LEAD = 0.25;
    static final double SETTLE = 3.0;
    static final double CORE_RADIUS = 0.5;
    static final double FAMILY_LEVEL = 0.01;

    private Switching() {}

    /**
     * Success counts of one system over the grid, indexed {@code [(a·durations + d)·K + k]}.
     *
     * @param amplitudes pulse amplitudes A (target units of drift)
     * @param durations  pulse durations D (time units)
     * @param trials     trials per cell (≥ 1)
     */
    record Counts(double[] amplitudes, double[] durations, int wells, int trials, int[] successes) {
        /** Success fraction per (A, D), over all target memories; row-major amplitudes × durations. */
        double[] fractionPerCell() {
            double[] f = new double[amplitudes.length * durations.length];
            for (int c = 0; c < f.length; c++) {
                int s = 0;
                for (int k = 0; k < wells; k++) s += successes[c * wells + k];
                f[c] = (double) s / (trials * wells);
            }
            return f;
        }
    }

    /** The switching target: K wells on a ring (γ = 0, noise {@link #NOISE}) with inputs {@code (u_x, u_y)} added to the drift. */
    static PushedWells target(int wells) {
        return new PushedWells(new RingWells("ring-wells", wells, 4.0, 1.0, 0.0, NOISE, new double[] {1.0, 0.0}, 0.01),
                List.of(new Constant(0.0), new Constant(0.0)));
    }

    /** Runs every trial of the target (when {@code net} is null) or of the network. */
    static Counts run(PushedWells target, RateNetwork net, double[] amplitudes, double[] durations, int trials, long seed) {
        int k = target.base.wells();
        double[] centres = Episodic.centres(target.base);
        int cells = amplitudes.length * durations.length * k;
        double dt = target.defaultTimeStep();
        List<Boolean> ok = Ensemble.allProcessors().map(cells * trials, seed, (index, s) -> {
            int cell = index / trials, trial = index % trials;
            int well = cell % k, dIdx = (cell / k) % durations.length, aIdx = cell / k / durations.length;
            int from = (well + 1 + trial % (k - 1)) % k;
            double amp = amplitudes[aIdx], dur = durations[dIdx];
            double angle = target.base.wellAngle(well);
            List<InputSchedule> pulse = List.of(new PulseTrain(1e9, dur, amp * Math.cos(angle), LEAD),
                    new PulseTrain(1e9, dur, amp * Math.sin(angle), LEAD));
            double[] z0 = {centres[2 * from], centres[2 * from + 1]};
            long steps = Math.round((LEAD + dur + SETTLE) / dt);
            int every = 5;
            Trajectory z;
            if (net == null) {
                PushedWells sde = new PushedWells(target.base, pulse);
                z = new Integrator(ddmatch.fit.Sampler.schemeFor(sde)).solve(sde, z0, 0, dt, steps,
                        new GaussianIncrements(sde.noiseDimension(), s), new SaveAt(every, false), Observable.identity(2));
            } else {
                RateNetwork driven = net.withSchedules(pulse);
                z = new Integrator(ddmatch.fit.Sampler.schemeFor(driven)).solve(driven, driven.stateFor(z0), 0, dt, steps,
                        new GaussianIncrements(driven.noiseDimension(), s), new SaveAt(every, false), driven.readoutObservable());
            }
            int[] states = CoreSets.assign(z.values(), 2, centres, CORE_RADIUS);
            return states[states.length - 1] == well;
        });
        int[] successes = new int[cells];
        for (int i = 0; i < ok.size(); i++) successes[i / trials] += ok.get(i) ? 1 : 0;
        return new Counts(amplitudes.clone(), durations.clone(), k, trials, successes);
    }

    /** Pooled two-sample z statistic of each cell (0 where the pooled fraction is 0 or 1). */
    static double[] zScores(Counts target, Counts network) {
        double[] z = new double[target.successes().length];
        int n = target.trials();
        for (int c = 0; c < z.length; c++) {
            double pt = (double) target.successes()[c] / n, pn = (double) network.successes()[c] / n;
            double pooled = 0.5 * (pt + pn);
            double var = 2 * pooled * (1 - pooled) / n;
            z[c] = var > 0 ? (pn - pt) / Math.sqrt(var) : 0.0;
        }
        return z;
    }

    /** The Bonferroni bound z* = Φ⁻¹(1 − (level/2)/cells) on the largest |z| of {@code cells} cells. */
    static double bonferroniBound(int cells, double level) {
        return normalQuantile(1 - 0.5 * level / cells);
    }

    /**
     * Φ⁻¹(p) for p ∈ (0.5, 1), by bisection on the complementary normal distribution function computed with the
     * continued fraction of Mills' ratio (Abramowitz &amp; Stegun 26.2.14), accurate to ~1e-12 for x ≥ 0.5.
     */
    static double normalQuantile(double p) {
        if (!(p > 0.5 && p < 1)) {
            throw new IllegalArgumentException("p = " + p + " is not allowed; it must be in (0.5, 1)");
        }
        double lo = 0.0, hi = 40.0;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (upperTail(mid) > 1 - p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** Q(x) = 1 − Φ(x) for x ≥ 0: a Simpson integral of the density on [0, x] below 1, the continued fraction above. */
    static double upperTail(double x) {
        if (x < 1.0) {
            int m = 2000;
            double h = x / m, s = 0;
            for (int i = 0; i <= m; i++) {
                double w = i == 0 || i == m ? 1 : (i % 2 == 1 ? 4 : 2);
                s += w * Math.exp(-0.5 * (i * h) * (i * h));
            }
            return 0.5 - s * h / 3 / Math.sqrt(2 * Math.PI);
        }
        // Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated from the tail of the fraction.
        double f = x;
        for (int k = 200; k >= 1; k--) f = x + k / f;
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) / f;
    }

    /**
     * A 2-D system with two additive inputs: {@code f(z, u) = f_base(z) + u}, the base system's noise. The inputs a
     * network learns from (their schedules are what {@code drift(t, z, out)} uses).
     */
    static final class PushedWells implements InputDriven {
        final RingWells base;
        private final InputSchedule[] schedules;

        PushedWells(RingWells base, List<InputSchedule> schedules) {
            if (schedules.size() != 2) {
                throw new IllegalArgumentException("schedules: " + schedules.size() + " given; the pushed wells have 2 inputs (u_x, u_y)");
            }
            this.base = base;
            this.schedules = schedules.toArray(new InputSchedule[0]);
        }

        @Override public int inputDimension() { return 2; }

        @Override public List<String> inputNames() { return List.of("ux", "uy"); }

        @Override public List<InputSchedule> schedules() { return List.of(schedules); }

        @Override
        public void drift(double t, double[] z, double[] u, double[] out) {
            base.drift(t, z, out);
            out[0] += u[0];
            out[1] += u[1];
        }

        @Override
        public void drift(double t, double[] z, double[] out) {
            base.drift(t, z, out);
            out[0] += schedules[0].value(t);
            out[1] += schedules[1].value(t);
        }

        @Override public int dimension() { return 2; }

        @Override public int noiseDimension() { return base.noiseDimension(); }

        @Override public void diffusion(double t, double[] z, double[] out) { base.diffusion(t, z, out); }

        @Override public NoiseType noiseType() { return base.noiseType(); }

        @Override public String name() { return "pushed-ring-wells"; }

        @Override public double[] initialState() { return base.initialState(); }

        @Override public double defaultTimeStep() { return base.defaultTimeStep(); }
    }

    /** Trains the switching network (additive inputs) with the episodic scenario's sampling. */
    static InputMatcher.Result train(PushedWells target, int n, long seed, ProgressListener progress) {
        return InputMatcher.train(target, Episodic.config(n, seed), progress);
    }
}
