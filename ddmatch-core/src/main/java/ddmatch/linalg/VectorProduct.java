package ddmatch.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatrixProduct}'s kernel with the Vector API: loaded by {@link SimdProduct#load} only when the module
 * {@code jdk.incubator.vector} is in the boot layer, never referenced by name elsewhere.
 *
 * <p>X (batch × k) is first packed into panels of {@code P = W·L} states (L = doubles per vector): panel p holds
 * {@code X[p·P + c][κ]} at {@code scratch[from + (p·k + κ)·P + c]}, zero for padding states, so the P states' values at
 * one κ are W adjacent vectors. A tile of {@value MatrixProduct#ROWS} rows of A × one panel then runs over κ with 4·W
 * accumulators in registers: per κ, W vector loads, four broadcasts of A's entries and 4·W fused multiply-adds
 * (W = 4 vectors with 512-bit vectors, 16 accumulators; 2 otherwise). For k above {@value #UNBLOCKED_MAX}, κ runs in
 * blocks so that the panels' current block stays in the L2 cache while all tiles of rows pass over it (the cache
 * blocking of Goto and van de Geijn 2008); a tile's partial sums are carried from block to block through the result,
 * so every entry is still one chain of fused multiply-adds in increasing κ. A tile's accumulators are stored to the
 * end of the scratch array and scattered from there to the row-major result (4·P writes per 4·P·k multiply-adds).
 *
 * <p>The matrix–vector product {@link #multiply} reads A once, row by row, with no packing: see its description.
 */
final class VectorProduct implements SimdProduct {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Vectors of states per tile: 4 with 512-bit vectors (16 accumulators of AVX-512's 32 registers), else 2 (8 of
     * AVX2's 16).
     */
    private static final int W = L >= 8 ? 4 : 2;
    private static final int P = W * L;
    /**
     * Inner dimensions up to this are not blocked; larger ones are cut into equal blocks of at most {@value #KC_MAX}.
     * Measured on the development machine (Zen 4, 1 MB L2; thread CPU time, loaded machine): at k = 1000 and 2000
     * one block was fastest (blocks of 256 cost 15–25 %), at k = 4000 four blocks of 1000 beat one block by ≈ 10 %.
     */
    private static final int UNBLOCKED_MAX = 2048;
    private static final int KC_MAX = 1024;

    /** Rows per block of the matrix–vector kernel {@link #multiply}. */
    private static final int MV_ROWS = 8;
    /** Per-thread lanes of a block's accumulators for {@link #multiply} (allocated once per thread). */
    private final ThreadLocal<double[]> lanes = ThreadLocal.withInitial(() -> new double[MV_ROWS * L]);

    @Override
    public String description() {
        return "Vector API, " + L + " × double (" + S.vectorBitSize() + " bits), 4 × " + P + " tiles";
    }

    @Override
    public int scratchLength(int batch, int k) {
        int panels = (batch + P - 1) / P;
        return panels * k * P + 4 * P;   // panels, then one tile's accumulators
    }

    @Override
    public void multiplyByTranspose(double[] x, int batch, int k, double[] a, int rows, double[] out, double[] s,
                                    int from) {
        int panels = (batch + P - 1) / P;
        pack(x, batch, k, s, from);
        int tile = from + panels * k * P;
        // Blocks of inner indices (for large k): a panel's block stays in the L2 cache while every tile of rows passes
        // over it; each tile's partial sums are carried from one block to the next through out.
        int blocks = k <= UNBLOCKED_MAX ? 1 : (k + KC_MAX - 1) / KC_MAX;
        int kc = (k + blocks - 1) / blocks;
        for (int k0 = 0; k0 < k; k0 += kc) {
            int k1 = Math.min(k, k0 + kc);
            boolean first = k0 == 0;
            int i = 0;
            for (; i + 4 <= rows; i += 4) {
                for (int p = 0; p < panels; p++) {
                    int states = Math.min(P, batch - p * P);
                    if (!first) {
                        gather(out, 4, p * P, states, i, rows, s, tile);
                    }
                    if (W == 4) {
                        tile4x4(a, i * k, k, k0, k1, s, from + p * k * P, s, tile, first);
                    } else {
                        tile4(a, i * k, k, k0, k1, s, from + p * k * P, s, tile, first);
                    }
                    scatter(s, tile, 4, p * P, states, i, rows, out);
                }
            }
            for (; i < rows; i++) {
                for (int p = 0; p < panels; p++) {
                    int states = Math.min(P, batch - p * P);
                    if (!first) {
                        gather(out, 1, p * P, states, i, rows, s, tile);
                    }
                    tile1(a, i * k, k, k0, k1, s, from + p * k * P, s, tile, first);
                    scatter(s, tile, 1, p * P, states, i, rows, out);
                }
            }
        }
    }

    /**
     * Two vector fused multiply-add chains (for their latency), then the remaining whole vectors on the first, the two
     * added and their lanes in lane order (not {@code reduceLanes}, whose order the JIT may choose: the same bits every
     * call), then the tail by scalar fused multiply-adds.
     */
    @Override
    public double dot(double[] a, int ao, double[] b, int bo, int len) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = DoubleVector.zero(S);
        int i = 0;
        for (; i <= len - 2 * L; i += 2 * L) {
            s0 = DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), s0);
            s1 = DoubleVector.fromArray(S, a, ao + i + L).fma(DoubleVector.fromArray(S, b, bo + i + L), s1);
        }
        for (; i <= len - L; i += L) s0 = DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), s0);
        double[] l = lanes.get();
        s0.add(s1).intoArray(l, 0);
        double sum = 0.0;
        for (int c = 0; c < L; c++) sum += l[c];
        for (; i < len; i++) sum = Math.fma(a[ao + i], b[bo + i], sum);
        return sum;
    }

    @Override
    public void subtractMultiple(double[] a, int ao, double c, double[] b, int bo, int len) {
        DoubleVector cv = DoubleVector.broadcast(S, c);
        int i = 0;
        for (; i <= len - L; i += L) {
            DoubleVector.fromArray(S, a, ao + i).sub(DoubleVector.fromArray(S, b, bo + i).mul(cv)).intoArray(a, ao + i);
        }
        for (; i < len; i++) a[ao + i] -= c * b[bo + i];
    }

    /**
     * {@code out = A x}: blocks of {@value #MV_ROWS} rows, each row's dot product on one vector FMA chain, so one step of
     * the inner loop shares one load of x among eight rows and issues eight independent fused multiply-adds (enough to
     * cover the FMA latency; 9 of AVX2's 16 vector registers); the rows left over after the blocks take the same single
     * chain one row at a time. Measured on the development machine (Zen 4, AVX-512, JDK 17, medians of 31 interleaved
     * rounds): 8 rows × 1 vector 122 µs at N = 1000 and 1.32–1.45 ms at N = 2000, against 133–136 µs and 1.49–1.72 ms
     * for 4 rows × 2 vectors and 138–144 µs and 1.88–2.04 ms for 2 rows × 4 vectors. After the loop each row's
     * accumulator is stored to a per-thread array of 8·L entries and its L lanes added in lane order (not
     * {@code reduceLanes}, whose order is unspecified); the last {@code k mod L} columns then follow as scalar fused
     * multiply-adds in increasing column order. So each row is summed the same way wherever it falls, and no vector
     * value crosses a call or a branch (the JDK 17 pitfalls of {@code ddmatch.rnn.VectorKernels}): the loop
     * allocates nothing.
     */
    @Override
    public void multiply(double[] a, int rows, int k, double[] x, double[] out) {
        double[] t = lanes.get();
        int kv = k - k % L;   // columns covered by whole vectors
        int i = 0;
        for (; i + MV_ROWS <= rows; i += MV_ROWS) {
            int a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, a4 = a3 + k, a5 = a4 + k, a6 = a5 + k, a7 = a6 + k;
            DoubleVector p0 = DoubleVector.zero(S), p1 = DoubleVector.zero(S), p2 = DoubleVector.zero(S),
                    p3 = DoubleVector.zero(S), p4 = DoubleVector.zero(S), p5 = DoubleVector.zero(S),
                    p6 = DoubleVector.zero(S), p7 = DoubleVector.zero(S);
            for (int c = 0; c < kv; c += L) {
                DoubleVector y = DoubleVector.fromArray(S, x, c);
                p0 = DoubleVector.fromArray(S, a, a0 + c).fma(y, p0);
                p1 = DoubleVector.fromArray(S, a, a1 + c).fma(y, p1);
                p2 = DoubleVector.fromArray(S, a, a2 + c).fma(y, p2);
                p3 = DoubleVector.fromArray(S, a, a3 + c).fma(y, p3);
                p4 = DoubleVector.fromArray(S, a, a4 + c).fma(y, p4);
                p5 = DoubleVector.fromArray(S, a, a5 + c).fma(y, p5);
                p6 = DoubleVector.fromArray(S, a, a6 + c).fma(y, p6);
                p7 = DoubleVector.fromArray(S, a, a7 + c).fma(y, p7);
            }
            p0.intoArray(t, 0);
            p1.intoArray(t, L);
            p2.intoArray(t, 2 * L);
            p3.intoArray(t, 3 * L);
            p4.intoArray(t, 4 * L);
            p5.intoArray(t, 5 * L);
            p6.intoArray(t, 6 * L);
            p7.intoArray(t, 7 * L);
            for (int r = 0; r < MV_ROWS; r++) out[i + r] = tail(a, a0 + r * k, x, kv, k, laneSum(t, r * L));
        }
        for (; i < rows; i++) {
            int a0 = i * k;
            DoubleVector p0 = DoubleVector.zero(S);
            for (int c = 0; c < kv; c += L) {
                p0 = DoubleVector.fromArray(S, a, a0 + c).fma(DoubleVector.fromArray(S, x, c), p0);
            }
            p0.intoArray(t, 0);
            out[i] = tail(a, a0, x, kv, k, laneSum(t, 0));
        }
    }

    /** {@code t[off] + t[off + 1] + … + t[off + L − 1]}, left to right. */
    private static double laneSum(double[] t, int off) {
        double s = 0;
        for (int l = 0; l < L; l++) s += t[off + l];
        return s;
    }

    /** {@code s} plus {@code A[row][c]·x[c]} for c in [from, k), one fused multiply-add at a time in increasing c. */
    private static double tail(double[] a, int row, double[] x, int from, int k, double s) {
        for (int c = from; c < k; c++) s = Math.fma(a[row + c], x[c], s);
        return s;
    }

    /** {@code s[from + (p·k + κ)·P + c] = x[(p·P + c)·k + κ]}, zeros for c beyond the batch. */
    private static void pack(double[] x, int batch, int k, double[] s, int from) {
        int panels = (batch + P - 1) / P;
        for (int p = 0; p < panels; p++) {
            int base = from + p * k * P;
            for (int c = 0; c < P; c++) {
                int beta = p * P + c;
                if (beta < batch) {
                    int src = beta * k;
                    for (int kk = 0; kk < k; kk++) s[base + kk * P + c] = x[src + kk];
                } else {
                    for (int kk = 0; kk < k; kk++) s[base + kk * P + c] = 0.0;
                }
            }
        }
    }

    /** Four rows of A (from a0, stride k) × one panel of two vectors (W = 2): {@code t[r·P + c] = Σ_κ A[r][κ]·panel[κ][c]}. */
    private static void tile4(double[] a, int a0, int k, int k0, int k1, double[] s, int panel, double[] t, int to,
                              boolean first) {
        int a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        DoubleVector c00 = init(t, to, first), c01 = init(t, to + L, first), c10 = init(t, to + P, first),
                c11 = init(t, to + P + L, first), c20 = init(t, to + 2 * P, first), c21 = init(t, to + 2 * P + L, first),
                c30 = init(t, to + 3 * P, first), c31 = init(t, to + 3 * P + L, first);
        for (int kk = k0; kk < k1; kk++) {
            int off = panel + kk * P;
            DoubleVector y0 = DoubleVector.fromArray(S, s, off);
            DoubleVector y1 = DoubleVector.fromArray(S, s, off + L);
            DoubleVector r = DoubleVector.broadcast(S, a[a0 + kk]);
            c00 = r.fma(y0, c00);
            c01 = r.fma(y1, c01);
            r = DoubleVector.broadcast(S, a[a1 + kk]);
            c10 = r.fma(y0, c10);
            c11 = r.fma(y1, c11);
            r = DoubleVector.broadcast(S, a[a2 + kk]);
            c20 = r.fma(y0, c20);
            c21 = r.fma(y1, c21);
            r = DoubleVector.broadcast(S, a[a3 + kk]);
            c30 = r.fma(y0, c30);
            c31 = r.fma(y1, c31);
        }
        c00.intoArray(t, to);
        c01.intoArray(t, to + L);
        c10.intoArray(t, to + P);
        c11.intoArray(t, to + P + L);
        c20.intoArray(t, to + 2 * P);
        c21.intoArray(t, to + 2 * P + L);
        c30.intoArray(t, to + 3 * P);
        c31.intoArray(t, to + 3 * P + L);
    }

    /** Four rows of A × one panel of four vectors (W = 4): 16 accumulators. */
    private static void tile4x4(double[] a, int a0, int k, int k0, int k1, double[] s, int panel, double[] t, int to,
                                boolean first) {
        int a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        DoubleVector c00 = init(t, to, first), c01 = init(t, to + L, first), c02 = init(t, to + 2 * L, first),
                c03 = init(t, to + 3 * L, first), c10 = init(t, to + P, first), c11 = init(t, to + P + L, first),
                c12 = init(t, to + P + 2 * L, first), c13 = init(t, to + P + 3 * L, first),
                c20 = init(t, to + 2 * P, first), c21 = init(t, to + 2 * P + L, first),
                c22 = init(t, to + 2 * P + 2 * L, first), c23 = init(t, to + 2 * P + 3 * L, first),
                c30 = init(t, to + 3 * P, first), c31 = init(t, to + 3 * P + L, first),
                c32 = init(t, to + 3 * P + 2 * L, first), c33 = init(t, to + 3 * P + 3 * L, first);
        for (int kk = k0; kk < k1; kk++) {
            int off = panel + kk * P;
            DoubleVector y0 = DoubleVector.fromArray(S, s, off);
            DoubleVector y1 = DoubleVector.fromArray(S, s, off + L);
            DoubleVector y2 = DoubleVector.fromArray(S, s, off + 2 * L);
            DoubleVector y3 = DoubleVector.fromArray(S, s, off + 3 * L);
            DoubleVector r = DoubleVector.broadcast(S, a[a0 + kk]);
            c00 = r.fma(y0, c00);
            c01 = r.fma(y1, c01);
            c02 = r.fma(y2, c02);
            c03 = r.fma(y3, c03);
            r = DoubleVector.broadcast(S, a[a1 + kk]);
            c10 = r.fma(y0, c10);
            c11 = r.fma(y1, c11);
            c12 = r.fma(y2, c12);
            c13 = r.fma(y3, c13);
            r = DoubleVector.broadcast(S, a[a2 + kk]);
            c20 = r.fma(y0, c20);
            c21 = r.fma(y1, c21);
            c22 = r.fma(y2, c22);
            c23 = r.fma(y3, c23);
            r = DoubleVector.broadcast(S, a[a3 + kk]);
            c30 = r.fma(y0, c30);
            c31 = r.fma(y1, c31);
            c32 = r.fma(y2, c32);
            c33 = r.fma(y3, c33);
        }
        c00.intoArray(t, to);
        c01.intoArray(t, to + L);
        c02.intoArray(t, to + 2 * L);
        c03.intoArray(t, to + 3 * L);
        c10.intoArray(t, to + P);
        c11.intoArray(t, to + P + L);
        c12.intoArray(t, to + P + 2 * L);
        c13.intoArray(t, to + P + 3 * L);
        c20.intoArray(t, to + 2 * P);
        c21.intoArray(t, to + 2 * P + L);
        c22.intoArray(t, to + 2 * P + 2 * L);
        c23.intoArray(t, to + 2 * P + 3 * L);
        c30.intoArray(t, to + 3 * P);
        c31.intoArray(t, to + 3 * P + L);
        c32.intoArray(t, to + 3 * P + 2 * L);
        c33.intoArray(t, to + 3 * P + 3 * L);
    }

    /** One row of A × one panel (the rows left over after the 4-row tiles), one vector of states at a time. */
    private static void tile1(double[] a, int a0, int k, int k0, int k1, double[] s, int panel, double[] t, int to,
                              boolean first) {
        for (int w = 0; w < W; w++) {
            DoubleVector c = init(t, to + w * L, first);
            for (int kk = k0; kk < k1; kk++) {
                c = DoubleVector.broadcast(S, a[a0 + kk]).fma(DoubleVector.fromArray(S, s, panel + kk * P + w * L), c);
            }
            c.intoArray(t, to + w * L);
        }
    }

    /** Zero for the first block of inner indices, else the partial sums of the previous blocks from {@code t}. */
    private static DoubleVector init(double[] t, int at, boolean first) {
        return first ? DoubleVector.zero(S) : DoubleVector.fromArray(S, t, at);
    }

    /** {@code t[r·P + c] = out[(beta0 + c)·rows + i + r]} for r &lt; nr, c &lt; states; zero in padding lanes. */
    private static void gather(double[] out, int nr, int beta0, int states, int i, int rows, double[] t, int to) {
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < P; c++) t[to + r * P + c] = c < states ? out[(beta0 + c) * rows + i + r] : 0.0;
        }
    }

    /** {@code out[(beta0 + c)·rows + i + r] = t[r·P + c]} for r &lt; nr, c &lt; states. */
    private static void scatter(double[] t, int to, int nr, int beta0, int states, int i, int rows, double[] out) {
        for (int c = 0; c < states; c++) {
            int o = (beta0 + c) * rows + i;
            for (int r = 0; r < nr; r++) out[o + r] = t[to + r * P + c];
        }
    }
}
