package ddmatch.fit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gram matrix {@code G = ΦᵀΦ} of a row-major M × F feature matrix, the dominant cost of the primal ridge fit
 * (M·F²/2 multiply-adds).
 *
 * <p><b>Description.</b> A cache-blocked sum of rank-1 updates: the upper triangle of G is cut into tiles of
 * {@value #ROWS} rows × {@value #COLS} columns; for each tile, a block of {@value #DEPTH} samples is streamed and each
 * sample adds {@code Φ[m][i]·Φ[m][j..j+COLS)} to the tile's rows. The inner loop is a contiguous multiply-add that the
 * JIT compiles to SIMD instructions; the column strip of Φ for a sample block stays in the L2 cache and the tile in
 * L1. Column strips are shared among threads; every entry of G is computed by one thread in a fixed order, so the
 * result is bit-identical for any thread count.
 */
public final class GramProduct {
    static final int COLS = 256;
    static final int ROWS = 8;
    static final int DEPTH = 96;

    private GramProduct() {}

    /**
     * Writes {@code ΦᵀΦ} (F × F, row-major, both triangles) into {@code g}.
     *
     * @param phi     Φ, row-major M × F
     * @param threads worker threads (≥ 1); 1 computes on the calling thread
     */
    public static void compute(double[] phi, int m, int f, double[] g, int threads) {
        if (phi.length < (long) m * f || g.length < (long) f * f) {
            throw new IllegalArgumentException("Gram product: Φ has " + phi.length + " entries for " + m + " × " + f
                    + " and G has " + g.length + " for " + f + " × " + f);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is not allowed; it must be ≥ 1");
        }
        java.util.Arrays.fill(g, 0, f * f, 0.0);
        int strips = (f + COLS - 1) / COLS;
        if (threads == 1 || strips == 1) {
            for (int s = 0; s < strips; s++) {
                strip(phi, m, f, g, s);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, strips), r -> {
                Thread t = new Thread(r, "ddmatch-gram");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> work = new ArrayList<>();
                // Later strips hold more of the upper triangle: submit them first for balance.
                for (int s = strips - 1; s >= 0; s--) {
                    final int strip = s;
                    work.add(pool.submit(() -> strip(phi, m, f, g, strip)));
                }
                for (Future<?> w : work) {
                    w.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("Gram product interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("Gram product failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        // Mirror the upper triangle into the lower one.
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < i; j++) {
                g[i * f + j] = g[j * f + i];
            }
        }
    }

    /** Accumulates the upper-triangle entries of the column strip {@code [s·COLS, (s+1)·COLS)}. */
    private static void strip(double[] phi, int m, int f, double[] g, int s) {
        int j0 = s * COLS;
        int j1 = Math.min(f, j0 + COLS);
        for (int m0 = 0; m0 < m; m0 += DEPTH) {
            int m1 = Math.min(m, m0 + DEPTH);
            for (int i0 = 0; i0 < j1; i0 += ROWS) {
                int i1 = Math.min(j1, i0 + ROWS);
                // The sample loop is outside the row loop so that the sample's strip of Φ (≤ 2 KiB) is reused
                // from L1 by the ROWS rows of the tile.
                for (int r = m0; r < m1; r++) {
                    int base = r * f;
                    for (int i = i0; i < i1; i++) {
                        double a = phi[base + i];
                        // Row i of the tile needs only columns j ≥ i (upper triangle).
                        int jStart = Math.max(j0, i);
                        axpy(a, phi, base + jStart, g, i * f + jStart, j1 - jStart);
                    }
                }
            }
        }
    }

    private static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int len) {
        for (int k = 0; k < len; k++) {
            y[yOff + k] += a * x[xOff + k];
        }
    }
}
