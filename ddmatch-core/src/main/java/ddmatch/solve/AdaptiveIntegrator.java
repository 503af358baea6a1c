package ddmatch.solve;

import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import java.util.concurrent.CancellationException;

/**
 * Adaptive integration of ordinary differential equations ({@link NoiseType#NONE}) by the Dormand–Prince 5(4)
 * embedded Runge–Kutta pair, with results saved on a fixed output grid through the method's continuous extension.
 *
 * <p><b>Tableau</b> (7 stages, FSAL: the last stage is the next step's first):
 * <pre>
 *   0     |
 *   1/5   | 1/5
 *   3/10  | 3/40        9/40
 *   4/5   | 44/45       −56/15       32/9
 *   8/9   | 19372/6561  −25360/2187  64448/6561  −212/729
 *   1     | 9017/3168   −355/33      46732/5247  49/176   −5103/18656
 *   1     | 35/384      0            500/1113    125/192  −2187/6784    11/84
 *   ------+------------------------------------------------------------------------
 *   b (5) | 35/384      0            500/1113    125/192  −2187/6784    11/84     0
 *   e=b−b̂ | 71/57600    0            −71/16695   71/1920  −17253/339200 22/525    −1/40
 * </pre>
 * The step is advanced with the 5th-order weights (local extrapolation) and {@code h·Σ e_i k_i} estimates the error.
 *
 * <p><b>Step control</b>: with the scaled error norm {@code err} of {@link Tolerances}, a step is accepted when
 * {@code err ≤ 1}, and the next step is {@code h·min(5, max(0.2, 0.9·err^(−1/5)))}, never growing right after a
 * rejection. A non-finite trial step counts as rejected (so the step shrinks instead of producing NaN). The first step
 * is chosen by the algorithm of HNW §II.4 unless given.
 *
 * <p><b>Dense output</b>: the 4th-order continuous extension of Dormand and Prince (HNW §II.6, the one used by DOPRI5)
 * <pre>
 *   u(t + θh) = y₀ + θ(r₂ + (1 − θ)(r₃ + θ(r₄ + (1 − θ) r₅))),
 *   r₂ = y₁ − y₀,   r₃ = hk₁ − r₂,   r₄ = r₂ − hk₇ − r₃,   r₅ = h Σ dᵢkᵢ,
 *   d = (−12715105075/11282082432, 0, 87487479700/32700410799, −10690763975/1880347072,
 *        701980252875/199316789632, −1453857185/822651844, 69997945/29380423)
 * </pre>
 * evaluated at each output time that an accepted step covers, so output rows cost no extra right-hand-side
 * evaluations and do not constrain the step size.
 *
 * <p><b>Divergence</b>: as {@link Integrator}, the run stops with a {@link DivergenceException} when an accepted state
 * is non-finite or its norm exceeds {@code maxNorm} (default {@code 1e6·(1 + ‖x0‖)}); it stops with an
 * {@link IllegalStateException} when the step size underflows or {@link Tolerances#maxSteps()} is exceeded.
 *
 * <p>References: J. R. Dormand and P. J. Prince, "A family of embedded Runge–Kutta formulae", J. Comput. Appl. Math.
 * 6, 19 (1980); E. Hairer, S. P. Nørsett and G. Wanner, <i>Solving Ordinary Differential Equations I</i>, 2nd ed.,
 * Springer 1993, §II.4 (step control, starting step) and §II.6 (dense output).
 */
public final class AdaptiveIntegrator {
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    private static final double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784,
            A76 = 11.0 / 84;
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;
    private static final double D1 = -12715105075.0 / 11282082432.0, D3 = 87487479700.0 / 32700410799.0,
            D4 = -10690763975.0 / 1880347072.0, D5 = 701980252875.0 / 199316789632.0,
            D6 = -1453857185.0 / 822651844.0, D7 = 69997945.0 / 29380423.0;

    private static final double SAFETY = 0.9;
    private static final double FAC_MIN = 0.2;
    private static final double FAC_MAX = 5.0;
    private static final int POLL = 1024;

    private final double maxNorm;
    private final ProgressListener progress;

