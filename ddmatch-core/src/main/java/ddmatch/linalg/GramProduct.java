package ddmatch.linalg;

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
 * <p><b>Description.</b> The upper triangle is cut into column strips of {@value #COLS} columns (one task each), and
 * the strips are shared among threads; every entry of G is computed by one thread in a fixed order, so the result is
 * bit-identical for any thread count. Within a strip, one of two kernels runs:
 * <ul>
 *   <li>the Vector API kernel ({@code VectorGram}, through {@link SimdGram#load}) when the JVM has the module
 *       {@code jdk.incubator.vector} (as the launcher and the tests start it), {@code -Dddmatch.kernel=scalar} is
 *       not set and the product is large enough ({@link #VECTOR_MIN_MULTIPLY_ADDS}): 4 × 2L register tiles, each
 *       entry one chain of fused multiply-adds over the samples in increasing order, the same bits for every vector
 *       width;</li>
 *   <li>otherwise the scalar kernel ({@link #computeScalar}): for each block of {@value #DEPTH} samples, a 4 × 4
 *       register-blocked micro-kernel over packed 4-column panels, each entry the naive left-to-right sum of separately
 *       rounded products, bit for bit.</li>
 * </ul>
 * The two differ in the last bits (relative differences of order M·u, u = 2⁻⁵³). On the 2-core Zen 4 development
 * machine (AVX-512) at F = 1000, M = 5000, once compiled, the vector kernel took 0.12–0.24 s against 0.64–0.91 s for
 * the scalar one (JDK 17 and 25, loaded machine); the first product of a JVM costs about as much with either kernel
 * (≈ 0.4 s), the Vector API's class initialisation and its interpreted and C1-compiled code (where every vector
 * operation allocates) eating the gain until C2 has compiled the tile kernel (BENCHMARKS.md §000, "Fit, pure-Java
 * path").
 */
public final class GramProduct {
    static final int COLS = 256;
    static final int ROWS = 8;
    static final int DEPTH = 64;

    private GramProduct() {}

    /**
     * Writes {@code ΦᵀΦ} into {@code g} with the fastest backend available: the native BLAS when one was loaded
     * ({@link NativeBlas}), else {@link #compute}. Results of the two backends differ in the last bits.
     *
     * @return true if the native BLAS was used
     */
    public static boolean computeFastest(double[] phi, int m, int f, double[] g, int threads) {
        if (phi.length < (long) m * f || g.length < (long) f * f) {
            throw new IllegalArgumentException("Gram product: Φ has " + phi.length + " entries for " + m + " × " + f
                    + " and G has " + g.length + " for " + f + " × " + f);
        }
        if (m > 0 && f > 0 && NativeBlas.gram(phi, m, f, g)) {
            return true;
        }
        compute(phi, m, f, g, threads);
        return false;
    }

    /**
     * Writes {@code ΦᵀΦ} (F × F, row-major, both triangles) into {@code g} with the pure-Java kernels: the Vector API
     * one when available and the product has at least {@value #VECTOR_MIN_MULTIPLY_ADDS} multiply-adds (M·F²/2),
     * else the scalar one (see the class comment). The choice depends on the sizes only, never on timing, so the same
     * inputs always give the same bits.
     *
     * @param phi     Φ, row-major M × F
     * @param threads worker threads (≥ 1); 1 computes on the calling thread
     */
    public static void compute(double[] phi, int m, int f, double[] g, int threads) {
        if (!usesVector(m, f) || !computeVector(phi, m, f, g, threads)) {
            computeScalar(phi, m, f, g, threads);
        }
    }

    /**
     * Products below this many multiply-adds use the scalar kernel even when the Vector API is available. Measured
     * in new JVMs (the usual case: one {@code ddmatch train} per JVM) on the 2-core development machine: the vector
     * kernel's one-off cost — the Vector API's class initialisation and its interpreted and C1-compiled code, in which
     * every vector operation allocates, until C2 has compiled the tile kernel — made the first product as slow as the
     * scalar one at F = 1000, M = 5000 (2.5e9 multiply-adds, ≈ 0.35–0.43 s both) and made Lorenz N = 1000 fits with
     * M = 1000 (5e8) slower, 0.99–1.68 s against 0.93–1.34 s (BENCHMARKS.md §000, "Fit, pure-Java path"). At 2.5e9 the
     * two kernels cost the same in a new JVM; as the vector kernel's one-off cost is fixed, larger products should gain
     * (not measured), and once compiled it is 4–5× faster.
     */
    static final double VECTOR_MIN_MULTIPLY_ADDS = 2e9;

    /** Whether {@link #compute} uses the Vector API kernel for an M × F feature matrix in this JVM. */
    static boolean usesVector(int m, int f) {
        return (double) m * f * f / 2 >= VECTOR_MIN_MULTIPLY_ADDS && SimdGram.load() != null;
    }

    /**
     * {@link #compute} with the Vector API kernel whatever the size; returns false (and writes nothing) when that
     * kernel is not available in this JVM.
     */
    static boolean computeVector(double[] phi, int m, int f, double[] g, int threads) {
        SimdGram simd = SimdGram.load();
        if (simd == null) {
            return false;
        }
        run(phi, m, f, g, threads, s -> simd.strip(phi, m, f, g, s * COLS, Math.min(f, (s + 1) * COLS)));
        return true;
    }

    /** {@link #compute} with the scalar kernel, whatever the JVM offers. */
    static void computeScalar(double[] phi, int m, int f, double[] g, int threads) {
        run(phi, m, f, g, threads, s -> strip(phi, m, f, g, s));
    }

    /** The vector kernel's description, or "scalar" when the Vector API is not available. */
    static String kernel() {
        SimdGram simd = SimdGram.load();
        return simd == null ? "scalar" : simd.description();
    }

    /** Validates, zeroes G, runs {@code strip} for every column strip (on {@code threads} threads), mirrors. */
    private static void run(double[] phi, int m, int f, double[] g, int threads, java.util.function.IntConsumer strip) {
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
                strip.accept(s);
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
                    final int one = s;
                    work.add(pool.submit(() -> strip.accept(one)));
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

    /**
     * Accumulates the upper-triangle entries of the column strip {@code [s·COLS, (s+1)·COLS)}: for each block of
     * {@value #DEPTH} samples, columns {@code [0, j1)} of Φ are packed into panels of 4 columns ({@code panel[c][m][0..3]}
     * contiguous), and every 4 × 4 block of G in the strip's upper part is accumulated in 16 local variables over the
     * block's samples (register blocking: 8 loads per 16 multiply-adds instead of 2 loads and a store per one).
     * Each entry adds its samples in increasing order, starting from its value after the previous block, which is
     * the order of the naive sum: the result equals {@code Σ_m Φ[m][i]Φ[m][j]} summed left to right, bit for bit.
     */
    private static void strip(double[] phi, int m, int f, double[] g, int s) {
        int j0 = s * COLS;
        int j1 = Math.min(f, j0 + COLS);
        int groups = (j1 + 3) / 4;
        double[] panel = new double[groups * DEPTH * 4];
        for (int m0 = 0; m0 < m; m0 += DEPTH) {
            int depth = Math.min(m, m0 + DEPTH) - m0;
            pack(phi, f, m0, depth, j1, panel);
            for (int i0 = 0; i0 < j1; i0 += 4) {
                // Column blocks start at the 4-aligned block holding max(i0, j0): blocks left of the diagonal are
                // skipped; the few below-diagonal entries computed in the diagonal block are overwritten by the mirror.
                for (int jb = Math.max(i0, j0) & ~3; jb < j1; jb += 4) {
                    block(panel, depth, i0, jb, f, j1, g);
                }
            }
        }
    }

    /** {@code panel[(c/4)·depth·4 + r·4 + c%4] = Φ[m0 + r][c]} for c &lt; j1 (zero-padded to a multiple of 4). */
    private static void pack(double[] phi, int f, int m0, int depth, int j1, double[] panel) {
        int groups = (j1 + 3) / 4;
        for (int r = 0; r < depth; r++) {
            int src = (m0 + r) * f;
            for (int c4 = 0; c4 < groups; c4++) {
                int dst = (c4 * depth + r) * 4;
                int c = c4 * 4;
                panel[dst] = phi[src + c];
                panel[dst + 1] = c + 1 < j1 ? phi[src + c + 1] : 0.0;
                panel[dst + 2] = c + 2 < j1 ? phi[src + c + 2] : 0.0;
                panel[dst + 3] = c + 3 < j1 ? phi[src + c + 3] : 0.0;
            }
        }
    }

    /** G[i0..i0+4)[jb..jb+4) += Σ_r panel(i)·panel(j) over the block's samples, clipped to f and j1. */
    private static void block(double[] panel, int depth, int i0, int jb, int f, int j1, double[] g) {
        int pi = (i0 / 4) * depth * 4;
        int pj = (jb / 4) * depth * 4;
        int rows = Math.min(4, f - i0);
        int cols = Math.min(4, j1 - jb);
        double g00 = 0, g01 = 0, g02 = 0, g03 = 0, g10 = 0, g11 = 0, g12 = 0, g13 = 0;
        double g20 = 0, g21 = 0, g22 = 0, g23 = 0, g30 = 0, g31 = 0, g32 = 0, g33 = 0;
        boolean full = rows == 4 && cols == 4;
        if (full) {
            int r0 = i0 * f + jb, r1 = r0 + f, r2 = r1 + f, r3 = r2 + f;
            g00 = g[r0]; g01 = g[r0 + 1]; g02 = g[r0 + 2]; g03 = g[r0 + 3];
            g10 = g[r1]; g11 = g[r1 + 1]; g12 = g[r1 + 2]; g13 = g[r1 + 3];
            g20 = g[r2]; g21 = g[r2 + 1]; g22 = g[r2 + 2]; g23 = g[r2 + 3];
            g30 = g[r3]; g31 = g[r3 + 1]; g32 = g[r3 + 2]; g33 = g[r3 + 3];
        } else {
            double[] t = new double[16];
            for (int a = 0; a < rows; a++) {
                for (int c = 0; c < cols; c++) t[a * 4 + c] = g[(i0 + a) * f + jb + c];
            }
            g00 = t[0]; g01 = t[1]; g02 = t[2]; g03 = t[3];
            g10 = t[4]; g11 = t[5]; g12 = t[6]; g13 = t[7];
            g20 = t[8]; g21 = t[9]; g22 = t[10]; g23 = t[11];
            g30 = t[12]; g31 = t[13]; g32 = t[14]; g33 = t[15];
        }
        for (int r = 0; r < depth; r++) {
            int a = pi + 4 * r, b = pj + 4 * r;
            double x0 = panel[a], x1 = panel[a + 1], x2 = panel[a + 2], x3 = panel[a + 3];
            double y0 = panel[b], y1 = panel[b + 1], y2 = panel[b + 2], y3 = panel[b + 3];
            g00 += x0 * y0; g01 += x0 * y1; g02 += x0 * y2; g03 += x0 * y3;
            g10 += x1 * y0; g11 += x1 * y1; g12 += x1 * y2; g13 += x1 * y3;
            g20 += x2 * y0; g21 += x2 * y1; g22 += x2 * y2; g23 += x2 * y3;
            g30 += x3 * y0; g31 += x3 * y1; g32 += x3 * y2; g33 += x3 * y3;
        }
        if (full) {
            int r0 = i0 * f + jb, r1 = r0 + f, r2 = r1 + f, r3 = r2 + f;
            g[r0] = g00; g[r0 + 1] = g01; g[r0 + 2] = g02; g[r0 + 3] = g03;
            g[r1] = g10; g[r1 + 1] = g11; g[r1 + 2] = g12; g[r1 + 3] = g13;
            g[r2] = g20; g[r2 + 1] = g21; g[r2 + 2] = g22; g[r2 + 3] = g23;
            g[r3] = g30; g[r3 + 1] = g31; g[r3 + 2] = g32; g[r3 + 3] = g33;
        } else {
            double[] t = {g00, g01, g02, g03, g10, g11, g12, g13, g20, g21, g22, g23, g30, g31, g32, g33};
            for (int a = 0; a < rows; a++) {
                for (int c = 0; c < cols; c++) g[(i0 + a) * f + jb + c] = t[a * 4 + c];
            }
        }
    }
}
