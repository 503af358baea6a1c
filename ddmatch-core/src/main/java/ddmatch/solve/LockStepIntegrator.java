package ddmatch.solve;

import java.util.concurrent.CancellationException;

/**
 * The {@link Integrator} of {@link EulerMaruyama} for a group of trajectories of one {@link LockStepEulerStep} SDE,
 * advanced in lock step: every step takes all the group's live states through one
 * {@link LockStepEulerStep#eulerStepBatch}, each with the increments of its own {@link NoiseStream}. A rate network
 * then shares each load of its weights between the states of a tile (BENCHMARKS.md, "Ensembles in lock step").
 *
 * <p>Each trajectory's states, recorded rows and divergence are those {@link Integrator#run} with Euler–Maruyama gives
 * it alone, <b>bit for bit</b> ({@link LockStepEulerStep}'s contract; the divergence check reads the SDE's sums of
 * squares, whose order may differ from the fused single step's: equal up to rounding). A trajectory
 * that diverges is reported in its {@link Outcome} and dropped from the group; the others go on. When the SDE has no
 * lock-step form ({@link LockStepEulerStep#lockStepTile()} = 0) the trajectories are run one after another by
 * {@link Integrator}, with the same results. Nothing is allocated inside the step loop.
 */
public final class LockStepIntegrator {
    private final double maxNorm;
    private final ProgressListener progress;

