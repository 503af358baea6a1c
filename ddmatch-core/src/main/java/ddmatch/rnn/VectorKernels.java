package ddmatch.rnn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The tanh network kernels written with the Vector API ({@code jdk.incubator.vector}): loaded by
 * {@link SimdKernels#load} only when that module is in the boot layer, never referenced by name elsewhere.
 *
 * <p><b>tanh.</b> {@link #tanh(double)} and its vector form compute, lane by lane, the same operations:
 * {@code y = min(2|x|, 40)}; {@code y = k ln2 + r} with {@code k = round(y/ln2)} (the 1.5·2⁵² rounding constant) and
 * {@code |r| ≤ ln2/2} (Cody–Waite split of ln 2, fdlibm's constants); {@code expm1(r) = r + r² q(r)} with q the degree-11
 * Taylor polynomial (truncation ≤ r¹⁴/14! ≈ 5e-18); {@code expm1(y) = 2^k (1 + expm1 r) − 1} as one fused multiply-add
 * with 2^k built from its exponent bits; {@code tanh|x| = expm1(y)/(expm1(y) + 2)}; then the sign of x. Only
 * additions, multiplications, fused multiply-adds, one division, min and bit operations, all correctly rounded in
 * Java, so the vector lanes and the scalar tail give bit-identical values on every machine, whatever the vector width.
 * Working on |x| keeps the relative accuracy near 0 (tanh(±0) = ±0, tanh(1e-300) = 1e-300). Measured maximum
 * absolute error against {@link Math#tanh} ≤ 2.3e-16 on a dense grid of [−25, 25] (VectorKernelsTest). The vector
 * API's own {@code VectorOperators.TANH} (an SVML call on x86) was measured no faster than {@link FastTanh}'s SIMD
 * loop on JDK 17 and 25 (≈ 2.1 vs 2.0 ns per element, loaded machine), so it is not used. References: W. J. Cody and
 * W. Waite, <i>Software Manual for the Elementary Functions</i>, Prentice-Hall 1980 (argument reduction); the
 * constants of fdlibm's {@code e_exp.c} (Sun Microsystems 1993).
 *
 * <p><b>Drift.</b> For d = 3 the neurons are taken in blocks of 256: tanh of the block into scratch (L1), then its
 * read-in sums {@code a_k = Σ_j W_kj φ_j} added by fused multiply-adds into three vector accumulators (vectorised across
 * neurons, which C2 does not do for a scalar reduction); the accumulators' lanes are then added in lane order, the
 * tail neurons after them; a second pass writes {@code ((b − x) + Σ_k U_k a_k)/τ}. Other d: φ into scratch, d vector dot products, d update
 * passes. The sums therefore differ from {@link NetworkKernels}' scalar order, and their grouping depends on the
 * vector width: the vector and scalar kernels agree to rounding (≈ 1e-15 relative), not bit for bit, and results
 * may differ in the last bits between machines of different vector width. On one machine every call is
 * deterministic.
 */
final class VectorKernels implements SimdKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private static final double Y_MAX = 40.0;   // tanh(20) rounds to 1
    private static final double LOG2E = 1.4426950408889634;
    private static final double ROUND = 0x1.8p52;
    private static final double LN2_HI = 6.93147180369123816490e-01;   // fdlibm: 32 significant bits
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final long SIGN = 0x8000000000000000L;
    // q(r) = Σ_{i=0}^{11} r^i/(i+2)!, so that expm1(r) = r + r² q(r) to degree 13
    private static final double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720,
            C7 = 1.0 / 5040, C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800,
            C12 = 1.0 / 479001600, C13 = 1.0 / 6227020800.0;

    // Broadcast constants as static finals: C2 folds them, and the vector tanh stays under the JIT's inlining size
    // limit (FreqInlineSize = 325 bytecodes). Not inlined, every vector would be boxed on the heap at the call.
    private static final DoubleVector VC2 = bc(C2), VC3 = bc(C3), VC4 = bc(C4), VC5 = bc(C5), VC6 = bc(C6),
            VC7 = bc(C7), VC8 = bc(C8), VC9 = bc(C9), VC10 = bc(C10), VC11 = bc(C11), V_MLN2_HI = bc(-LN2_HI),
            V_MLN2_LO = bc(-LN2_LO);

    private final int n;
    private final int d;
    private final double invTau;
    private final double[] w;    // W, d × N row-major
    private final double[] uc;   // Uᵀ, d × N
    private final double[] b;

    VectorKernels(double[] wRows, double[] uCols, double[] b, int n, int d, double invTau) {
        this.n = n;
        this.d = d;
        this.invTau = invTau;
        this.w = wRows;
        this.uc = uCols;
        this.b = b;
    }

    @Override
    public String description() {
        return "Vector API, " + L + " × double (" + S.vectorBitSize() + " bits)";
    }

    @Override
    public int scratchLength(int batch) {
        return Math.max(n * batch + d * batch + L, BLOCK + 3 * L + 3);
    }

    @Override
    public void tanh(double[] x, double[] out, int len) {
        tanhBlock(x, 0, out, 0, len);
    }

    /** tanh x, the scalar form of the vector tanh (bit-identical to each of its lanes). */
    @Override
    public double tanh(double x) {
        return scalarTanh(x);
    }

    static double scalarTanh(double x) {
        double y = Math.min(2.0 * Math.abs(x), Y_MAX);
        double t = Math.fma(y, LOG2E, ROUND);
        double k = t - ROUND;
        double r = Math.fma(k, -LN2_HI, y);
        r = Math.fma(k, -LN2_LO, r);
        double q = Math.fma(C13, r, C12);
        q = Math.fma(q, r, C11);
        q = Math.fma(q, r, C10);
        q = Math.fma(q, r, C9);
        q = Math.fma(q, r, C8);
        q = Math.fma(q, r, C7);
        q = Math.fma(q, r, C6);
        q = Math.fma(q, r, C5);
        q = Math.fma(q, r, C4);
        q = Math.fma(q, r, C3);
        q = Math.fma(q, r, C2);
        double p = Math.fma(q, r * r, r);
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023L) << 52);
        double u = Math.fma(scale, p, scale - 1.0);
        return Math.copySign(u / (u + 2.0), x);
    }

    /**
     * {@code out[to + i] = tanh(x[from + i])} for i &lt; len: the only place the vector tanh is written. Its body is
     * inlined here by hand, and every kernel calls this method on a block instead of passing vectors to a helper:
     * C2 refuses to inline a helper whose compiled code is large ("already compiled into a big method"), and a vector
     * crossing a call that is not inlined is boxed on the heap (measured: 24 kB allocated per 1000 elements, 5× slower).
     */
    private static void tanhBlock(double[] x, int from, double[] out, int to, int len) {
        int i = 0;
        for (int bound = S.loopBound(len); i < bound; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, from + i);
            DoubleVector y = xv.abs().mul(2.0).min(Y_MAX);
            DoubleVector t = y.fma(LOG2E, ROUND);
            DoubleVector k = t.sub(ROUND);
            DoubleVector r = k.fma(V_MLN2_HI, y);
            r = k.fma(V_MLN2_LO, r);
            DoubleVector q = r.fma(C13, C12);
            q = q.fma(r, VC11);
            q = q.fma(r, VC10);
            q = q.fma(r, VC9);
            q = q.fma(r, VC8);
            q = q.fma(r, VC7);
            q = q.fma(r, VC6);
            q = q.fma(r, VC5);
            q = q.fma(r, VC4);
            q = q.fma(r, VC3);
            q = q.fma(r, VC2);
            DoubleVector p = q.fma(r.mul(r), r);
            DoubleVector scale = t.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector u = scale.fma(p, scale.sub(1.0));
            LongVector mag = u.div(u.add(2.0)).reinterpretAsLongs().and(~SIGN);
            mag.or(xv.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, to + i);
        }
        for (; i < len; i++) out[to + i] = scalarTanh(x[from + i]);
    }

    /** Sum of {@code lanes[0..L)} in lane order (deterministic, unlike {@code reduceLanes(ADD)}). */
    private static double laneSum(double[] lanes, int off) {
        double sum = 0.0;
        for (int i = 0; i < L; i++) sum += lanes[off + i];
        return sum;
    }

    /** Neurons per block of the fused passes: φ of a block goes to scratch (L1) and is read back at once. */
    private static final int BLOCK = 256;

    @Override
    public void drift(double[] x, double[] out, double[] s) {
        if (d == 3) {
            readIn3(x, null, s);
            finish3(x, out, s[BLOCK + 3 * L], s[BLOCK + 3 * L + 1], s[BLOCK + 3 * L + 2], true);
            return;
        }
        tanhBlock(x, 0, s, 0, n);
        readIn(s);
        finish(x, s, out, true);
    }

    @Override
    public void jacobianTimes(double[] x, double[] v, double[] out, double[] s) {
        if (d == 3) {
            readIn3(x, v, s);
            finish3(v, out, s[BLOCK + 3 * L], s[BLOCK + 3 * L + 1], s[BLOCK + 3 * L + 2], false);
            return;
        }
        tanhBlock(x, 0, s, 0, n);
        int j = 0;
        DoubleVector one = bc(1.0);
        for (int bound = S.loopBound(n); j < bound; j += L) {
            DoubleVector t = DoubleVector.fromArray(S, s, j);
            t.fma(t.neg(), one).mul(DoubleVector.fromArray(S, v, j)).intoArray(s, j);
        }
        for (; j < n; j++) s[j] = Math.fma(s[j], -s[j], 1.0) * v[j];
        readIn(s);
        finish(v, s, out, false);
    }

    /**
     * d = 3: the read-in sums {@code a_k = Σ_j W_kj p_j} of p = φ(x) (v null) or φ'(x) ⊙ v, block by block: φ of a
     * block into {@code s[0..BLOCK)}, then three vector fused multiply-add accumulators. Writes a_0..a_2 to
     * {@code s[BLOCK + 3L ..]}.
     */
    private void readIn3(double[] x, double[] v, double[] s) {
        final double[] w = this.w;
        final int n2 = 2 * n;
        final DoubleVector one = bc(1.0);
        // The accumulators are kept in s[BLOCK..BLOCK + 3L) between blocks: a vector live across the call to
        // tanhBlock (not inlined) would be boxed on the heap in every iteration (JDK 17).
        final int acc = BLOCK;
        java.util.Arrays.fill(s, acc, acc + 3 * L, 0.0);
        double t0 = 0, t1 = 0, t2 = 0;   // tail neurons (last block only)
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int len = Math.min(BLOCK, n - j0);
            tanhBlock(x, j0, s, 0, len);
            DoubleVector a0 = DoubleVector.fromArray(S, s, acc);
            DoubleVector a1 = DoubleVector.fromArray(S, s, acc + L);
            DoubleVector a2 = DoubleVector.fromArray(S, s, acc + 2 * L);
            int i = 0;
            final int bound = S.loopBound(len);
            // Two loops rather than a conditional vector assignment: C2 in JDK 17 boxes a vector that merges two
            // definitions (measured: 9 kB allocated per call at N = 250).
            if (v == null) {
                for (; i < bound; i += L) {
                    DoubleVector p = DoubleVector.fromArray(S, s, i);
                    a0 = p.fma(DoubleVector.fromArray(S, w, j0 + i), a0);
                    a1 = p.fma(DoubleVector.fromArray(S, w, n + j0 + i), a1);
                    a2 = p.fma(DoubleVector.fromArray(S, w, n2 + j0 + i), a2);
                }
            } else {
                for (; i < bound; i += L) {
                    DoubleVector t = DoubleVector.fromArray(S, s, i);
                    DoubleVector p = t.fma(t.neg(), one).mul(DoubleVector.fromArray(S, v, j0 + i));
                    a0 = p.fma(DoubleVector.fromArray(S, w, j0 + i), a0);
                    a1 = p.fma(DoubleVector.fromArray(S, w, n + j0 + i), a1);
                    a2 = p.fma(DoubleVector.fromArray(S, w, n2 + j0 + i), a2);
                }
            }
            a0.intoArray(s, acc);
            a1.intoArray(s, acc + L);
            a2.intoArray(s, acc + 2 * L);
            for (; i < len; i++) {
                double p = s[i];
                if (v != null) p = Math.fma(p, -p, 1.0) * v[j0 + i];
                int j = j0 + i;
                t0 = Math.fma(p, w[j], t0);
                t1 = Math.fma(p, w[n + j], t1);
                t2 = Math.fma(p, w[n2 + j], t2);
            }
        }
        int lanes = acc;
        double s0 = laneSum(s, lanes) + t0, s1 = laneSum(s, lanes + L) + t1, s2 = laneSum(s, lanes + 2 * L) + t2;
        s[BLOCK + 3 * L] = s0;
        s[BLOCK + 3 * L + 1] = s1;
        s[BLOCK + 3 * L + 2] = s2;
    }

    /** {@code out_j = (c_j − y_j + Σ_k U_jk a_k)/τ}, c = b (drift) or 0, d = 3. */
    private void finish3(double[] y, double[] out, double s0, double s1, double s2, boolean tonic) {
        final double[] u = uc;
        final int n2 = 2 * n;
        final double inv = invTau;
        DoubleVector a0 = bc(s0), a1 = bc(s1), a2 = bc(s2);
        int j = 0;
        final int bound = S.loopBound(n);
        if (tonic) {   // two loops: no vector with two definitions (see readIn3)
            for (; j < bound; j += L) {
                DoubleVector r = DoubleVector.fromArray(S, b, j).sub(DoubleVector.fromArray(S, y, j));
                r = DoubleVector.fromArray(S, u, j).fma(a0, r);
                r = DoubleVector.fromArray(S, u, n + j).fma(a1, r);
                r = DoubleVector.fromArray(S, u, n2 + j).fma(a2, r);
                r.mul(inv).intoArray(out, j);
            }
        } else {
            for (; j < bound; j += L) {
                DoubleVector r = DoubleVector.fromArray(S, y, j).neg();
                r = DoubleVector.fromArray(S, u, j).fma(a0, r);
                r = DoubleVector.fromArray(S, u, n + j).fma(a1, r);
                r = DoubleVector.fromArray(S, u, n2 + j).fma(a2, r);
                r.mul(inv).intoArray(out, j);
            }
        }
        for (; j < n; j++) {
            double r = tonic ? b[j] - y[j] : -y[j];
            r = Math.fma(u[j], s0, r);
            r = Math.fma(u[n + j], s1, r);
            r = Math.fma(u[n2 + j], s2, r);
            out[j] = r * inv;
        }
    }

    /** {@code s[n + k] = Σ_j W_kj s[j]} for every k: vector dot products, lanes added in order, then the tail. */
    private void readIn(double[] s) {
        final int bound = S.loopBound(n);
        final int lanes = n + d;
        for (int k = 0; k < d; k++) {
            int off = k * n;
            DoubleVector acc = DoubleVector.zero(S);
            int j = 0;
            for (; j < bound; j += L) acc = DoubleVector.fromArray(S, s, j).fma(DoubleVector.fromArray(S, w, off + j), acc);
            acc.intoArray(s, lanes);
            double sum = laneSum(s, lanes);
            for (; j < n; j++) sum = Math.fma(s[j], w[off + j], sum);
            s[n + k] = sum;
        }
    }

    /** General d: {@code out_j = (c_j − y_j + Σ_k U_jk a_k)/τ} with {@code a = s[n..n+d)}. */
    private void finish(double[] y, double[] s, double[] out, boolean tonic) {
        final int bound = S.loopBound(n);
        for (int j = 0; j < n; j++) out[j] = tonic ? b[j] - y[j] : -y[j];
        for (int k = 0; k < d; k++) {
            double ak = s[n + k];
            DoubleVector av = bc(ak);
            int off = k * n;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector.fromArray(S, uc, off + j).fma(av, DoubleVector.fromArray(S, out, j)).intoArray(out, j);
            }
            for (; j < n; j++) out[j] = Math.fma(uc[off + j], ak, out[j]);
        }
        for (int j = 0; j < n; j++) out[j] *= invTau;
    }

    @Override
    public void driftEnsemble(double[] x, int batch, double[] out, double[] s) {
        final int bound = S.loopBound(batch);
        java.util.Arrays.fill(s, 0, d * batch, 0.0);
        for (int j = 0; j < n; j++) {
            final int row = j * batch;
            tanhBlock(x, row, out, row, batch);   // φ of neuron j for every state, into out (overwritten below)
            for (int k = 0; k < d; k++) {
                double wk = w[k * n + j];
                DoubleVector wv = bc(wk);
                int a = k * batch;
                int q = 0;
                for (; q < bound; q += L) {
                    DoubleVector.fromArray(S, out, row + q).fma(wv, DoubleVector.fromArray(S, s, a + q)).intoArray(s, a + q);
                }
                for (; q < batch; q++) s[a + q] = Math.fma(out[row + q], wk, s[a + q]);
            }
        }
        final double inv = invTau;
        for (int j = 0; j < n; j++) {
            final int row = j * batch;
            final double bj = b[j];
            int q = 0;
            for (; q < bound; q += L) {
                DoubleVector r = bc(bj).sub(DoubleVector.fromArray(S, x, row + q));
                for (int k = 0; k < d; k++) r = DoubleVector.fromArray(S, s, k * batch + q).fma(bc(uc[k * n + j]), r);
                r.mul(inv).intoArray(out, row + q);
            }
            for (; q < batch; q++) {
                double r = bj - x[row + q];
                for (int k = 0; k < d; k++) r = Math.fma(uc[k * n + j], s[k * batch + q], r);
                out[row + q] = r * inv;
            }
        }
    }

    private static DoubleVector bc(double c) {
        return DoubleVector.broadcast(S, c);
    }
}
