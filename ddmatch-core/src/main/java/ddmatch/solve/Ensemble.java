package ddmatch.solve;

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

    /** The final states of {@code count} trajectories, row-major {@code count × d}, in index order; nothing recorded. */
    public double[] finalStates(Sde sde, Scheme scheme, double[] x0, double t0, double dt, long steps, int count, long seed) {
        return run(sde, scheme, x0, t0, dt, steps, new SaveAt(1, false), count, seed, i -> (t, x) -> { });
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
