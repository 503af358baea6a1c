package ddmatch.solve;

import ddmatch.sde.Sde;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs many independent trajectories in parallel on a fixed number of threads, reproducibly: trajectory {@code i} of
 * an ensemble with seed {@code s} is driven by a noise stream seeded with {@link #trajectorySeed(long, long)
 * trajectorySeed(s, i)}, which depends on nothing else, and results are handed over in trajectory order. The output
 * is therefore bit-identical for any thread count (the design's rule "the same seed gives bit-identical results
 * whatever the thread count").
 *
 * <p>With Euler–Maruyama, an SDE that can step several states together ({@link LockStepEulerStep}, e.g. a rate network
 * with d = 3 on the Vector API kernels) is run by {@link #solve}, {@link #run(Sde, Scheme, double[], double, double,
 * long, SaveAt, int, long, IntFunction) run} and {@link #finalStates} in groups of its tile, a group per task (then
 * "trajectories in flight" below counts groups); each trajectory keeps its seed, its bits and its divergence check.
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
        requireCount(count);
        inOrder(count, "trajectory", i -> task.run(i, trajectorySeed(seed, i)), consumer);
    }

    /**
     * Runs {@code work} for groups {@code 0 … groups−1} on the pool, at most {@code 2·threads} in flight, and hands
     * each result to {@code consumer} in group order on the calling thread (one thread: all on the calling thread).
     */
    private <G> void inOrder(int groups, String what, java.util.function.IntFunction<G> work, Consumer<? super G> consumer) {
        // One thread, or a run started inside one of this ensemble's own tasks (its workers would wait on themselves)
        if (threads == 1 || WORKER_OF.get() == this) {
            for (int i = 0; i < groups; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("ensemble interrupted before " + what + " " + i);
                }
                consumer.accept(i, work.apply(i));
            }
            return;
        }
        ExecutorService pool = workers();
        ArrayDeque<Future<G>> inFlight = new ArrayDeque<>();
        int window = 2 * threads;
        try {
            int next = 0;
            for (int done = 0; done < groups; done++) {
                while (next < groups && inFlight.size() < window) {
                    int i = next++;
                    inFlight.addLast(pool.submit(() -> work.apply(i)));
                }
                consumer.accept(done, await(inFlight.removeFirst(), what + " " + done));
            }
        } finally {
            for (Future<G> f : inFlight) {
                f.cancel(true);   // interrupts a running one; the worker goes on to the next task
            }
        }
    }

    /**
     * The worker threads, created at the first parallel run and kept for the next ones (starting and stopping a pool
     * cost 0.7–1.8 ms per run on the development machine, a quarter of a 64-trajectory, 100-step ensemble); they end
     * after a second without work, so an ensemble that is dropped leaves no thread behind.
     */
    private synchronized ThreadPoolExecutor workers() {
        if (workers == null) {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(() -> {
                            WORKER_OF.set(this);
                            r.run();
                        }, "ddmatch-ensemble");
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            workers = pool;
        }
        return workers;
    }

    private ThreadPoolExecutor workers;

    /** The ensemble whose worker the current thread is, if any: a run started from one of its own tasks runs inline. */
    private static final ThreadLocal<Ensemble> WORKER_OF = new ThreadLocal<>();

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
        return solve(sde, scheme, x0, t0, dt, steps, saveAt, observed, count, seed, ProgressListener.NONE);
    }

    /**
     * {@link #solve(Sde, Scheme, double[], double, double, long, SaveAt, Observable, int, long) solve}, reporting to
     * {@code progress} (on the calling thread) how many trajectories are done, in index order, out of {@code count}.
     */
    public List<Trajectory> solve(Sde sde, Scheme scheme, double[] x0, double t0, double dt, long steps, SaveAt saveAt,
                                  Observable observed, int count, long seed, ProgressListener progress) {
        scheme.stepper(sde); // fail at set-up, before any thread starts, if the scheme does not fit
        requireCount(count);
        List<Trajectory> results = new ArrayList<>(count);
        // a trajectory's recorder is made on the worker that runs it and handed over with its final state
        Integrator.Recorder[] recorders = new Integrator.Recorder[count];
        progress.start(sde.name() + " × " + count, count);
        try {
            trajectoriesInOrder(sde, scheme, x0, t0, dt, steps, saveAt, count, seed,
                    i -> recorders[i] = new Integrator.Recorder(t0, dt, steps, saveAt, observed), (i, x) -> {
                        results.add(recorders[i].trajectory());
                        recorders[i] = null;
                        progress.advance(i + 1);
                    });
            return results;
        } finally {
            progress.finish();
        }
    }

    /**
     * As {@link #solve}, but streams trajectory {@code i}'s recorded states to {@code sinks.apply(i)} (called on a worker
     * thread; each sink is used by one thread only; null records nothing) and keeps only the final states.
     *
     * <p>Euler–Maruyama on an SDE that steps states in lock step ({@link LockStepEulerStep}: a rate network without
     * inputs, with the Vector API kernels and d = 3) takes the trajectories in groups of
     * {@link LockStepEulerStep#lockStepTile()} through a {@link LockStepIntegrator}, a group per task: the same bits per
     * trajectory, fewer loads of the network's weights per step. The groups' rows reach the sinks interleaved.
     *
     * @return the final states, row-major {@code count × d}, in index order
     */
    public double[] run(Sde sde, Scheme scheme, double[] x0, double t0, double dt, long steps, SaveAt saveAt, int count,
                        long seed, IntFunction<Integrator.Sink> sinks) {
        scheme.stepper(sde);
        requireCount(count);
        int d = sde.dimension();
        double[] out = new double[Math.multiplyExact(count, d)];
        trajectoriesInOrder(sde, scheme, x0, t0, dt, steps, saveAt, count, seed, sinks, (i, x) -> System.arraycopy(x, 0, out, i * d, d));
        return out;
    }

    /**
     * The trajectories, in lock step where {@link #lockStep} allows, else one per task through {@link Integrator};
     * trajectory i's rows to {@code sinks.apply(i)} (null: nothing recorded), its final state to {@code consumer} in
     * index order.
     */
    private void trajectoriesInOrder(Sde sde, Scheme scheme, double[] x0, double t0, double dt, long steps, SaveAt saveAt, int count,
                         long seed, IntFunction<? extends Integrator.Sink> sinks, Consumer<double[]> consumer) {
        LockStepEulerStep lockStep = lockStep(sde, scheme, count);
        if (lockStep != null) {
            inLockStep(lockStep, x0, t0, dt, steps, saveAt, count, seed, sinks, consumer);
            return;
        }
        Integrator integrator = new Integrator(scheme);
        int m = sde.noiseDimension();
        run(count, seed, (i, s) -> {
            Integrator.Sink sink = sinks.apply(i);
            return integrator.run(sde, x0, t0, dt, steps, new GaussianIncrements(m, s), saveAt, sink != null ? sink : (t, x) -> { });
        }, consumer);
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count = " + count + " is not allowed; it must be ≥ 0");
        }
    }

    /** The SDE as a lock-step stepper when the ensemble can use one: Euler–Maruyama, a tiled step, ≥ 2 trajectories. */
    private static LockStepEulerStep lockStep(Sde sde, Scheme scheme, int count) {
        if (count >= 2 && scheme == EulerMaruyama.INSTANCE && sde instanceof LockStepEulerStep s && s.lockStepTile() >= 2) {
            return s;
        }
        return null;
    }

    /**
     * The trajectories in groups of the SDE's tile, a group per task, each through a {@link LockStepIntegrator} with the
     * noise streams the per-trajectory path would give them; final states to {@code consumer} in index order (a
     * diverged trajectory's exception thrown when its turn comes, as on the per-trajectory path).
     */
    private void inLockStep(LockStepEulerStep sde, double[] x0, double t0, double dt, long steps, SaveAt saveAt, int count,
                            long seed, IntFunction<? extends Integrator.Sink> sinks, Consumer<double[]> consumer) {
        int tile = sde.lockStepTile();
        int m = sde.noiseDimension();
        LockStepIntegrator integrator = new LockStepIntegrator();
        int groups = (count + tile - 1) / tile;
        inOrder(groups, "trajectory group", g -> {
            int first = g * tile, size = Math.min(tile, count - first);
            double[][] x0s = new double[size][];
            NoiseStream[] noises = new NoiseStream[size];
            Integrator.Sink[] groupSinks = new Integrator.Sink[size];
            for (int q = 0; q < size; q++) {
                x0s[q] = x0;
                noises[q] = new GaussianIncrements(m, trajectorySeed(seed, first + q));
                groupSinks[q] = sinks.apply(first + q);
            }
            return integrator.run(sde, x0s, t0, dt, steps, noises, saveAt, groupSinks);
        }, (g, outcomes) -> {
            for (int q = 0; q < outcomes.length; q++) consumer.accept(g * tile + q, outcomes[q].orThrow());
        });
    }

    /** The final states of {@code count} trajectories, row-major {@code count × d}, in index order; nothing recorded. */
    public double[] finalStates(Sde sde, Scheme scheme, double[] x0, double t0, double dt, long steps, int count, long seed) {
        return run(sde, scheme, x0, t0, dt, steps, new SaveAt(1, false), count, seed, i -> null);
    }

    private static <R> R await(Future<R> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("ensemble interrupted while waiting for " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + " failed", cause);
        }
    }
}
