package ddmatch.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The column-strip kernel of {@link GramProduct} written with the Vector API ({@code jdk.incubator.vector}): loaded by
 * {@link SimdGram#load} only when that module is in the boot layer, never referenced by name elsewhere.
 *
 * <p><b>Description.</b> A register-blocked symmetric rank-k update in the manner of GotoBLAS (K. Goto and R. A. van de
 * Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), 12, 2008): for each block of
 * {@value #DEPTH} samples, columns {@code [0, j1)} of Φ are packed into panels {@value #PANEL_VECTORS} vectors wide
 * (T = 2L columns, L the lanes of the preferred species; zero-padded past j1), and each 4 × T tile of G in the strip's
 * upper part is accumulated in 8 vector registers: per sample, two vector loads of the tile's columns, four broadcasts
 * of the tile's rows and eight fused multiply-adds. Vectorising across columns (not across samples) means that each
 * lane is one entry of G, whose sum over the samples is one chain of fused multiply-adds in increasing sample order,
 * continued from block to block through G: every entry equals {@code acc = fma(Φ[m][i], Φ[m][j], acc)} over m = 0, 1,
 * …, bit for bit, whatever the vector width, the block sizes or the thread count. It differs from the scalar kernel's
 * separately rounded multiply-add in the last bits (relative differences of order M·u).
 *
 * <p>Tiles cut by the edge of the strip or of the matrix go through a small buffer, so the kernel never needs a mask
 * (masked vector loads are slow on JDK 17). Vectors never cross a call: the tile kernel holds all of them, as a vector
 * passed to a method that C2 does not inline is boxed on the heap (see {@code ddmatch.rnn.VectorKernels}).
 */
final class VectorGram implements SimdGram {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Vectors per tile row, hence the panel width in columns is {@code PANEL_VECTORS·L}. */
    static final int PANEL_VECTORS = 2;
    private static final int T = PANEL_VECTORS * L;
    /** Samples per packed block: the panels of one block (≤ DEPTH·F doubles) stay in the L2 cache. */
    static final int DEPTH = 128;

    VectorGram() {
        // Four tile rows must lie in one panel: T a multiple of 4, i.e. at least two lanes (every SIMD unit has them).
        if (T % 4 != 0 || GramProduct.COLS % T != 0) {
            throw new IllegalStateException("vector Gram kernel needs 2L a multiple of 4 dividing " + GramProduct.COLS
                    + "; L = " + L);
        }
    }

    @Override
    public String description() {
        return "Vector API, " + L + " × double (" + S.vectorBitSize() + " bits)";
    }

    @Override
    public void strip(double[] phi, int m, int f, double[] g, int j0, int j1) {
        int panels = (j1 + T - 1) / T;
        double[] panel = new double[Math.min(DEPTH, m) * panels * T];
        double[] tmp = new double[4 * T];
        for (int m0 = 0; m0 < m; m0 += DEPTH) {
            int depth = Math.min(DEPTH, m - m0);
            pack(phi, f, m0, depth, j1, panels, panel);
            for (int i0 = 0; i0 < j1; i0 += 4) {
                int pi = (i0 / T) * depth * T + i0 % T;
                int rows = Math.min(4, j1 - i0);
                // Tiles start at the panel holding max(i0, j0): tiles left of the diagonal are skipped; the few
                // below-diagonal entries of the diagonal tile are overwritten by the caller's mirror.
                for (int jt = Math.max(j0, i0 - i0 % T); jt < j1; jt += T) {
                    int pj = (jt / T) * depth * T;
                    int cols = Math.min(T, j1 - jt);
                    if (rows == 4 && cols == T) {
                        tile(panel, depth, pi, pj, g, i0 * f + jt, f);
                    } else {
                        java.util.Arrays.fill(tmp, 0.0);
                        for (int a = 0; a < rows; a++) System.arraycopy(g, (i0 + a) * f + jt, tmp, a * T, cols);
                        tile(panel, depth, pi, pj, tmp, 0, T);
                        for (int a = 0; a < rows; a++) System.arraycopy(tmp, a * T, g, (i0 + a) * f + jt, cols);
                    }
                }
            }
        }
    }

    /** {@code panel[(p·depth + r)·T + c] = Φ[m0 + r][p·T + c]} for columns below j1, else 0. */
    private static void pack(double[] phi, int f, int m0, int depth, int j1, int panels, double[] panel) {
        int full = j1 / T;
        for (int r = 0; r < depth; r++) {
            int src = (m0 + r) * f;
            for (int p = 0; p < full; p++) {
                System.arraycopy(phi, src + p * T, panel, (p * depth + r) * T, T);
            }
            if (full < panels) {
                int dst = (full * depth + r) * T;
                int rest = j1 - full * T;
                System.arraycopy(phi, src + full * T, panel, dst, rest);
                java.util.Arrays.fill(panel, dst + rest, dst + T, 0.0);
            }
        }
    }

    /**
     * {@code C[a][0..T) = fma chain of panel(i0 + a)·panel(jt..jt+T)} over the block's samples, a &lt; 4, continuing
     * from C's values; C at {@code c[co + a·cs ..]}.
     */
    private static void tile(double[] p, int depth, int pi, int pj, double[] c, int co, int cs) {
        int c1 = co + cs, c2 = c1 + cs, c3 = c2 + cs;
        DoubleVector a00 = DoubleVector.fromArray(S, c, co), a01 = DoubleVector.fromArray(S, c, co + L);
        DoubleVector a10 = DoubleVector.fromArray(S, c, c1), a11 = DoubleVector.fromArray(S, c, c1 + L);
        DoubleVector a20 = DoubleVector.fromArray(S, c, c2), a21 = DoubleVector.fromArray(S, c, c2 + L);
        DoubleVector a30 = DoubleVector.fromArray(S, c, c3), a31 = DoubleVector.fromArray(S, c, c3 + L);
        for (int r = 0; r < depth; r++) {
            int x = pi + r * T, y = pj + r * T;
            DoubleVector y0 = DoubleVector.fromArray(S, p, y), y1 = DoubleVector.fromArray(S, p, y + L);
            DoubleVector b = DoubleVector.broadcast(S, p[x]);
            a00 = b.fma(y0, a00);
            a01 = b.fma(y1, a01);
            b = DoubleVector.broadcast(S, p[x + 1]);
            a10 = b.fma(y0, a10);
            a11 = b.fma(y1, a11);
            b = DoubleVector.broadcast(S, p[x + 2]);
            a20 = b.fma(y0, a20);
            a21 = b.fma(y1, a21);
            b = DoubleVector.broadcast(S, p[x + 3]);
            a30 = b.fma(y0, a30);
            a31 = b.fma(y1, a31);
        }
        a00.intoArray(c, co);
        a01.intoArray(c, co + L);
        a10.intoArray(c, c1);
        a11.intoArray(c, c1 + L);
        a20.intoArray(c, c2);
        a21.intoArray(c, c2 + L);
        a30.intoArray(c, c3);
        a31.intoArray(c, c3 + L);
    }
}