    /**
     * @param maxNorm  a state norm beyond which the run counts as diverged (&gt; 0; infinity means
     *                 {@code 1e6·(1 + ‖x0‖)})
     * @param progress progress receiver (counts output rows)
     */
    public AdaptiveIntegrator(double maxNorm, ProgressListener progress) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm = " + maxNorm + " is not allowed; it must be > 0");
        }
        this.maxNorm = maxNorm;
        this.progress = progress;
    }

    /** An integrator with the default divergence bound {@code 1e6·(1 + ‖x0‖)} and no progress output. */
    public AdaptiveIntegrator() {
        this(Double.POSITIVE_INFINITY, ProgressListener.NONE);
    }

    /**
     * The result of an adaptive run.
     *
     * @param trajectory    the states at {@code t0, t0 + Δ, …} up to {@code t1}
     * @param finalState    the state at {@code t1}
     * @param acceptedSteps accepted steps
     * @param rejectedSteps rejected trial steps (error too large or non-finite)
     * @param evaluations   right-hand-side evaluations
     */
    public record Solution(Trajectory trajectory, double[] finalState, long acceptedSteps, long rejectedSteps, long evaluations) {}

    /** {@link #solve(Sde, double[], double, double, double, Tolerances, Observable)} recording the whole state. */
    public Solution solve(Sde sde, double[] x0, double t0, double t1, double outputInterval, Tolerances tolerances) {
        return solve(sde, x0, t0, t1, outputInterval, tolerances, Observable.identity(sde.dimension()));
    }

    /**
     * Integrates the ODE {@code sde} from {@code (t0, x0)} to {@code t1}.
     *
     * @param x0             initial state (copied)
     * @param t1             final time (&gt; t0)
     * @param outputInterval Δ &gt; 0: rows are saved at {@code t0 + jΔ} for {@code j = 0 … ⌊(t1 − t0)/Δ⌋} (to a relative
     *                       1e-9, so that t1 is included when it lies on the grid)
     * @param observed       what to record of each saved state
     * @throws IllegalArgumentException if the system has noise; the message names the fixed-step schemes that fit
     */
    public Solution solve(Sde sde, double[] x0, double t0, double t1, double outputInterval, Tolerances tolerances,
                          Observable observed) {
        if (sde.noiseType() != NoiseType.NONE || sde.noiseDimension() != 0) {
            StringBuilder alternatives = new StringBuilder();
            for (Scheme s : Schemes.all()) {
                if (s.supports().contains(sde.noiseType())) {
                    alternatives.append(alternatives.length() == 0 ? "" : ", ").append(s.name());
                }
            }
            throw new IllegalArgumentException("the adaptive Dormand–Prince integrator solves ODEs only, but system '"
                    + sde.name() + "' has noise type " + sde.noiseType() + "; fixed-step schemes that support it: " + alternatives);
        }
        int d = sde.dimension();
        if (x0.length != d) {
            throw new IllegalArgumentException("initial state has length " + x0.length + " but system '" + sde.name()
                    + "' has dimension " + d);
        }
        if (!Double.isFinite(t0) || !Double.isFinite(t1) || !(t1 > t0)) {
            throw new IllegalArgumentException("time span [" + t0 + ", " + t1 + "] is not allowed; t0 and t1 must be finite with t1 > t0");
        }
        if (!(outputInterval > 0) || !Double.isFinite(outputInterval)) {
            throw new IllegalArgumentException("outputInterval = " + outputInterval + " is not allowed; it must be finite and > 0");
        }
        double span = t1 - t0;
        long rows = (long) Math.floor(span / outputInterval * (1 + 1e-9)) + 1;
        long size = rows * observed.dimension();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("recording " + rows + " rows of " + observed.dimension()
                    + " values does not fit in memory; use a larger outputInterval or an Observable with fewer values");
        }
        double[] values = new double[(int) size];
        Run run = new Run(sde, x0.clone(), t0, t1, outputInterval, rows, tolerances, observed, values);
        progress.start(sde.name(), rows);
        try {
            run.integrate();
        } finally {
            progress.finish();
        }
        return new Solution(new Trajectory(t0, outputInterval, observed.dimension(), values), run.y,
                run.accepted, run.rejected, run.evaluations);
    }

    /** The per-run workspace: all arrays allocated once, nothing allocated per step. */
    private final class Run {
        final Sde sde;
        final int d;
        final double t0, t1, outputInterval;
        final long rows;
        final Tolerances tol;
        final Observable observed;
        final double[] values;
        final double[] row;
        double[] y;
        double[] yNew;
        double[] k1, k2, k3, k4, k5, k6, k7;
        final double[] tmp;
        final double[] r2, r3, r4, r5;
        long accepted, rejected, evaluations;
        long nextRow;

        Run(Sde sde, double[] y, double t0, double t1, double outputInterval, long rows, Tolerances tol,
            Observable observed, double[] values) {
            this.sde = sde;
            this.d = sde.dimension();
            this.y = y;
            this.t0 = t0;
            this.t1 = t1;
            this.outputInterval = outputInterval;
            this.rows = rows;
            this.tol = tol;
            this.observed = observed;
            this.values = values;
            this.row = new double[observed.dimension()];
            yNew = new double[d];
            k1 = new double[d];
            k2 = new double[d];
            k3 = new double[d];
            k4 = new double[d];
            k5 = new double[d];
            k6 = new double[d];
            k7 = new double[d];
            tmp = new double[d];
            r2 = new double[d];
            r3 = new double[d];
            r4 = new double[d];
            r5 = new double[d];
        }

        void integrate() {
            double limit = Double.isInfinite(maxNorm) ? 1e6 * (1.0 + Math.sqrt(dot(y, y))) : maxNorm;
            save(y);
            double t = t0;
            sde.drift(t, y, k1);
            evaluations++;
            double h = tol.initialStep() > 0 ? tol.initialStep() : initialStep(t);
            h = Math.min(h, t1 - t0);
            boolean lastRejected = false;
            long attempts = 0;
            while (t < t1) {
                if (++attempts > tol.maxSteps()) {
                    throw new IllegalStateException("adaptive integration of '" + sde.name() + "' exceeded "
                            + tol.maxSteps() + " steps at t = " + t + " (step " + h + "); loosen the tolerances,"
                            + " raise Tolerances.maxSteps, or check the system for stiffness");
                }
                if ((attempts & (POLL - 1)) == 0) {
                    progress.advance(nextRow);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("integration of '" + sde.name() + "' interrupted at t = " + t);
                    }
                }
                // Land exactly on t1, and avoid a sliver of a last step.
                boolean last = t + 1.01 * h >= t1;
                if (last) {
                    h = t1 - t;
                }
                if (h <= 1e-14 * Math.max(1.0, Math.abs(t))) {
                    throw new IllegalStateException("adaptive integration of '" + sde.name() + "' needs a step size " + h
                            + " at t = " + t + ", below the resolution of double precision; the solution is probably"
                            + " singular there (or the system is stiff)");
                }
                double err = trialStep(t, h);
                if (err <= 1.0) {
                    accepted++;
                    double tNew = last ? t1 : t + h;
                    double n2 = dot(yNew, yNew);
                    if (!(n2 <= limit * limit)) {
                        throw new DivergenceException(sde.name(), tNew, accepted, Math.sqrt(n2), limit, h, "dopri5");
                    }
                    emitRows(t, tNew, h);
                    double[] s = y; y = yNew; yNew = s;
                    // FSAL: the last stage, evaluated at (t + h, y_new), is the next step's first.
                    s = k1; k1 = k7; k7 = s;
                    t = tNew;
                    double fac = err == 0.0 ? FAC_MAX : Math.min(FAC_MAX, Math.max(FAC_MIN, SAFETY * Math.pow(err, -0.2)));
                    if (lastRejected) {
                        fac = Math.min(fac, 1.0);
                    }
                    h *= fac;
                    lastRejected = false;
                } else {
                    rejected++;
                    // NaN err (non-finite trial) also lands here: shrink as much as allowed.
                    double fac = Double.isNaN(err) ? FAC_MIN : Math.max(FAC_MIN, SAFETY * Math.pow(err, -0.2));
                    h *= fac;
                    lastRejected = true;
                }
            }
            if (nextRow < rows) {
                // The last grid point coincides with t1 up to the 1e-9 slack: it is the final state.
                save(y);
            }
            progress.advance(rows);
        }

        /** One Dormand–Prince trial step from (t, y) with k1 = f(t, y); fills yNew, k2..k7; returns the error norm. */
        double trialStep(double t, double h) {
            for (int i = 0; i < d; i++) tmp[i] = y[i] + h * A21 * k1[i];
            sde.drift(t + C2 * h, tmp, k2);
            for (int i = 0; i < d; i++) tmp[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            sde.drift(t + C3 * h, tmp, k3);
            for (int i = 0; i < d; i++) tmp[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            sde.drift(t + C4 * h, tmp, k4);
            for (int i = 0; i < d; i++) tmp[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            sde.drift(t + C5 * h, tmp, k5);
            for (int i = 0; i < d; i++) {
                tmp[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            sde.drift(t + h, tmp, k6);
            for (int i = 0; i < d; i++) {
                yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
            }
            sde.drift(t + h, yNew, k7);
            evaluations += 6;
            double sum = 0.0;
            for (int i = 0; i < d; i++) {
                double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double scale = tol.absolute() + tol.relative() * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
                // With atol = 0 a component that is exactly 0 at both ends has no scale; only a zero error passes.
                double r = scale > 0 ? e / scale : (e == 0 ? 0.0 : Double.POSITIVE_INFINITY);
                sum += r * r;
            }
            return Math.sqrt(sum / d);
        }

        /** Saves the rows at grid times in (t, tNew] by the continuous extension of the accepted step. */
        void emitRows(double t, double tNew, double h) {
            boolean prepared = false;
            while (nextRow < rows) {
                double tr = t0 + nextRow * outputInterval;
                if (tr > tNew) {
                    break;
                }
                if (!prepared) {
                    for (int i = 0; i < d; i++) {
                        double delta = yNew[i] - y[i];
                        double bspl = h * k1[i] - delta;
                        r2[i] = delta;
                        r3[i] = bspl;
                        r4[i] = delta - h * k7[i] - bspl;
                        r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
                    }
                    prepared = true;
                }
                double theta = (tr - t) / h;
                double theta1 = 1.0 - theta;
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + theta * (r2[i] + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])));
                }
                save(tmp);
            }
        }

        void save(double[] state) {
            observed.observe(state, row);
            System.arraycopy(row, 0, values, (int) (nextRow * row.length), row.length);
            nextRow++;
        }

        /** Starting step of HNW §II.4: h = (0.01/max(‖f0‖, ‖f'‖))^(1/5), bounded by 100 times a first guess. */
        double initialStep(double t) {
            double d0 = 0, d1 = 0;
            for (int i = 0; i < d; i++) {
                double sc = tol.absolute() + tol.relative() * Math.abs(y[i]);
                if (sc > 0) {
                    d0 += (y[i] / sc) * (y[i] / sc);
                    d1 += (k1[i] / sc) * (k1[i] / sc);
                }
            }
            d0 = Math.sqrt(d0 / d);
            d1 = Math.sqrt(d1 / d);
            double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
            h0 = Math.min(h0, t1 - t);
            for (int i = 0; i < d; i++) tmp[i] = y[i] + h0 * k1[i];
            sde.drift(t + h0, tmp, k2);
            evaluations++;
            double d2 = 0;
            for (int i = 0; i < d; i++) {
                double sc = tol.absolute() + tol.relative() * Math.abs(y[i]);
                double r = sc > 0 ? (k2[i] - k1[i]) / sc : 0.0;
                d2 += r * r;
            }
            d2 = Math.sqrt(d2 / d) / h0;
            double dm = Math.max(d1, d2);
            double h1 = dm <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / dm, 0.2);
            double h = Math.min(100 * h0, h1);
            return Double.isFinite(h) && h > 0 ? h : 1e-6;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
