package ddmatch.solve;

import ddmatch.linalg.MatrixProduct;
import ddmatch.sde.Sde;
import ddmatch.sde.SdeContract;
import java.util.concurrent.CancellationException;

/**
 * The engine that runs any {@link Scheme} on a fixed grid {@code t0 + k·dt}, k = 1..steps: draws the Brownian
 * increment of each step from a {@link NoiseStream} (and the iterated integral ΔZ from an {@link IteratedNoiseStream}
 * for schemes that need it), records every k-th state through an {@link Observable}, checks
 * the state after every step and stops with a {@link DivergenceException} when it is non-finite or its Euclidean norm
 * exceeds {@code maxNorm}, reports progress and honours thread interruption (throwing {@link CancellationException}).
 * Nothing is allocated inside the step loop.
 */
public final class Integrator {
    /** How often (in steps) progress and interruption are checked. */
    static final int POLL = 4096;

    private final Scheme scheme;
    private final double maxNorm;
    private final ProgressListener progress;

    /**
     * @param scheme   the scheme to step with
     * @param maxNorm  a state norm beyond which the run counts as diverged (finite, &gt; 0)
     * @param progress progress receiver ({@link ProgressListener#NONE} for none)
     */
    public Integrator(Scheme scheme, double maxNorm, ProgressListener progress) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm = " + maxNorm + " is not allowed; it must be > 0");
        }
        if (scheme == null) {
            throw new IllegalArgumentException("scheme is null; pick one of " + Schemes.all().stream().map(Scheme::name).toList());
        }
        this.scheme = scheme;
        this.maxNorm = maxNorm;
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** An integrator whose divergence bound is {@code 1e6·(1 + ‖x0‖)} for the run at hand, with no progress output. */
    public Integrator(Scheme scheme) {
        this(scheme, Double.POSITIVE_INFINITY, ProgressListener.NONE);
    }

    /**
     * Integrates {@code sde} from {@code x0} and records the run in memory.
     *
     * @param x0       initial state (copied, not modified)
     * @param t0       initial time
     * @param dt       step (&gt; 0)
     * @param steps    number of steps (≥ 0)
     * @param noise    Brownian increments (dimension {@code sde.noiseDimension()}); may be null for ODEs
     * @param saveAt   which steps to record
     * @param observed what to record of each state
     * @return the recorded rows
     */
    public Trajectory solve(Sde sde, double[] x0, double t0, double dt, long steps, NoiseStream noise,
                            SaveAt saveAt, Observable observed) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + " is not allowed; it must be ≥ 0");
        }
        if (observed.stateDimension() >= 0 && observed.stateDimension() != sde.dimension()) {
            throw new IllegalArgumentException("the observable reads states of length " + observed.stateDimension()
                    + " but system '" + sde.name() + "' has dimension " + sde.dimension());
        }
        Recorder recorder = new Recorder(t0, dt, steps, saveAt, observed);
        run(sde, x0, t0, dt, steps, noise, saveAt, recorder);
        return recorder.trajectory();
    }

    /** A sink that keeps the observed rows of a run in memory, for {@link #solve} and the ensembles' solve. */
    static final class Recorder implements Sink {
        private final double first;
        private final double interval;
        private final Observable observed;
        private final double[] values;
        private final double[] row;
        private int cursor;

        Recorder(double t0, double dt, long steps, SaveAt saveAt, Observable observed) {
            long rows = saveAt.rows(steps);
            long size = rows * observed.dimension();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("recording " + rows + " rows of " + observed.dimension()
                        + " values does not fit in memory; record fewer rows (SaveAt.every) or fewer values (an Observable)");
            }
            this.first = saveAt.includeInitial() ? t0 : t0 + saveAt.every() * dt;
            this.interval = saveAt.every() * dt;
            this.observed = observed;
            this.values = new double[(int) size];
            this.row = new double[observed.dimension()];
        }

        @Override
        public void accept(double t, double[] x) {
            observed.observe(x, row);
            System.arraycopy(row, 0, values, cursor, row.length);
            cursor += row.length;
        }

        Trajectory trajectory() {
            return new Trajectory(first, interval, observed.dimension(), values);
        }
    }

    /** Receives recorded states as the run goes: for streaming to disk or for on-line statistics. */
    @FunctionalInterface
    public interface Sink {
        /** The state {@code x} at time {@code t}; {@code x} is the live state array, valid only during the call. */
        void accept(double t, double[] x);
    }

    /**
     * Called by the engine between steps, every {@link #CONTROL_EVERY} steps, with the state just reached: the place to
     * write a checkpoint or to stop a run (by throwing). The state array is live and valid only during the call.
     */
    @FunctionalInterface
    public interface StepControl {
        /** Does nothing. */
        StepControl NONE = (step, t, x) -> { };

        /**
         * @param step the number of steps taken since the start of the run (not of this call), k ≥ 1
         * @param t    the time reached, {@code t0 + step·dt}
         * @param x    the state at {@code t}
         */
        void poll(long step, double t, double[] x);
    }

    /** How often (in steps) a {@link StepControl} is polled. */
    public static final int CONTROL_EVERY = 64;

    /**
     * Integrates and hands each recorded state to {@code sink}; keeps nothing in memory.
     *
     * @return the final state
     */
    public double[] run(Sde sde, double[] x0, double t0, double dt, long steps, NoiseStream noise, SaveAt saveAt, Sink sink) {
        return run(sde, x0, t0, dt, 0, steps, noise, saveAt, sink, StepControl.NONE);
    }

    /**
     * Continues a run of {@code steps} steps on the grid {@code t0 + k·dt} from step {@code firstStep}, whose state is
     * {@code x}: with the noise stream positioned where the original run stood after {@code firstStep} steps (see
     * {@link GaussianIncrements#restore}), the states from then on and the recorded rows (steps that are multiples of
     * {@code saveAt.every()}) are bit for bit those of an uninterrupted run, because every step depends only on the
     * state, the step index and the increment. With {@code firstStep = 0} this is an ordinary run.
     *
     * <p>The divergence bound {@code 1e6·(1 + ‖x‖)} of an integrator built with an infinite {@code maxNorm} is taken
     * from the state handed in; a resumed run that must stop exactly where the original would have passes the
     * original's bound explicitly as {@code maxNorm}.
     *
     * @param x         state at step {@code firstStep} (copied, not modified)
     * @param t0        time of step 0
     * @param firstStep steps already taken (0 ≤ firstStep ≤ steps); the initial row is recorded only when it is 0
     * @param steps     total steps of the run
     * @param control   polled every {@link #CONTROL_EVERY} steps ({@link StepControl#NONE} for nothing)
     * @return the final state
     */
    public double[] run(Sde sde, double[] x, double t0, double dt, long firstStep, long steps, NoiseStream noise,
                        SaveAt saveAt, Sink sink, StepControl control) {
        if (firstStep < 0 || firstStep > steps) {
            throw new IllegalArgumentException("firstStep = " + firstStep + " is not allowed; it must be in [0, steps = "
                    + steps + "]");
        }
        return runFrom(sde, x, t0, dt, firstStep, steps, noise, saveAt, sink, control);
    }

    private double[] runFrom(Sde sde, double[] x0, double t0, double dt, long firstStep, long steps, NoiseStream noise,
                             SaveAt saveAt, Sink sink, StepControl control) {
        SdeContract.requireConsistent(sde);
        int d = sde.dimension();
        int m = sde.noiseDimension();
        if (x0.length != d) {
            throw new IllegalArgumentException("initial state has length " + x0.length + " but system '" + sde.name()
                    + "' has dimension " + d);
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("initial state[" + i + "] = " + x0[i] + " is not finite (system '"
                        + sde.name() + "')");
            }
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt = " + dt + " is not allowed; the time step must be finite and > 0");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + " is not allowed; it must be ≥ 0");
        }
        if (m > 0 && (noise == null || noise.dimension() != m)) {
            throw new IllegalArgumentException("system '" + sde.name() + "' has noise dimension " + m
                    + " but the noise stream has dimension " + (noise == null ? "none" : noise.dimension()));
        }
        Stepper stepper = scheme.stepper(sde);
        boolean iterated = m > 0 && scheme.needsTimeIntegral();
        IteratedNoiseStream iteratedNoise = null;
        if (iterated) {
            if (!(noise instanceof IteratedNoiseStream s)) {
                throw new IllegalArgumentException("scheme '" + scheme.name() + "' needs the iterated integrals ΔZ of the"
                        + " Brownian path, which the noise stream " + noise.getClass().getSimpleName() + " does not provide;"
                        + " use GaussianIncrements or BrownianPath");
            }
            iteratedNoise = s;
        }
        double[] x = x0.clone();
        double[] dW = new double[Math.max(m, 1)];
        double[] dZ = iterated ? new double[m] : null;
        double limit = Double.isInfinite(maxNorm) ? 1e6 * (1.0 + norm(x)) : maxNorm;
        int every = saveAt.every();
        if (saveAt.includeInitial() && firstStep == 0) {
            sink.accept(t0, x);
        }
        progress.start(sde.name(), steps);
        try {
            // Rows fall on the steps that are multiples of every, wherever the run (re)starts.
            int sinceSave = (int) (firstStep % every);
            for (long k = firstStep + 1; k <= steps; k++) {
                double t = t0 + (k - 1) * dt;
                double tNext = t0 + k * dt;
                if (iterated) {
                    iteratedNoise.increment(t, tNext, dW, dZ);
                    stepper.step(t, dt, x, dW, dZ);
                } else {
                    if (m > 0) {
                        noise.increment(t, tNext, dW);
                    }
                    stepper.step(t, dt, x, dW);
                }
                double n2 = stepper.lastSumOfSquares();   // summed by a fused step's last pass, or negative
                if (n2 < 0) n2 = sumOfSquares(x);
                // n2 is NaN if any component is NaN and +Inf if any is infinite, so one comparison catches all three.
                if (!(n2 <= limit * limit)) {
                    throw new DivergenceException(sde.name(), tNext, k, Math.sqrt(n2), limit, dt, scheme.name());
                }
                if (++sinceSave == every) {
                    sinceSave = 0;
                    sink.accept(tNext, x);
                }
                if ((k & (CONTROL_EVERY - 1)) == 0) {
                    control.poll(k, tNext, x);
                    if ((k & (POLL - 1)) == 0) {
                        poll(progress, k, sde, tNext);
                    }
                }
            }
            progress.advance(steps);
        } finally {
            progress.finish();
        }
        return x;
    }

    /**
     * Every {@link #POLL} steps of a run (also {@link LockStepIntegrator}'s): reports the steps taken and stops the run
     * with a {@link CancellationException} if the thread has been interrupted.
     */
    static void poll(ProgressListener progress, long step, Sde sde, double t) {
        progress.advance(step);
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("simulation of '" + sde.name() + "' interrupted at t = " + t);
        }
    }

    static double norm(double[] x) {
        return Math.sqrt(sumOfSquares(x));
    }

    /**
     * {@code Σ x_i²} ({@link MatrixProduct#sumOfSquares}): the divergence check runs after every step, and one serial
     * chain of N dependent additions cost as much as a whole step of a 1000-neuron network; four scalar chains still
     * cost a quarter of one (0.25 of 0.8 µs at N = 1000), the Vector API form a few percent. NaN if any component is
     * NaN, +∞ if any is infinite (or the sum overflows).
     */
    static double sumOfSquares(double[] x) {
        return MatrixProduct.sumOfSquares(x);
    }
}