    /**
     * @param maxNorm  a state norm beyond which a trajectory counts as diverged (&gt; 0); +∞ for
     *                 {@code 1e6·(1 + ‖x0‖)} per trajectory, as {@link Integrator}
     * @param progress receives the group's steps ({@link ProgressListener#NONE} for none)
     */
    public LockStepIntegrator(double maxNorm, ProgressListener progress) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm = " + maxNorm + " is not allowed; it must be > 0");
        }
        this.maxNorm = maxNorm;
        this.progress = progress;
    }

    /** The divergence bound {@code 1e6·(1 + ‖x0‖)} per trajectory, no progress output. */
    public LockStepIntegrator() {
        this(Double.POSITIVE_INFINITY, ProgressListener.NONE);
    }

    /**
     * What became of one trajectory: its final state, or the divergence that stopped it (then {@code finalState} is
     * null).
     */
    public record Outcome(double[] finalState, DivergenceException failure) {
        /** The final state, or the trajectory's {@link DivergenceException} thrown. */
        public double[] orThrow() {
            if (failure != null) throw failure;
            return finalState;
        }
    }

    /**
     * Integrates B trajectories on the grid {@code t0 + k·dt}, k = 1..steps, and hands trajectory β's every
     * {@code saveAt.every()}-th state to {@code sinks[β]} (the array passed is valid only during the call).
     *
     * @param x0s    the B initial states (copied, not modified)
     * @param noises the B trajectories' noise streams (dimension m = {@code sde.noiseDimension()}; may hold nulls if
     *               m = 0)
     * @param sinks  one per trajectory (null: nothing recorded of it); a trajectory's rows arrive in time order,
     *               trajectories interleaved
     * @return the B outcomes, in the order of {@code x0s}
     * @throws CancellationException if the calling thread is interrupted
     */
    public Outcome[] run(LockStepEulerStep sde, double[][] x0s, double t0, double dt, long steps, NoiseStream[] noises,
                         SaveAt saveAt, Integrator.Sink[] sinks) {
        int batch = x0s.length;
        int n = sde.dimension();
        int m = sde.noiseDimension();
        if (batch < 1 || noises.length != batch || sinks.length != batch) {
            throw new IllegalArgumentException("a lock-step group needs B ≥ 1 initial states, noise streams and sinks; got "
                    + batch + ", " + noises.length + " and " + sinks.length);
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt = " + dt + " is not allowed; the time step must be finite and > 0");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + " is not allowed; it must be ≥ 0");
        }
        for (int beta = 0; beta < batch; beta++) {
            if (x0s[beta].length != n) {
                throw new IllegalArgumentException("initial state " + beta + " has length " + x0s[beta].length
                        + " but system '" + sde.name() + "' has dimension " + n);
            }
            if (m > 0 && (noises[beta] == null || noises[beta].dimension() != m)) {
                throw new IllegalArgumentException("system '" + sde.name() + "' has noise dimension " + m + " but noise stream "
                        + beta + " has dimension " + (noises[beta] == null ? "none" : noises[beta].dimension()));
            }
        }
        Outcome[] out = new Outcome[batch];
        if (sde.lockStepTile() == 0) {
            Integrator single = new Integrator(EulerMaruyama.INSTANCE, maxNorm, ProgressListener.NONE);
            progress.start(sde.name(), steps * batch);
            try {
                for (int beta = 0; beta < batch; beta++) {
                    try {
                        Integrator.Sink sink = sinks[beta] == null ? (t, x) -> { } : sinks[beta];
                        out[beta] = new Outcome(single.run(sde, x0s[beta], t0, dt, steps, noises[beta], saveAt, sink), null);
                    } catch (DivergenceException e) {
                        out[beta] = new Outcome(null, e);
                    }
                    progress.advance(steps * (beta + 1));
                }
            } finally {
                progress.finish();
            }
            return out;
        }
        return lockStep(sde, x0s, t0, dt, steps, noises, saveAt, sinks, out);
    }

    private Outcome[] lockStep(LockStepEulerStep sde, double[][] x0s, double t0, double dt, long steps,
                               NoiseStream[] noises, SaveAt saveAt, Integrator.Sink[] sinks, Outcome[] out) {
        final int batch = x0s.length, n = sde.dimension(), m = sde.noiseDimension();
        // The live states packed at the front of xs; live[i] is the trajectory in slot i.
        double[] xs = new double[batch * n];
        double[] dWs = new double[Math.max(batch * m, 1)];
        double[] dW = new double[Math.max(m, 1)];
        double[] row = new double[n];
        double[] limit = new double[batch];
        double[] sq = new double[batch];
        int[] live = new int[batch];
        for (int beta = 0; beta < batch; beta++) {
            System.arraycopy(x0s[beta], 0, xs, beta * n, n);
            limit[beta] = Double.isInfinite(maxNorm) ? 1e6 * (1.0 + Integrator.norm(x0s[beta])) : maxNorm;
            live[beta] = beta;
        }
        int alive = batch;
        int every = saveAt.every();
        if (saveAt.includeInitial()) {
            for (int beta = 0; beta < batch; beta++) {
                if (sinks[beta] != null) sinks[beta].accept(t0, x0s[beta].clone());
            }
        }
        progress.start(sde.name(), steps);
        try {
            int sinceSave = 0;
            for (long k = 1; k <= steps && alive > 0; k++) {
                double t = t0 + (k - 1) * dt;
                double tNext = t0 + k * dt;
                if (m > 0) {
                    for (int i = 0; i < alive; i++) {
                        noises[live[i]].increment(t, tNext, dW);
                        System.arraycopy(dW, 0, dWs, i * m, m);
                    }
                }
                sde.eulerStepBatch(t, dt, xs, alive, dWs, sq);
                boolean save = ++sinceSave == every;
                if (save) sinceSave = 0;
                for (int i = 0; i < alive; i++) {
                    int beta = live[i];
                    double n2 = sq[i];
                    // NaN if any component is NaN and +Inf if any is infinite, so one comparison catches all three
                    if (!(n2 <= limit[beta] * limit[beta])) {
                        out[beta] = new Outcome(null, new DivergenceException(sde.name(), tNext, k, Math.sqrt(n2),
                                limit[beta], dt, EulerMaruyama.INSTANCE.name()));
                        // drop slot i: the last live state takes its place (the order of the slots is immaterial)
                        alive--;
                        if (i < alive) {
                            System.arraycopy(xs, alive * n, xs, i * n, n);
                            live[i] = live[alive];
                            sq[i] = sq[alive];
                        }
                        i--;   // the state moved into slot i has not been checked yet
                        continue;
                    }
                }
                if (save) {
                    for (int i = 0; i < alive; i++) {
                        Integrator.Sink sink = sinks[live[i]];
                        if (sink == null) continue;
                        System.arraycopy(xs, i * n, row, 0, n);
                        sink.accept(tNext, row);
                    }
                }
                if ((k & (Integrator.POLL - 1)) == 0) {
                    Integrator.poll(progress, k, sde, tNext);
                }
            }
            progress.advance(steps);
        } finally {
            progress.finish();
        }
        for (int i = 0; i < alive; i++) {
            out[live[i]] = new Outcome(java.util.Arrays.copyOfRange(xs, i * n, (i + 1) * n), null);
        }
        return out;
    }
}
