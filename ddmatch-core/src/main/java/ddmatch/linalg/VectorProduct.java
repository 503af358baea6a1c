package ddmatch.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatrixProduct}'s kernel with the Vector API: loaded by {@link SimdProduct#load} only when the module
 * {@code jdk.incubator.vector} is in the boot layer, never referenced by name elsewhere.
 *
 * <p>X (batch × k) is first packed into panels of {@code P = 2L} states (L = doubles per vector): panel p holds
 * {@code X[p·P + c][κ]} at {@code scratch[from + (p·k + κ)·P + c]}, zero for padding states, so the P states' values at one κ
 * are two adjacent vectors. A tile of {@value MatrixProduct#ROWS} rows of A × one panel then runs once over κ with 8
 * accumulators in registers: per κ, two vector loads, four broadcasts of A's entries and eight fused multiply-adds.
 * The tile's accumulators are stored to the end of the scratch array and scattered from there to the row-major
 * result (4 · P writes per 8 · k fused multiply-adds).
 */
final class VectorProduct implements SimdProduct {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int P = 2 * L;

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
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            for (int p = 0; p < panels; p++) {
                tile4(a, i * k, k, s, from + p * k * P, s, tile);
                scatter(s, tile, 4, p * P, Math.min(P, batch - p * P), i, rows, out);
            }
        }
        for (; i < rows; i++) {
            for (int p = 0; p < panels; p++) {
                tile1(a, i * k, k, s, from + p * k * P, s, tile);
                scatter(s, tile, 1, p * P, Math.min(P, batch - p * P), i, rows, out);
            }
        }
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

    /** Four rows of A (from a0, stride k) × one panel: {@code t[r·P + c] = Σ_κ A[r][κ]·panel[κ][c]}. */
    private static void tile4(double[] a, int a0, int k, double[] s, int panel, double[] t, int to) {
        int a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S), c10 = DoubleVector.zero(S),
                c11 = DoubleVector.zero(S), c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S),
                c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        for (int kk = 0; kk < k; kk++) {
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

    /** One row of A × one panel (the rows left over after the 4-row tiles). */
    private static void tile1(double[] a, int a0, int k, double[] s, int panel, double[] t, int to) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = DoubleVector.zero(S);
        for (int kk = 0; kk < k; kk++) {
            int off = panel + kk * P;
            DoubleVector r = DoubleVector.broadcast(S, a[a0 + kk]);
            c0 = r.fma(DoubleVector.fromArray(S, s, off), c0);
            c1 = r.fma(DoubleVector.fromArray(S, s, off + L), c1);
        }
        c0.intoArray(t, to);
        c1.intoArray(t, to + L);
    }

    /** {@code out[(beta0 + c)·rows + i + r] = t[r·P + c]} for r &lt; nr, c &lt; states. */
    private static void scatter(double[] t, int to, int nr, int beta0, int states, int i, int rows, double[] out) {
        for (int c = 0; c < states; c++) {
            int o = (beta0 + c) * rows + i;
            for (int r = 0; r < nr; r++) out[o + r] = t[to + r * P + c];
        }
    }
}
