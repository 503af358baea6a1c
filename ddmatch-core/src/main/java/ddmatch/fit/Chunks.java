package ddmatch.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs the chunks of a loop whose chunks write disjoint outputs on a few threads. Which thread runs a chunk does not
 * change what the chunk computes, so a caller that also combines the chunks' results in chunk order gets bit-identical
 * results for any thread count.
 */
final class Chunks {
    private Chunks() {}

    /**
     * Calls {@code body.accept(c)} for every c in {@code [0, chunks)}: on the calling thread when {@code threads} or
     * {@code chunks} is 1, else on {@code min(threads, chunks)} daemon threads named {@code name}; returns when all
     * are done, rethrowing the first failure.
     */
    static void run(int chunks, int threads, String name, IntConsumer body) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is not allowed; it must be ≥ 1");
        }
        if (threads == 1 || chunks <= 1) {
            for (int c = 0; c < chunks; c++) body.accept(c);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> work = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                final int one = c;
                work.add(pool.submit(() -> body.accept(one)));
            }
            for (Future<?> w : work) w.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(name + " interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(name + " failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
