package ddmatch.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs independent computations side by side on {@link Parallelism#threads()} threads and returns their results in the
 * order given, so that what is assembled from them does not depend on which finished first: one network size of one
 * flow or one whole scenario of {@code reproduce all}, the Lyapunov spectra of {@code ddmatch analyze} beside its
 * simulations.
 *
 * <p>Each computation draws from its own seeds and shares no mutable state, so its numbers are those of a serial run,
 * bit for bit: parallelism changes the wall time only. Most of such work is one long simulation of a full network at a
 * time (single-threaded), so running computations side by side is what uses a second core. Calls nest: a computation
 * that itself calls {@link #run} (the chaotic scenario inside {@code reproduce all}) forks into the same pool, and a
 * waiting thread helps with queued work (work stealing) rather than blocking a core.
 */
public final class IndependentTasks {
    private IndependentTasks() {}

    /**
     * Runs {@code tasks} and returns their results in the same order.
     *
     * @throws RuntimeException the first failure (in list order) of any task, unchecked exceptions as they were thrown
     */
    public static <T> List<T> run(List<? extends Callable<T>> tasks) {
        if (tasks.size() <= 1 || Parallelism.threads() <= 1) {
            List<T> out = new ArrayList<>(tasks.size());
            for (Callable<T> t : tasks) out.add(call(t));
            return out;
        }
        List<ForkJoinTask<T>> forks = new ArrayList<>(tasks.size());
        for (Callable<T> t : tasks) forks.add(ForkJoinTask.adapt(() -> call(t)));
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() != ForkJoinPool.commonPool()) {
            ForkJoinTask.invokeAll(forks);
        } else {
            ForkJoinPool pool = new ForkJoinPool(Parallelism.threads());
            try {
                pool.submit(() -> ForkJoinTask.invokeAll(forks)).join();
            } finally {
                pool.shutdown();
            }
        }
        List<T> out = new ArrayList<>(forks.size());
        for (ForkJoinTask<T> f : forks) out.add(f.join());
        return out;
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
