package ddmatch.solve;

import ddmatch.sde.BatchDrift;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntFunction;

/**
 * Runs many independent trajectories in parallel on a fixed number of threads, reproducibly: trajectory {@code i} of
 * an ensemble with seed {@code s} is driven by a noise stream seeded with {@link #trajectorySeed(long, long)
 * trajectorySeed(s, i)}, which depends on nothing else, and results are handed over in trajectory order. The output
 * is therefore bit-identical for any thread count (the design's rule "the same seed gives bit-identical results
 * whatever the thread count").
 *
 * <p>Results are consumed on the calling thread, in order, while at most {@code 2·threads} trajectories are in
 * flight, so a streaming consumer (e.g. one that appends to a file) keeps memory bounded for ensembles of any size.
 * A failure of any trajectory cancels the others and is rethrown (a {@link DivergenceException} as is); interrupting
 * the calling thread cancels the run with a {@link CancellationException}.
 */
public final class Ensemble {
    private final int threads;

    /** @param threads worker threads (≥ 1); 1 runs every trajectory on the calling thread */
    public Ensemble(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Ensemble.threads = " + threads + " is not allowed; it must be ≥ 1");
        }
        this.threads = threads;
    }

    /** An ensemble using {@link Parallelism#threads()} threads (every available processor unless set otherwise). */
    public static Ensemble allProcessors() {
        return new Ensemble(Parallelism.threads());
    }

    public int threads() { return threads; }

    /**
     * The seed of trajectory {@code index} in an ensemble seeded with {@code seed}: the SplitMix64 output function
     * applied to {@code seed + (index + 1)·γ}, γ the golden-ratio increment. Distinct indices give well-mixed,
     * statistically independent seeds (G. L. Steele, D. Lea and C. H. Flood, "Fast splittable pseudorandom number
     * generators", OOPSLA 2014).
     */
    public static long trajectorySeed(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One trajectory's work. */
    @FunctionalInterface
    public interface Task<R> {
        /**
         * @param index trajectory index, 0-based
         * @param seed  {@code trajectorySeed(ensembleSeed, index)}
         */
        R run(int index, long seed);
    }

    /** Receives results on the calling thread in trajectory order. */
    @FunctionalInterface
    public interface Consumer<R> {
        void accept(int index, R result);
    }

    /**
     * Runs {@code task} for trajectories {@code 0 … count−1} and hands each result to {@code consumer} in index
     * order, on the calling thread.
     *
     * @param count number of trajectories (≥ 0)
     * @param seed  ensemble seed
     */
    public <R> void run(int count, long seed, Task<R> task, Consumer<? super R> consumer) {
        if (count < 0) {
            throw new IllegalArgumentException("count = " + count + " is not allowed; it must be ≥ 0");
        }
        if (threads == 1) {
            for (int i = 0; i < count; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("ensemble interrupted before trajectory " + i);
                }
                consumer.accept(i, task.run(i, trajectorySeed(seed, i)));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
        int window = 2 * threads;
        try {
            int next = 0;
            for (int done = 0; done < count; done++) {
                while (next < count && inFlight.size() < window) {
                    int i = next++;
                    long s = trajectorySeed(seed, i);
                    inFlight.addLast(pool.submit(() -> task.run(i, s)));
                }
                consumer.accept(done, await(inFlight.removeFirst(), done));
            }
        } finally {
            for (Future<R> f : inFlight) {
                f.cancel(true);
            }
            pool.shutdownNow();
        }
    }

    /** Runs {@code task} for every trajectory and returns the results in trajectory order. */
    public <R> List<R> map(int count, long seed, Task<R> task) {
        List<R> results = new ArrayList<>(Math.max(count, 0));
        run(count, seed, task, (i, r) -> results.add(r));
        return results;
    }

    /**
     * Integrates {@code count} trajectories of {@code sde} from {@code x0} with {@code scheme}, each driven by
     * {@link GaussianIncrements} seeded with {@link #trajectorySeed}, and records each in memory.
     *
     * @return the trajectories, in index order
     */
    public List<Trajectory> solve(Sde sde, Scheme scheme, double[] x0, double t0, double dt, long steps, SaveAt saveAt,
                                  Observable observed, int count, long seed) {
        scheme.stepper(sde); // fail at set-up, before any thread starts, if the scheme does not fit
        Integrator integrator = new Integrator(scheme);
        int m = sde.noiseDimension();
        return map(count, seed, (i, s) -> integrator.solve(sde, x0, t0, dt, steps, new GaussianIncrements(m, s), saveAt, observed));
    }

    /**
     * As {@link #solve}, but streams trajectory {@code i}'s recorded states to {@code sinks.apply(i)} (called on a worker
     * thread; each sink is used by one thread only) and keeps only the final states.
     *
     * @return the final states, row-major {@code count × d}, in index order
     */
    public double[] run(Sde sde, Scheme scheme, double[] x0, double t0, double dt, long steps, SaveAt saveAt, int count,
                        long seed, IntFunction<Integrator.Sink> sinks) {
        scheme.stepper(sde);
        Integrator integrator = new Integrator(scheme);
        int d = sde.dimension();
        int m = sde.noiseDimension();
        double[] out = new double[Math.multiplyExact(count, d)];
        run(count, seed, (i, s) -> integrator.run(sde, x0, t0, dt, steps, new GaussianIncrements(m, s), saveAt, sinks.apply(i)),
                (i, x) -> System.arraycopy(x, 0, out, i * d, d));
        return out;
    }

    /**
     * The final states of {@code count} trajectories, row-major {@code count × d}, in index order; nothing recorded.
     *
     * <p>When the scheme is Euler–Maruyama and the system implements {@link BatchDrift} (the rate network), the
     * trajectories are stepped in lock step, {@value #LOCK_STEP} at a time (fixed groups by index, whatever the thread
     * count): one batch drift per step for the group, then each trajectory's own Euler–Maruyama update with its own
     * noise stream. Every arithmetic operation is the one the one-at-a-time path performs, so the result is
     * bit-identical to it (tested); a group in which a trajectory diverges is re-run one trajectory at a time, so the
     * same {@link DivergenceException} is thrown.
     */
    public double[] finalStates(Sde sde, Scheme scheme, double[] x0, double t0, double dt, long steps, int count, long seed) {
        if (scheme == EulerMaruyama.INSTANCE && sde instanceof BatchDrift batch && count > 1 && x0.length == sde.dimension()
                && dt > 0 && Double.isFinite(dt) && steps >= 0) {
            scheme.stepper(sde);   // fail at set-up if the scheme does not fit
            int d = sde.dimension();
            double[] out = new double[Math.multiplyExact(count, d)];
            int groups = (count + LOCK_STEP - 1) / LOCK_STEP;
            run(groups, seed, (g, ignored) -> {
                int first = g * LOCK_STEP, size = Math.min(LOCK_STEP, count - first);
                double[] finals = lockStepEuler(sde, batch, x0, t0, dt, steps, first, size, seed);
                if (finals == null) {   // a trajectory diverged: the one-at-a-time path throws the same exception
                    finals = new double[size * d];
                    Integrator integrator = new Integrator(scheme);
                    for (int b = 0; b < size; b++) {
                        long s = trajectorySeed(seed, first + b);
                        double[] x = integrator.run(sde, x0, t0, dt, steps, new GaussianIncrements(sde.noiseDimension(), s),
                                new SaveAt(1, false), (t, y) -> { });
                        System.arraycopy(x, 0, finals, b * d, d);
                    }
                }
                return finals;
            }, (g, finals) -> System.arraycopy(finals, 0, out, g * LOCK_STEP * d, finals.length));
            return out;
        }
        return run(sde, scheme, x0, t0, dt, steps, new SaveAt(1, false), count, seed, i -> (t, x) -> { });
    }

    /** Trajectories stepped together by {@link #finalStates} when the system has a batch drift (a multiple of 4). */
    static final int LOCK_STEP = 16;

    /**
     * Euler–Maruyama for trajectories {@code first … first + size − 1} in lock step, exactly as {@link Integrator}
     * steps each one (same times, increments, update and divergence bound {@code 1e6·(1 + ‖x0‖)}); the update is
     * each trajectory's own {@link EulerMaruyama} stepper, fed the batch drift through {@link PrecomputedDrift}.
     *
     * @return the final states, {@code size × d}, or null if a trajectory diverged
     */
    private static double[] lockStepEuler(Sde sde, BatchDrift batch, double[] x0, double t0, double dt, long steps,
                                          int first, int size, long seed) {
        int d = sde.dimension(), m = sde.noiseDimension();
        double[] xs = new double[size * d], fs = new double[size * d];
        PrecomputedDrift[] views = new PrecomputedDrift[size];
        Stepper[] steppers = new Stepper[size];
        GaussianIncrements[] noise = new GaussianIncrements[size];
        double[][] x = new double[size][];
        for (int b = 0; b < size; b++) {
            views[b] = new PrecomputedDrift(sde, fs, b * d);
            steppers[b] = EulerMaruyama.INSTANCE.stepper(views[b]);
            noise[b] = new GaussianIncrements(m, trajectorySeed(seed, first + b));
            x[b] = x0.clone();
        }
        double norm0 = 0.0;
        for (double v : x0) norm0 += v * v;
        double limit = 1e6 * (1.0 + Math.sqrt(norm0));
        double[] dW = new double[Math.max(m, 1)];
        for (long k = 1; k <= steps; k++) {
            double t = t0 + (k - 1) * dt;
            double tNext = t0 + k * dt;
            for (int b = 0; b < size; b++) System.arraycopy(x[b], 0, xs, b * d, d);
            batch.driftBatch(t, xs, size, fs);
            for (int b = 0; b < size; b++) {
                if (m > 0) noise[b].increment(t, tNext, dW);
                double[] xb = x[b];
                steppers[b].step(t, dt, xb, dW);
                double n2 = 0.0;
                for (int i = 0; i < d; i++) n2 += xb[i] * xb[i];
                if (!(n2 <= limit * limit)) return null;
            }
            if ((k & 4095) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("ensemble of '" + sde.name() + "' interrupted at t = " + tNext);
            }
        }
        double[] finals = new double[size * d];
        for (int b = 0; b < size; b++) System.arraycopy(x[b], 0, finals, b * d, d);
        return finals;
    }

    /**
     * The system with its drift replaced by a row of a batch drift computed just before the step (Euler–Maruyama
     * evaluates the drift once, at the step's start state, so the row is exactly what it would compute).
     */
    private static final class PrecomputedDrift implements Sde {
        private final Sde sde;
        private final double[] rows;
        private final int off;

        PrecomputedDrift(Sde sde, double[] rows, int off) {
            this.sde = sde;
            this.rows = rows;
            this.off = off;
        }

        @Override public int dimension() { return sde.dimension(); }
        @Override public int noiseDimension() { return sde.noiseDimension(); }
        @Override public void drift(double t, double[] z, double[] out) { System.arraycopy(rows, off, out, 0, out.length); }
        @Override public void diffusion(double t, double[] z, double[] out) { sde.diffusion(t, z, out); }
        @Override public NoiseType noiseType() { return sde.noiseType(); }
        @Override public String name() { return sde.name(); }
        @Override public double[] initialState() { return sde.initialState(); }
        @Override public double defaultTimeStep() { return sde.defaultTimeStep(); }
    }

    private static <R> R await(Future<R> future, int index) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("ensemble interrupted while waiting for trajectory " + index);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("trajectory " + index + " failed", cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "ddmatch-ensemble");
            t.setDaemon(true);
            return t;
        };
    }
}
