package ddmatch.rnn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The tanh network kernels written with the Vector API ({@code jdk.incubator.vector}): loaded by
 * {@link SimdKernels#load} only when that module is in the boot layer, never referenced by name elsewhere.
 *
 * <p><b>tanh.</b> {@link #tanh(double)} and its vector form compute, lane by lane, the same operations: lanes with
 * {@code |x| > 20} give ±1 (tanh(20) rounds to 1; this also covers ±∞, while NaN fails the comparison and propagates);
 * {@code y = 2|x| = k·s + r} with {@code k = round(y/s)} (the 1.5·2⁵² rounding constant) and {@code |r| ≤ s/2}, reduced
 * in one fused multiply-add on |x| with s/2 rounded to double, {@code r/2 = |x| − k·s/2}, then doubled exactly; {@code
 * expm1(r) = r + r² q(r)} with q a Chebyshev approximation of {@code (expm1 r − r)/r²} on that interval (coefficients
 * from {@code bench/tanh_coefficients.py}); {@code e^y = S·(1 + expm1 r)}; {@code expm1(y) = S(1 + expm1 r) − 1} as one
 * fused multiply-add; {@code tanh|x| = expm1(y)/(expm1(y) + 2)} (≥ +0); then the sign of x. Two forms, one per JVM
 * ({@link SimdKernels#TANH_TABLE_PROPERTY}; a constant, so C2 compiles only one): <i>the table form</i>, taken by
 * default on JDK 25 and later with 8 lanes or more (AVX-512, wide SVE): s = ln2/8 and S = 2^K·2^(j/8) for k = 8K + j,
 * 2^(j/8) from a table of eight doubles by one lane permute and 2^K added to its exponent bits by an integer addition;
 * q of degree 5 on |r| ≤ ln2/16 (relative error of expm1 ≤ 2.3e-16), evaluated as {@code (Q0 + Q1 r) + r²((Q2 + Q3 r) +
 * r²(Q4 + Q5 r))}. <i>The form without a table</i>, everywhere else: s = ln 2 and S = 2^k built from its exponent bits;
 * q of degree 9 on |r| ≤ ln2/2 (≤ 4.1e-17) in Estrin's scheme (pairs {@code Q_i + Q_{i+1} r} combined with r² and r⁴).
 * The rounding of the constant s/2 moves r by at most k·2.9e-18 ≤ 1.4e-15 at k = 462 (table form) and k·2.3e-17 ≤
 * 1.4e-15 at k = 58, where tanh is 1 to within 1e-17, so no Cody–Waite second constant is needed. The table form issues
 * 10 multiply-class operations per vector instead of 15, and the two FMA pipes are these kernels' tightest resource: on
 * AVX-512 it made JDK 25's batch step 5–10 % faster, but JDK 17's 4–6 % slower; with 4 lanes the permute must span two
 * vectors, and JDK 17's step was 20–25 % slower (BENCHMARKS.md, "A table of 2^(j/8) in the tanh"), hence the two forms.
 * Only additions, multiplications, fused multiply-adds, one division, comparisons, a lane permute and bit operations,
 * all exact or correctly rounded in Java, so the vector lanes and the scalar tail give bit-identical values, on every
 * machine of the same vector width and form (like the sums, whose grouping depends on the width). The clamp is a
 * comparison and a blend rather than {@code min}: Java's {@code min} (NaN and signed-zero rules) compiles to several
 * instructions per vector. Working on |x| keeps the relative accuracy near 0 (tanh(±0) = ±0, tanh(1e-300) = 1e-300).
 * Measured against {@link Math#tanh}, either form: maximum absolute error 2.2e-16 (JDK 25) / 3.3e-16 (JDK 17, whose
 * Math.tanh differs) on 2·10⁷ points of [−25, 25]; maximum relative error on (1e-300, 0.35) 4.8e-16 without the table
 * and 1.2e-15 with it, reached near |x| ≈ 0.02 where the table's rounding (1.1e-16 of 2^(1/8)) is divided by a result
 * of 0.05. The vector API's own {@code VectorOperators.TANH} (an SVML call on x86) was measured no faster than {@link
 * FastTanh}'s SIMD loop on JDK 17 and 25 (≈ 2.1 vs 2.0 ns per element, loaded machine), so it is not used. References:
 * W. J. Cody and W. Waite, <i>Software Manual for the Elementary Functions</i>, Prentice-Hall 1980 (argument
 * reduction); P. T. P. Tang, "Table-driven implementation of the exponential function in IEEE floating-point
 * arithmetic", ACM Trans. Math. Softw. 15 (1989) 144–157 (the table of 2^(j/2^m)); G. Estrin, "Organization of computer
 * systems: the fixed plus variable structure computer", Proc. Western Joint IRE-AIEE-ACM Computer Conference 1960,
 * 33–40; L. N. Trefethen, <i>Approximation Theory and Approximation Practice</i>, SIAM 2013 (Chebyshev approximation).
 *
 * <p><b>Drift.</b> For d = 3 one loop evaluates tanh three vectors at a time and adds each result at once, by fused
 * multiply-adds, into three vector accumulators of the read-in sums {@code a_k = Σ_j W_kj φ_j} (vectorised across
 * neurons, which C2 does not do for a scalar reduction; the accumulations overlap the tanh's dependency chains); the
 * accumulators' lanes are then added in lane order, the tail neurons after them; a second pass writes
 * {@code ((b − x) + Σ_k U_k a_k)/τ}, or, for {@link #eulerStep}, the updated state. Other d: φ into scratch, d vector
 * dot products, d update passes; but {@link #eulerStep} for d = 1, 2 runs the d = 3 loop on W padded with zero rows and
 * then one update pass, with the general-d sums' order (1.1–1.8× faster than drift and update apart; BENCHMARKS.md
 * §0000). The Euler–Maruyama step folds the noise, which lies in U's span, into the update's fused multiply-adds on U's
 * columns: the same scheme as drift, then {@code x + f·h + G·ΔW}, equal to it up to rounding. The sums therefore differ from {@link NetworkKernels}' scalar order, and their
 * grouping depends on the vector width: the vector and scalar kernels agree to rounding (≈ 1e-15 relative), not bit
 * for bit, and results may differ in the last bits between machines of different vector width. On one machine every
 * call is deterministic.
 *
 * <p><b>Fused forms.</b> {@link #driftAndTangents} (one RK4 stage of the Lyapunov spectrum) evaluates tanh once, takes
 * φ' = 1 − φ² from it, and forms the drift's and each tangent column's three read-in sums in one sweep of three vector
 * accumulators each. {@link #driftBatch} works on tiles of four states sharing every vector load of W and U (12 vector
 * accumulators, within AVX-512's 32 registers), with the single-state lane order, so its results equal {@link #drift}'s
 * bit for bit. {@link #eulerStepBatch} steps tiles of four states (two before JDK 25) with the tanh inside the
 * read-in loop's accumulators (no φ in scratch) and the Euler update sharing each load of U and b, each state's result
 * equal to {@link #eulerStep}'s.
 */
final class VectorKernels implements SimdKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private static final double A_MAX = 20.0;   // tanh(20) rounds to 1
    private static final double ROUND = 0x1.8p52;
    private static final long SIGN = 0x8000000000000000L;
    private static final VectorSpecies<Long> SL = S.vectorShape().withLanes(long.class);

    // The table form (by default on JDK 25+ with L ≥ 8; TABLE_FORM below): 2|x| = k·ln2/8 + r. 16/ln 2 is 16 × the
    // double nearest log₂e; ln 2/16 is the double nearest ln 2 divided by 16 exactly (off by 1.4e-18).
    // q(r) ≈ (expm1(r) − r)/r² on [−ln2/16, ln2/16]: degree-5 Chebyshev (near-minimax) approximation computed in
    // 40-digit arithmetic and rounded to double by bench/tanh_coefficients.py; |expm1 error| ≤ 2.3e-16 relative there.
    private static final double Q0 = 0.5000000000000051, Q1 = 0.16666666666666724, Q2 = 0.04166666661752646,
            Q3 = 0.00833333332787334, Q4 = 0.0013889587108239542, Q5 = 0.00019842045637239258;
    // TABLE[j] = bits(2^(j/8)) − j·2^49 (j = 0 … 7): added to t's bits shifted left by 49, whose low 15 bits hold
    // k = 8K + j (k < 2^15), it gives bits(2^K · 2^(j/8)): K lands in the exponent, j·2^49 cancels. 2^(j/8) is the
    // correctly rounded Math.pow (relative error ≤ 1.1e-16).
    private static final long[] TABLE = new long[8];

    static {
        for (int j = 0; j < 8; j++) TABLE[j] = Double.doubleToRawLongBits(Math.pow(2, j / 8.0)) - ((long) j << 49);
    }

    // The form without a table (everywhere else): 2|x| = k·ln2 + r, q of degree 9 on [−ln2/2, ln2/2]
    // (|expm1 error| ≤ 4.1e-17).
    private static final double R0 = 0.5000000000000001, R1 = 0.16666666666666669, R2 = 0.041666666666624164,
            R3 = 0.008333333333330065, R4 = 0.0013888888917196719, R5 = 0.00019841269863040545,
            R6 = 2.4801521322368692e-05, R7 = 2.7557268480310024e-06, R8 = 2.7620075879983367e-07,
            R9 = 2.5100375832561234e-08;

    // This JVM's form (SimdKernels.TANH_TABLE_PROPERTY): 16/ln 2 and ln 2/16 with the table, 2/ln 2 and ln 2/2 without.
    private static final boolean TABLE_FORM = SimdKernels.tanhTable(System.getProperty(SimdKernels.TANH_TABLE_PROPERTY),
            L, Runtime.version().feature());
    private static final double INV_STEP = TABLE_FORM ? 16 * 1.4426950408889634 : 2 * 1.4426950408889634;
    private static final double STEP = TABLE_FORM ? 0.6931471805599453 / 16 : 0.5 * 0.6931471805599453;

    // Broadcast constants as static finals: C2 folds them, and the vector tanh stays under the JIT's inlining size
    // limit (FreqInlineSize = 325 bytecodes). Not inlined, every vector would be boxed on the heap at the call.
    private static final DoubleVector VQ0 = bc(Q0), VQ1 = bc(Q1), VQ2 = bc(Q2), VQ3 = bc(Q3), VQ4 = bc(Q4),
            VQ5 = bc(Q5), VR0 = bc(R0), VR1 = bc(R1), VR2 = bc(R2), VR3 = bc(R3), VR4 = bc(R4), VR5 = bc(R5),
            VR6 = bc(R6), VR7 = bc(R7), VR8 = bc(R8), VR9 = bc(R9), V_MSTEP = bc(-STEP);
    // The table in every lane position (repeated when L > 8); used only in the table form.
    private static final LongVector TABLE_LANES = tableLanes();

    private static LongVector tableLanes() {
        long[] v = new long[Math.max(L, 8)];
        for (int i = 0; i < v.length; i++) v[i] = TABLE[i & 7];
        return LongVector.fromArray(SL, v, 0);
    }

    private final int n;
    private final int d;
    private final double invTau;
    private final double[] w;    // W, d × N row-major
    private final double[] w3;   // W with zero rows up to 3 × N when d < 3 (readIn3Phi serves d = 1, 2 too); else w
    private final double[] uc;   // Uᵀ, d × N
    private final double[] b;
    private int stepTile;        // states per tile of eulerStepBatch (2 or 4), resolved at its first use; 0 until then

    VectorKernels(double[] wRows, double[] uCols, double[] b, int n, int d, double invTau) {
        this.n = n;
        this.d = d;
        this.invTau = invTau;
        this.w = wRows;
        this.w3 = d >= 3 ? wRows : java.util.Arrays.copyOf(wRows, 3 * n);
        this.uc = uCols;
        this.b = b;
    }

    @Override
    public String description() {
        return "Vector API, " + L + " × double (" + S.vectorBitSize() + " bits)" + (TABLE_FORM ? ", table tanh" : "");
    }

    @Override
    public int scratchLength() {
        return Math.max(n + d + L, BLOCK + 4 * L + 4);
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
        double a = Math.abs(x);
        if (a > A_MAX) return Math.copySign(1.0, x);   // also ±∞; NaN goes on and gives NaN
        double t = Math.fma(a, INV_STEP, ROUND);
        double k = t - ROUND;
        double h = Math.fma(k, -STEP, a);
        double r = h + h;
        double rr = r * r;
        long ti = Double.doubleToRawLongBits(t);
        double q, scale;
        if (TABLE_FORM) {
            q = Math.fma(rr, Math.fma(rr, Math.fma(r, Q5, Q4), Math.fma(r, Q3, Q2)), Math.fma(r, Q1, Q0));
            scale = Double.longBitsToDouble((ti << 49) + TABLE[(int) (ti & 7)]);
        } else {
            double r4 = rr * rr;
            double c = Math.fma(r4, Math.fma(r, R9, R8), Math.fma(rr, Math.fma(r, R7, R6), Math.fma(r, R5, R4)));
            q = Math.fma(r4, c, Math.fma(rr, Math.fma(r, R3, R2), Math.fma(r, R1, R0)));
            scale = Double.longBitsToDouble((ti + 1023L) << 52);
        }
        double p = Math.fma(q, rr, r);
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
        // Three vectors per iteration, their operations interleaved: one tanh is a chain of ~25 dependent operations
        // (~100 cycles of latency), and the out-of-order window does not overlap enough successive iterations to
        // hide it. Each lane does exactly the operations of the single-vector loop below (same bits). Measured on
        // the Zen 4 guest: ~1.1 instead of ~1.3–1.9 ns per element (/tmp harness, loaded machine).
        for (int bound3 = len - 3 * L; i <= bound3; i += 3 * L) {
            DoubleVector x0 = DoubleVector.fromArray(S, x, from + i + 0 * L);
            DoubleVector x1 = DoubleVector.fromArray(S, x, from + i + 1 * L);
            DoubleVector x2 = DoubleVector.fromArray(S, x, from + i + 2 * L);
            DoubleVector a0 = x0.abs();
            VectorMask<Double> big0 = a0.compare(VectorOperators.GT, A_MAX);
            DoubleVector t0 = a0.fma(INV_STEP, ROUND);
            DoubleVector k0 = t0.sub(ROUND);
            DoubleVector h0 = k0.fma(V_MSTEP, a0);
            DoubleVector r0 = h0.add(h0);
            DoubleVector rr0 = r0.mul(r0);
            DoubleVector r40 = rr0.mul(rr0);   // unused in the table form (C2 drops it)
            DoubleVector q0 = TABLE_FORM ? rr0.fma(rr0.fma(r0.fma(VQ5, VQ4), r0.fma(VQ3, VQ2)), r0.fma(VQ1, VQ0))
                    : r40.fma(r40.fma(r0.fma(VR9, VR8), rr0.fma(r0.fma(VR7, VR6), r0.fma(VR5, VR4))),
                            rr0.fma(r0.fma(VR3, VR2), r0.fma(VR1, VR0)));
            DoubleVector p0 = q0.fma(rr0, r0);
            LongVector ti0 = t0.reinterpretAsLongs();
            DoubleVector sc0 = (TABLE_FORM
                    ? ti0.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti0.and(7L).toShuffle()))
                    : ti0.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u0 = sc0.fma(p0, sc0.sub(1.0));
            DoubleVector f0 = u0.div(u0.add(2.0)).blend(1.0, big0).reinterpretAsLongs()
                    .or(x0.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            DoubleVector a1 = x1.abs();
            VectorMask<Double> big1 = a1.compare(VectorOperators.GT, A_MAX);
            DoubleVector t1 = a1.fma(INV_STEP, ROUND);
            DoubleVector k1 = t1.sub(ROUND);
            DoubleVector h1 = k1.fma(V_MSTEP, a1);
            DoubleVector r1 = h1.add(h1);
            DoubleVector rr1 = r1.mul(r1);
            DoubleVector r41 = rr1.mul(rr1);   // unused in the table form (C2 drops it)
            DoubleVector q1 = TABLE_FORM ? rr1.fma(rr1.fma(r1.fma(VQ5, VQ4), r1.fma(VQ3, VQ2)), r1.fma(VQ1, VQ0))
                    : r41.fma(r41.fma(r1.fma(VR9, VR8), rr1.fma(r1.fma(VR7, VR6), r1.fma(VR5, VR4))),
                            rr1.fma(r1.fma(VR3, VR2), r1.fma(VR1, VR0)));
            DoubleVector p1 = q1.fma(rr1, r1);
            LongVector ti1 = t1.reinterpretAsLongs();
            DoubleVector sc1 = (TABLE_FORM
                    ? ti1.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti1.and(7L).toShuffle()))
                    : ti1.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u1 = sc1.fma(p1, sc1.sub(1.0));
            DoubleVector f1 = u1.div(u1.add(2.0)).blend(1.0, big1).reinterpretAsLongs()
                    .or(x1.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            DoubleVector a2 = x2.abs();
            VectorMask<Double> big2 = a2.compare(VectorOperators.GT, A_MAX);
            DoubleVector t2 = a2.fma(INV_STEP, ROUND);
            DoubleVector k2 = t2.sub(ROUND);
            DoubleVector h2 = k2.fma(V_MSTEP, a2);
            DoubleVector r2 = h2.add(h2);
            DoubleVector rr2 = r2.mul(r2);
            DoubleVector r42 = rr2.mul(rr2);   // unused in the table form (C2 drops it)
            DoubleVector q2 = TABLE_FORM ? rr2.fma(rr2.fma(r2.fma(VQ5, VQ4), r2.fma(VQ3, VQ2)), r2.fma(VQ1, VQ0))
                    : r42.fma(r42.fma(r2.fma(VR9, VR8), rr2.fma(r2.fma(VR7, VR6), r2.fma(VR5, VR4))),
                            rr2.fma(r2.fma(VR3, VR2), r2.fma(VR1, VR0)));
            DoubleVector p2 = q2.fma(rr2, r2);
            LongVector ti2 = t2.reinterpretAsLongs();
            DoubleVector sc2 = (TABLE_FORM
                    ? ti2.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti2.and(7L).toShuffle()))
                    : ti2.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u2 = sc2.fma(p2, sc2.sub(1.0));
            DoubleVector f2 = u2.div(u2.add(2.0)).blend(1.0, big2).reinterpretAsLongs()
                    .or(x2.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            f0.intoArray(out, to + i + 0 * L);
            f1.intoArray(out, to + i + 1 * L);
            f2.intoArray(out, to + i + 2 * L);
        }
        for (int bound = S.loopBound(len); i < bound; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, from + i);
            DoubleVector a = xv.abs();
            VectorMask<Double> big = a.compare(VectorOperators.GT, A_MAX);
            DoubleVector t = a.fma(INV_STEP, ROUND);
            DoubleVector k = t.sub(ROUND);
            DoubleVector h = k.fma(V_MSTEP, a);
            DoubleVector r = h.add(h);
            DoubleVector rr = r.mul(r);
            DoubleVector r4 = rr.mul(rr);   // unused in the table form (C2 drops it)
            DoubleVector q = TABLE_FORM ? rr.fma(rr.fma(r.fma(VQ5, VQ4), r.fma(VQ3, VQ2)), r.fma(VQ1, VQ0))
                    : r4.fma(r4.fma(r.fma(VR9, VR8), rr.fma(r.fma(VR7, VR6), r.fma(VR5, VR4))),
                            rr.fma(r.fma(VR3, VR2), r.fma(VR1, VR0)));
            DoubleVector p = q.fma(rr, r);
            LongVector ti = t.reinterpretAsLongs();
            DoubleVector sc = (TABLE_FORM
                    ? ti.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti.and(7L).toShuffle()))
                    : ti.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u = sc.fma(p, sc.sub(1.0));
            DoubleVector f = u.div(u.add(2.0)).blend(1.0, big).reinterpretAsLongs()
                    .or(xv.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            f.intoArray(out, to + i);
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
        driftAt(x, 0, out, s);
    }

    /** The drift of the state {@code x[off, off + n)} into {@code out[off, off + n)}. */
    private void driftAt(double[] x, int off, double[] out, double[] s) {
        if (d == 3) {
            readIn3Phi(x, off, s);
            finish3(x, off, out, off, s[BLOCK + 3 * L], s[BLOCK + 3 * L + 1], s[BLOCK + 3 * L + 2], true);
            return;
        }
        if (d < 3) {
            driftLowD(x, off, out, s);
            return;
        }
        if (d == 4) {
            readIn4Phi1(x, off, s);
            finish4(x, off, out, off, s[BLOCK + 4 * L], s[BLOCK + 4 * L + 1], s[BLOCK + 4 * L + 2], s[BLOCK + 4 * L + 3], true);
            return;
        }
        driftGeneral(x, off, out, s);
    }

    /** The drift of any d by the general path: tanh into scratch, the read-in sums, then U's columns (d = 4 tests its own). */
    void driftGeneral(double[] x, int off, double[] out, double[] s) {
        tanhBlock(x, off, s, 0, n);
        readIn(s);
        finish(x, off, s, out, off, true);
    }

    /**
     * The read-in sums of a d = 1, 2 state as the general-d drift forms them ({@link #readIn}: lanes in order, then
     * each row's chain goes on through the tail neurons from that lane sum), to {@code s[BLOCK + 3L]} and
     * {@code s[BLOCK + 3L + 1]}: {@link #readIn3Phi} on W padded with zero rows, whose own sums (a separate tail chain)
     * are replaced. Only scalars leave this method.
     */
    private void readInLowD(double[] x, int off, double[] s) {
        readIn3Phi(x, off, s);
        final int n = this.n;
        double t0 = laneSum(s, BLOCK), t1 = laneSum(s, BLOCK + L);
        for (int i = S.loopBound(n); i < n; i++) {
            double f = scalarTanh(x[off + i]);
            t0 = Math.fma(f, w3[i], t0);
            t1 = Math.fma(f, w3[n + i], t1);
        }
        s[BLOCK + 3 * L] = t0;
        s[BLOCK + 3 * L + 1] = t1;
    }

    /**
     * The drift for d = 1, 2 with the operations of the general-d path ({@link #tanhBlock}, {@link #readIn},
     * {@link #finish}), so the same bits, in two sweeps instead of 2 + d + 1: the d = 3 read-in loop on W padded with
     * zero rows (tanh fused into it, as {@link #eulerStepLowD}), its lane sums continued through the tail neurons as
     * {@link #readIn} does, then one pass {@code ((b − x) + U_0 a_0 (+ U_1 a_1))·(1/τ)}, {@link #finish}'s operations
     * in its order.
     */
    private void driftLowD(double[] x, int off, double[] out, double[] s) {
        readInLowD(x, off, s);
        final double[] u = uc;
        final int n = this.n, d = this.d;
        final double t0 = s[BLOCK + 3 * L], t1 = s[BLOCK + 3 * L + 1];
        final double inv = invTau;
        final DoubleVector a0 = bc(t0), a1 = bc(t1);
        int j = 0;
        final int bound = S.loopBound(n);
        for (; j < bound; j += L) {
            DoubleVector r = DoubleVector.fromArray(S, b, j).sub(DoubleVector.fromArray(S, x, off + j));
            r = DoubleVector.fromArray(S, u, j).fma(a0, r);
            if (d >= 2) r = DoubleVector.fromArray(S, u, n + j).fma(a1, r);
            r.mul(inv).intoArray(out, off + j);
        }
        for (; j < n; j++) {
            double r = b[j] - x[off + j];
            r = Math.fma(u[j], t0, r);
            if (d >= 2) r = Math.fma(u[n + j], t1, r);
            out[off + j] = r * inv;
        }
    }

    @Override
    public void jacobianTimes(double[] x, double[] v, double[] out, double[] s) {
        if (d == 3) {
            readIn3(x, 0, v, s);
            finish3(v, 0, out, 0, s[BLOCK + 3 * L], s[BLOCK + 3 * L + 1], s[BLOCK + 3 * L + 2], false);
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
        finish(v, 0, s, out, 0, false);
    }

    /**
     * d ≤ 3, p = φ(x): the read-in sums of {@link #readIn3} with tanh and the three fused multiply-add accumulators in
     * one loop, so φ never goes through scratch and the accumulations overlap the tanh's long dependency chains
     * (measured: about 15% less time than tanh of a block into scratch, then the sums; /tmp harness, N ≈ 1000). Each
     * lane gets its terms in the order of the blocked form, and the tail neurons after the lane sums, so for d = 3 the
     * result is bit-identical to {@code readIn3(x, xOff, null, s)} (tested). For d = 1, 2 the rows beyond d are zeros
     * ({@code w3}; two or one wasted fused multiply-adds per vector, on pipes the tanh leaves idle) and
     * {@link #eulerStepLowD} forms the sums itself from the accumulators' lanes, left in {@code s[BLOCK, BLOCK + 3L)}.
     * The tanh is the body of {@link #tanhBlock} written out again: a vector passed to a helper that C2 does not inline
     * is boxed (see there).
     */
    private void readIn3Phi(double[] x, int xOff, double[] s) {
        final double[] w = this.w3;
        final int n = this.n, n2 = 2 * n;
        DoubleVector c0 = DoubleVector.zero(S), c1 = DoubleVector.zero(S), c2 = DoubleVector.zero(S);
        int i = 0;
        for (int bound3 = n - 3 * L; i <= bound3; i += 3 * L) {
            DoubleVector x0 = DoubleVector.fromArray(S, x, xOff + i + 0 * L);
            DoubleVector x1 = DoubleVector.fromArray(S, x, xOff + i + 1 * L);
            DoubleVector x2 = DoubleVector.fromArray(S, x, xOff + i + 2 * L);
            DoubleVector a0 = x0.abs();
            VectorMask<Double> big0 = a0.compare(VectorOperators.GT, A_MAX);
            DoubleVector t0 = a0.fma(INV_STEP, ROUND);
            DoubleVector k0 = t0.sub(ROUND);
            DoubleVector h0 = k0.fma(V_MSTEP, a0);
            DoubleVector r0 = h0.add(h0);
            DoubleVector rr0 = r0.mul(r0);
            DoubleVector r40 = rr0.mul(rr0);   // unused in the table form (C2 drops it)
            DoubleVector q0 = TABLE_FORM ? rr0.fma(rr0.fma(r0.fma(VQ5, VQ4), r0.fma(VQ3, VQ2)), r0.fma(VQ1, VQ0))
                    : r40.fma(r40.fma(r0.fma(VR9, VR8), rr0.fma(r0.fma(VR7, VR6), r0.fma(VR5, VR4))),
                            rr0.fma(r0.fma(VR3, VR2), r0.fma(VR1, VR0)));
            DoubleVector p0 = q0.fma(rr0, r0);
            LongVector ti0 = t0.reinterpretAsLongs();
            DoubleVector sc0 = (TABLE_FORM
                    ? ti0.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti0.and(7L).toShuffle()))
                    : ti0.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u0 = sc0.fma(p0, sc0.sub(1.0));
            DoubleVector f0 = u0.div(u0.add(2.0)).blend(1.0, big0).reinterpretAsLongs()
                    .or(x0.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            c0 = f0.fma(DoubleVector.fromArray(S, w, i + 0 * L), c0);
            c1 = f0.fma(DoubleVector.fromArray(S, w, n + i + 0 * L), c1);
            c2 = f0.fma(DoubleVector.fromArray(S, w, n2 + i + 0 * L), c2);
            DoubleVector a1 = x1.abs();
            VectorMask<Double> big1 = a1.compare(VectorOperators.GT, A_MAX);
            DoubleVector t1 = a1.fma(INV_STEP, ROUND);
            DoubleVector k1 = t1.sub(ROUND);
            DoubleVector h1 = k1.fma(V_MSTEP, a1);
            DoubleVector r1 = h1.add(h1);
            DoubleVector rr1 = r1.mul(r1);
            DoubleVector r41 = rr1.mul(rr1);   // unused in the table form (C2 drops it)
            DoubleVector q1 = TABLE_FORM ? rr1.fma(rr1.fma(r1.fma(VQ5, VQ4), r1.fma(VQ3, VQ2)), r1.fma(VQ1, VQ0))
                    : r41.fma(r41.fma(r1.fma(VR9, VR8), rr1.fma(r1.fma(VR7, VR6), r1.fma(VR5, VR4))),
                            rr1.fma(r1.fma(VR3, VR2), r1.fma(VR1, VR0)));
            DoubleVector p1 = q1.fma(rr1, r1);
            LongVector ti1 = t1.reinterpretAsLongs();
            DoubleVector sc1 = (TABLE_FORM
                    ? ti1.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti1.and(7L).toShuffle()))
                    : ti1.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u1 = sc1.fma(p1, sc1.sub(1.0));
            DoubleVector f1 = u1.div(u1.add(2.0)).blend(1.0, big1).reinterpretAsLongs()
                    .or(x1.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            c0 = f1.fma(DoubleVector.fromArray(S, w, i + 1 * L), c0);
            c1 = f1.fma(DoubleVector.fromArray(S, w, n + i + 1 * L), c1);
            c2 = f1.fma(DoubleVector.fromArray(S, w, n2 + i + 1 * L), c2);
            DoubleVector a2 = x2.abs();
            VectorMask<Double> big2 = a2.compare(VectorOperators.GT, A_MAX);
            DoubleVector t2 = a2.fma(INV_STEP, ROUND);
            DoubleVector k2 = t2.sub(ROUND);
            DoubleVector h2 = k2.fma(V_MSTEP, a2);
            DoubleVector r2 = h2.add(h2);
            DoubleVector rr2 = r2.mul(r2);
            DoubleVector r42 = rr2.mul(rr2);   // unused in the table form (C2 drops it)
            DoubleVector q2 = TABLE_FORM ? rr2.fma(rr2.fma(r2.fma(VQ5, VQ4), r2.fma(VQ3, VQ2)), r2.fma(VQ1, VQ0))
                    : r42.fma(r42.fma(r2.fma(VR9, VR8), rr2.fma(r2.fma(VR7, VR6), r2.fma(VR5, VR4))),
                            rr2.fma(r2.fma(VR3, VR2), r2.fma(VR1, VR0)));
            DoubleVector p2 = q2.fma(rr2, r2);
            LongVector ti2 = t2.reinterpretAsLongs();
            DoubleVector sc2 = (TABLE_FORM
                    ? ti2.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti2.and(7L).toShuffle()))
                    : ti2.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u2 = sc2.fma(p2, sc2.sub(1.0));
            DoubleVector f2 = u2.div(u2.add(2.0)).blend(1.0, big2).reinterpretAsLongs()
                    .or(x2.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            c0 = f2.fma(DoubleVector.fromArray(S, w, i + 2 * L), c0);
            c1 = f2.fma(DoubleVector.fromArray(S, w, n + i + 2 * L), c1);
            c2 = f2.fma(DoubleVector.fromArray(S, w, n2 + i + 2 * L), c2);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xOff + i);
            DoubleVector a = xv.abs();
            VectorMask<Double> big = a.compare(VectorOperators.GT, A_MAX);
            DoubleVector t = a.fma(INV_STEP, ROUND);
            DoubleVector k = t.sub(ROUND);
            DoubleVector h = k.fma(V_MSTEP, a);
            DoubleVector r = h.add(h);
            DoubleVector rr = r.mul(r);
            DoubleVector r4 = rr.mul(rr);   // unused in the table form (C2 drops it)
            DoubleVector q = TABLE_FORM ? rr.fma(rr.fma(r.fma(VQ5, VQ4), r.fma(VQ3, VQ2)), r.fma(VQ1, VQ0))
                    : r4.fma(r4.fma(r.fma(VR9, VR8), rr.fma(r.fma(VR7, VR6), r.fma(VR5, VR4))),
                            rr.fma(r.fma(VR3, VR2), r.fma(VR1, VR0)));
            DoubleVector p = q.fma(rr, r);
            LongVector ti = t.reinterpretAsLongs();
            DoubleVector sc = (TABLE_FORM
                    ? ti.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti.and(7L).toShuffle()))
                    : ti.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u = sc.fma(p, sc.sub(1.0));
            DoubleVector f = u.div(u.add(2.0)).blend(1.0, big).reinterpretAsLongs()
                    .or(xv.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            c0 = f.fma(DoubleVector.fromArray(S, w, i), c0);
            c1 = f.fma(DoubleVector.fromArray(S, w, n + i), c1);
            c2 = f.fma(DoubleVector.fromArray(S, w, n2 + i), c2);
        }
        final int acc = BLOCK;
        c0.intoArray(s, acc);
        c1.intoArray(s, acc + L);
        c2.intoArray(s, acc + 2 * L);
        double t0 = 0, t1 = 0, t2 = 0;
        for (; i < n; i++) {
            double f = scalarTanh(x[xOff + i]);
            t0 = Math.fma(f, w[i], t0);
            t1 = Math.fma(f, w[n + i], t1);
            t2 = Math.fma(f, w[n2 + i], t2);
        }
        s[BLOCK + 3 * L] = laneSum(s, acc) + t0;
        s[BLOCK + 3 * L + 1] = laneSum(s, acc + L) + t1;
        s[BLOCK + 3 * L + 2] = laneSum(s, acc + 2 * L) + t2;
    }

    /**
     * d = 4, p = φ(x): {@link #readIn3Phi} with a fourth accumulator, for the four-dimensional (hyperchaotic) systems.
     * The sums are formed in the order of the general-d path ({@link #tanhBlock} into scratch, then {@link #readIn}):
     * lanes in order, then each row's chain continued through the tail neurons, so the drift is bit-identical to it
     * (tested) and only faster: one pass with four independent chains instead of a tanh pass and four dependent ones.
     * Writes a_0..a_3 to {@code s[BLOCK + 4L ..]}.
     */
    private void readIn4Phi1(double[] x, int xOff, double[] s) {
        final double[] w = this.w;
        final int n = this.n, n2 = 2 * n, n3 = 3 * n;
        DoubleVector c0 = DoubleVector.zero(S), c1 = DoubleVector.zero(S), c2 = DoubleVector.zero(S), c3 = DoubleVector.zero(S);
        int i = 0;
        for (int bound3 = n - 3 * L; i <= bound3; i += 3 * L) {
            DoubleVector x0 = DoubleVector.fromArray(S, x, xOff + i + 0 * L);
            DoubleVector x1 = DoubleVector.fromArray(S, x, xOff + i + 1 * L);
            DoubleVector x2 = DoubleVector.fromArray(S, x, xOff + i + 2 * L);
            DoubleVector a0 = x0.abs();
            VectorMask<Double> big0 = a0.compare(VectorOperators.GT, A_MAX);
            DoubleVector t0 = a0.fma(INV_STEP, ROUND);
            DoubleVector k0 = t0.sub(ROUND);
            DoubleVector h0 = k0.fma(V_MSTEP, a0);
            DoubleVector r0 = h0.add(h0);
            DoubleVector rr0 = r0.mul(r0);
            DoubleVector r40 = rr0.mul(rr0);   // unused in the table form (C2 drops it)
            DoubleVector q0 = TABLE_FORM ? rr0.fma(rr0.fma(r0.fma(VQ5, VQ4), r0.fma(VQ3, VQ2)), r0.fma(VQ1, VQ0))
                    : r40.fma(r40.fma(r0.fma(VR9, VR8), rr0.fma(r0.fma(VR7, VR6), r0.fma(VR5, VR4))),
                            rr0.fma(r0.fma(VR3, VR2), r0.fma(VR1, VR0)));
            DoubleVector p0 = q0.fma(rr0, r0);
            LongVector ti0 = t0.reinterpretAsLongs();
            DoubleVector sc0 = (TABLE_FORM
                    ? ti0.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti0.and(7L).toShuffle()))
                    : ti0.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u0 = sc0.fma(p0, sc0.sub(1.0));
            DoubleVector f0 = u0.div(u0.add(2.0)).blend(1.0, big0).reinterpretAsLongs()
                    .or(x0.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            c0 = f0.fma(DoubleVector.fromArray(S, w, i + 0 * L), c0);
            c1 = f0.fma(DoubleVector.fromArray(S, w, n + i + 0 * L), c1);
            c2 = f0.fma(DoubleVector.fromArray(S, w, n2 + i + 0 * L), c2);
            c3 = f0.fma(DoubleVector.fromArray(S, w, n3 + i + 0 * L), c3);
            DoubleVector a1 = x1.abs();
            VectorMask<Double> big1 = a1.compare(VectorOperators.GT, A_MAX);
            DoubleVector t1 = a1.fma(INV_STEP, ROUND);
            DoubleVector k1 = t1.sub(ROUND);
            DoubleVector h1 = k1.fma(V_MSTEP, a1);
            DoubleVector r1 = h1.add(h1);
            DoubleVector rr1 = r1.mul(r1);
            DoubleVector r41 = rr1.mul(rr1);   // unused in the table form (C2 drops it)
            DoubleVector q1 = TABLE_FORM ? rr1.fma(rr1.fma(r1.fma(VQ5, VQ4), r1.fma(VQ3, VQ2)), r1.fma(VQ1, VQ0))
                    : r41.fma(r41.fma(r1.fma(VR9, VR8), rr1.fma(r1.fma(VR7, VR6), r1.fma(VR5, VR4))),
                            rr1.fma(r1.fma(VR3, VR2), r1.fma(VR1, VR0)));
            DoubleVector p1 = q1.fma(rr1, r1);
            LongVector ti1 = t1.reinterpretAsLongs();
            DoubleVector sc1 = (TABLE_FORM
                    ? ti1.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti1.and(7L).toShuffle()))
                    : ti1.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u1 = sc1.fma(p1, sc1.sub(1.0));
            DoubleVector f1 = u1.div(u1.add(2.0)).blend(1.0, big1).reinterpretAsLongs()
                    .or(x1.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            c0 = f1.fma(DoubleVector.fromArray(S, w, i + 1 * L), c0);
            c1 = f1.fma(DoubleVector.fromArray(S, w, n + i + 1 * L), c1);
            c2 = f1.fma(DoubleVector.fromArray(S, w, n2 + i + 1 * L), c2);
            c3 = f1.fma(DoubleVector.fromArray(S, w, n3 + i + 1 * L), c3);
            DoubleVector a2 = x2.abs();
            VectorMask<Double> big2 = a2.compare(VectorOperators.GT, A_MAX);
            DoubleVector t2 = a2.fma(INV_STEP, ROUND);
            DoubleVector k2 = t2.sub(ROUND);
            DoubleVector h2 = k2.fma(V_MSTEP, a2);
            DoubleVector r2 = h2.add(h2);
            DoubleVector rr2 = r2.mul(r2);
            DoubleVector r42 = rr2.mul(rr2);   // unused in the table form (C2 drops it)
            DoubleVector q2 = TABLE_FORM ? rr2.fma(rr2.fma(r2.fma(VQ5, VQ4), r2.fma(VQ3, VQ2)), r2.fma(VQ1, VQ0))
                    : r42.fma(r42.fma(r2.fma(VR9, VR8), rr2.fma(r2.fma(VR7, VR6), r2.fma(VR5, VR4))),
                            rr2.fma(r2.fma(VR3, VR2), r2.fma(VR1, VR0)));
            DoubleVector p2 = q2.fma(rr2, r2);
            LongVector ti2 = t2.reinterpretAsLongs();
            DoubleVector sc2 = (TABLE_FORM
                    ? ti2.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti2.and(7L).toShuffle()))
                    : ti2.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u2 = sc2.fma(p2, sc2.sub(1.0));
            DoubleVector f2 = u2.div(u2.add(2.0)).blend(1.0, big2).reinterpretAsLongs()
                    .or(x2.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            c0 = f2.fma(DoubleVector.fromArray(S, w, i + 2 * L), c0);
            c1 = f2.fma(DoubleVector.fromArray(S, w, n + i + 2 * L), c1);
            c2 = f2.fma(DoubleVector.fromArray(S, w, n2 + i + 2 * L), c2);
            c3 = f2.fma(DoubleVector.fromArray(S, w, n3 + i + 2 * L), c3);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xOff + i);
            DoubleVector a = xv.abs();
            VectorMask<Double> big = a.compare(VectorOperators.GT, A_MAX);
            DoubleVector t = a.fma(INV_STEP, ROUND);
            DoubleVector k = t.sub(ROUND);
            DoubleVector h = k.fma(V_MSTEP, a);
            DoubleVector r = h.add(h);
            DoubleVector rr = r.mul(r);
            DoubleVector r4 = rr.mul(rr);   // unused in the table form (C2 drops it)
            DoubleVector q = TABLE_FORM ? rr.fma(rr.fma(r.fma(VQ5, VQ4), r.fma(VQ3, VQ2)), r.fma(VQ1, VQ0))
                    : r4.fma(r4.fma(r.fma(VR9, VR8), rr.fma(r.fma(VR7, VR6), r.fma(VR5, VR4))),
                            rr.fma(r.fma(VR3, VR2), r.fma(VR1, VR0)));
            DoubleVector p = q.fma(rr, r);
            LongVector ti = t.reinterpretAsLongs();
            DoubleVector sc = (TABLE_FORM
                    ? ti.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti.and(7L).toShuffle()))
                    : ti.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u = sc.fma(p, sc.sub(1.0));
            DoubleVector f = u.div(u.add(2.0)).blend(1.0, big).reinterpretAsLongs()
                    .or(xv.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            c0 = f.fma(DoubleVector.fromArray(S, w, i), c0);
            c1 = f.fma(DoubleVector.fromArray(S, w, n + i), c1);
            c2 = f.fma(DoubleVector.fromArray(S, w, n2 + i), c2);
            c3 = f.fma(DoubleVector.fromArray(S, w, n3 + i), c3);
        }
        // The general-d order (readIn): each row's lanes summed in order, then its chain goes on through the tail.
        final int acc = BLOCK;
        c0.intoArray(s, acc);
        c1.intoArray(s, acc + L);
        c2.intoArray(s, acc + 2 * L);
        c3.intoArray(s, acc + 3 * L);
        double t0 = laneSum(s, acc), t1 = laneSum(s, acc + L), t2 = laneSum(s, acc + 2 * L), t3 = laneSum(s, acc + 3 * L);
        for (; i < n; i++) {
            double f = scalarTanh(x[xOff + i]);
            t0 = Math.fma(f, w[i], t0);
            t1 = Math.fma(f, w[n + i], t1);
            t2 = Math.fma(f, w[n2 + i], t2);
            t3 = Math.fma(f, w[n3 + i], t3);
        }
        s[BLOCK + 4 * L] = t0;
        s[BLOCK + 4 * L + 1] = t1;
        s[BLOCK + 4 * L + 2] = t2;
        s[BLOCK + 4 * L + 3] = t3;
    }

    /**
     * {@code out[outOff + j] = (c_j − y[yOff + j] + Σ_k U_jk a_k)/τ}, c = b (drift) or 0 (tangents), d = 4, in one pass
     * with the operations of {@link #finish} in its order (bit-identical).
     */
    private void finish4(double[] y, int yOff, double[] out, int outOff, double s0, double s1, double s2, double s3,
                         boolean tonic) {
        final double[] u = uc;
        final int n2 = 2 * n, n3 = 3 * n;
        final double inv = invTau;
        DoubleVector a0 = bc(s0), a1 = bc(s1), a2 = bc(s2), a3 = bc(s3);
        int j = 0;
        final int bound = S.loopBound(n);
        if (tonic) {   // two loops: no vector with two definitions (see readIn3)
            for (; j < bound; j += L) {
                DoubleVector r = DoubleVector.fromArray(S, b, j).sub(DoubleVector.fromArray(S, y, yOff + j));
                r = DoubleVector.fromArray(S, u, j).fma(a0, r);
                r = DoubleVector.fromArray(S, u, n + j).fma(a1, r);
                r = DoubleVector.fromArray(S, u, n2 + j).fma(a2, r);
                r = DoubleVector.fromArray(S, u, n3 + j).fma(a3, r);
                r.mul(inv).intoArray(out, outOff + j);
            }
        } else {
            for (; j < bound; j += L) {
                DoubleVector r = DoubleVector.fromArray(S, y, yOff + j).neg();
                r = DoubleVector.fromArray(S, u, j).fma(a0, r);
                r = DoubleVector.fromArray(S, u, n + j).fma(a1, r);
                r = DoubleVector.fromArray(S, u, n2 + j).fma(a2, r);
                r = DoubleVector.fromArray(S, u, n3 + j).fma(a3, r);
                r.mul(inv).intoArray(out, outOff + j);
            }
        }
        for (; j < n; j++) {
            double r = tonic ? b[j] - y[yOff + j] : -y[yOff + j];
            r = Math.fma(u[j], s0, r);
            r = Math.fma(u[n + j], s1, r);
            r = Math.fma(u[n2 + j], s2, r);
            r = Math.fma(u[n3 + j], s3, r);
            out[outOff + j] = r * inv;
        }
    }

    /**
     * d = 3: the read-in sums {@code a_k = Σ_j W_kj p_j} of p = φ'(x) ⊙ v (the Jacobian product), block by block: φ
     * of a block into {@code s[0..BLOCK)}, then three vector fused multiply-add accumulators. Writes a_0..a_2 to
     * {@code s[BLOCK + 3L ..]}. (For p = φ(x), {@link #readIn3Phi}.)
     */
    private void readIn3(double[] x, int xOff, double[] v, double[] s) {
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
            tanhBlock(x, xOff + j0, s, 0, len);
            DoubleVector a0 = DoubleVector.fromArray(S, s, acc);
            DoubleVector a1 = DoubleVector.fromArray(S, s, acc + L);
            DoubleVector a2 = DoubleVector.fromArray(S, s, acc + 2 * L);
            int i = 0;
            final int bound = S.loopBound(len);
            for (; i < bound; i += L) {
                DoubleVector t = DoubleVector.fromArray(S, s, i);
                DoubleVector p = t.fma(t.neg(), one).mul(DoubleVector.fromArray(S, v, j0 + i));
                a0 = p.fma(DoubleVector.fromArray(S, w, j0 + i), a0);
                a1 = p.fma(DoubleVector.fromArray(S, w, n + j0 + i), a1);
                a2 = p.fma(DoubleVector.fromArray(S, w, n2 + j0 + i), a2);
            }
            a0.intoArray(s, acc);
            a1.intoArray(s, acc + L);
            a2.intoArray(s, acc + 2 * L);
            for (; i < len; i++) {
                double p = Math.fma(s[i], -s[i], 1.0) * v[j0 + i];
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

    /**
     * {@code out[outOff + j] = (c_j − y[yOff + j] + Σ_k U_jk a_k)/τ}, c = b (drift) or 0, d = 3.
     */
    private void finish3(double[] y, int yOff, double[] out, int outOff, double s0, double s1, double s2, boolean tonic) {
        final double[] u = uc;
        final int n2 = 2 * n;
        final double inv = invTau;
        DoubleVector a0 = bc(s0), a1 = bc(s1), a2 = bc(s2);
        int j = 0;
        final int bound = S.loopBound(n);
        if (tonic) {   // two loops: no vector with two definitions (see readIn3)
            for (; j < bound; j += L) {
                DoubleVector r = DoubleVector.fromArray(S, b, j).sub(DoubleVector.fromArray(S, y, yOff + j));
                r = DoubleVector.fromArray(S, u, j).fma(a0, r);
                r = DoubleVector.fromArray(S, u, n + j).fma(a1, r);
                r = DoubleVector.fromArray(S, u, n2 + j).fma(a2, r);
                r.mul(inv).intoArray(out, outOff + j);
            }
        } else {
            for (; j < bound; j += L) {
                DoubleVector r = DoubleVector.fromArray(S, y, yOff + j).neg();
                r = DoubleVector.fromArray(S, u, j).fma(a0, r);
                r = DoubleVector.fromArray(S, u, n + j).fma(a1, r);
                r = DoubleVector.fromArray(S, u, n2 + j).fma(a2, r);
                r.mul(inv).intoArray(out, outOff + j);
            }
        }
        for (; j < n; j++) {
            double r = tonic ? b[j] - y[yOff + j] : -y[yOff + j];
            r = Math.fma(u[j], s0, r);
            r = Math.fma(u[n + j], s1, r);
            r = Math.fma(u[n2 + j], s2, r);
            out[outOff + j] = r * inv;
        }
    }

    /**
     * One Euler–Maruyama step whose noise lies in U's span, {@code x ← x + h·f(x) + U c}: the read-in of
     * {@link #readIn3Phi}, then one pass over the neurons that writes
     * {@code x + (b − x)·h/τ + Σ_k U_k e_k} with {@code e_k = a_k·h/τ + c_k} (a the read-in sums) — the drift's update and
     * the noise in the same fused multiply-adds on U's columns, so the noise costs no pass of its own — and sums the
     * squares of the new state for the caller's divergence check. d = 1, 2 take the same loop with the missing columns
     * skipped.
     *
     * @param c the step's noise in the latent coordinates, {@code c = S·ΔW} (length ≥ d; zeros for none)
     * @return Σ x_j² of the new state; {@link #DECLINED} (x untouched) when d &gt; 3
     */
    @Override
    public double eulerStep(double[] x, double h, double[] c, double[] s) {
        if (d == 3) return eulerStepAt(x, 0, h, c, 0, s);
        if (d < 3) return eulerStepLowD(x, 0, h, c, 0, s);
        if (d == 4) return eulerStep4(x, h, c, s);
        return DECLINED;
    }

    /**
     * {@link #eulerStepAt} for d = 4: the read-in of {@link #readIn4Phi1}, then the same single update pass over the
     * neurons with four columns of U, summing Σ x² of the new state.
     *
     * @return Σ x_j² of the new state
     */
    private double eulerStep4(double[] x, double h, double[] c, double[] s) {
        readIn4Phi1(x, 0, s);
        final double ht = invTau * h;
        final double e0 = Math.fma(s[BLOCK + 4 * L], ht, c[0]), e1 = Math.fma(s[BLOCK + 4 * L + 1], ht, c[1]),
                e2 = Math.fma(s[BLOCK + 4 * L + 2], ht, c[2]), e3 = Math.fma(s[BLOCK + 4 * L + 3], ht, c[3]);
        final double[] u = uc;
        final int n = this.n, n2 = 2 * n, n3 = 3 * n;
        final DoubleVector v0 = bc(e0), v1 = bc(e1), v2 = bc(e2), v3 = bc(e3), vh = bc(ht);
        DoubleVector q = DoubleVector.zero(S), q1 = q, q2 = q, q3 = q;
        int j = 0;
        final int bound = S.loopBound(n);
        for (; j < bound; j += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, j);
            DoubleVector xn = DoubleVector.fromArray(S, b, j).sub(xv).fma(vh, xv);
            xn = DoubleVector.fromArray(S, u, j).fma(v0, xn);
            xn = DoubleVector.fromArray(S, u, n + j).fma(v1, xn);
            xn = DoubleVector.fromArray(S, u, n2 + j).fma(v2, xn);
            xn = DoubleVector.fromArray(S, u, n3 + j).fma(v3, xn);
            xn.intoArray(x, j);
            DoubleVector nq = xn.fma(xn, q);   // four chains in rotation, as in eulerStepAt
            q = q1;
            q1 = q2;
            q2 = q3;
            q3 = nq;
        }
        q.add(q1).add(q2.add(q3)).intoArray(s, 0);
        double sq = laneSum(s, 0);
        for (; j < n; j++) {
            double xj = x[j];
            double xn = Math.fma(b[j] - xj, ht, xj);
            xn = Math.fma(u[j], e0, xn);
            xn = Math.fma(u[n + j], e1, xn);
            xn = Math.fma(u[n2 + j], e2, xn);
            xn = Math.fma(u[n3 + j], e3, xn);
            x[j] = xn;
            sq = Math.fma(xn, xn, sq);
        }
        return sq;
    }

    /**
     * {@link #eulerStep} of the state {@code x[xOff, xOff + n)} with latent noise {@code c[cOff, cOff + 3)}, d = 3.
     *
     * @return Σ x_j² of the new state
     */
    private double eulerStepAt(double[] x, int xOff, double h, double[] c, int cOff, double[] s) {
        readIn3Phi(x, xOff, s);
        final double ht = invTau * h;
        final double e0 = Math.fma(s[BLOCK + 3 * L], ht, c[cOff]), e1 = Math.fma(s[BLOCK + 3 * L + 1], ht, c[cOff + 1]),
                e2 = Math.fma(s[BLOCK + 3 * L + 2], ht, c[cOff + 2]);
        final double[] u = uc;
        final int n = this.n, n2 = 2 * n;
        final DoubleVector v0 = bc(e0), v1 = bc(e1), v2 = bc(e2), vh = bc(ht);
        DoubleVector q = DoubleVector.zero(S), q1 = q, q2 = q, q3 = q;
        int j = 0;
        final int bound = S.loopBound(n);
        for (; j < bound; j += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xOff + j);
            DoubleVector xn = DoubleVector.fromArray(S, b, j).sub(xv).fma(vh, xv);
            xn = DoubleVector.fromArray(S, u, j).fma(v0, xn);
            xn = DoubleVector.fromArray(S, u, n + j).fma(v1, xn);
            xn = DoubleVector.fromArray(S, u, n2 + j).fma(v2, xn);
            xn.intoArray(x, xOff + j);
            // Σ x² for the divergence check in four chains taken in rotation: each fused multiply-add waits on the one
            // four vectors back, not on the last (one chain made the step 4–15 % slower)
            DoubleVector nq = xn.fma(xn, q);
            q = q1;
            q1 = q2;
            q2 = q3;
            q3 = nq;
        }
        q.add(q1).add(q2.add(q3)).intoArray(s, 0);
        double sq = laneSum(s, 0);
        for (; j < n; j++) {
            double xj = x[xOff + j];
            double xn = Math.fma(b[j] - xj, ht, xj);
            xn = Math.fma(u[j], e0, xn);
            xn = Math.fma(u[n + j], e1, xn);
            xn = Math.fma(u[n2 + j], e2, xn);
            x[xOff + j] = xn;
            sq = Math.fma(xn, xn, sq);
        }
        return sq;
    }

    /**
     * {@link #eulerStepAt} for d = 1, 2: the same update with the missing columns of U skipped, from the read-in sums
     * as the general-d drift forms them. Kept apart, and called apart, so that the d = 3 path compiles on its own: with
     * this branch inside {@code eulerStepAt} the d = 3 step measured 10–20 % slower on JDK 17 (not on JDK 25).
     *
     * @return Σ x_j² of the new state
     */
    private double eulerStepLowD(double[] x, int xOff, double h, double[] c, int cOff, double[] s) {
        readInLowD(x, xOff, s);
        final double[] u = uc;
        final int n = this.n, d = this.d;
        final double t0 = s[BLOCK + 3 * L], t1 = s[BLOCK + 3 * L + 1];
        final double ht = invTau * h;
        final double e0 = Math.fma(t0, ht, c[cOff]), e1 = d >= 2 ? Math.fma(t1, ht, c[cOff + 1]) : 0.0;
        final DoubleVector v0 = bc(e0), v1 = bc(e1), vh = bc(ht);
        DoubleVector q = DoubleVector.zero(S), q1 = q, q2 = q, q3 = q;
        int j = 0;
        final int bound = S.loopBound(n);
        for (; j < bound; j += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xOff + j);
            DoubleVector xn = DoubleVector.fromArray(S, b, j).sub(xv).fma(vh, xv);
            xn = DoubleVector.fromArray(S, u, j).fma(v0, xn);
            if (d >= 2) xn = DoubleVector.fromArray(S, u, n + j).fma(v1, xn);
            xn.intoArray(x, xOff + j);
            DoubleVector nq = xn.fma(xn, q);   // four chains in rotation, as in eulerStepAt
            q = q1;
            q1 = q2;
            q2 = q3;
            q3 = nq;
        }
        q.add(q1).add(q2.add(q3)).intoArray(s, 0);
        double sq = laneSum(s, 0);
        for (; j < n; j++) {
            double xj = x[xOff + j];
            double xn = Math.fma(b[j] - xj, ht, xj);
            xn = Math.fma(u[j], e0, xn);
            if (d >= 2) xn = Math.fma(u[n + j], e1, xn);
            x[xOff + j] = xn;
            sq = Math.fma(xn, xn, sq);
        }
        return sq;
    }

    /**
     * x = b + U z̃ (three multiply-adds per neuron) into {@code s[0, n)}, φ = tanh x in place ({@link #tanhBlock}), then
     * one sweep with 12 vector accumulators: the three drift sums {@code Σ W_kj φ_j} and the nine Jacobian sums
     * {@code Σ (W_kj φ'_j) U_jl}, φ' = 1 − φ². Lanes are added in lane order, then the tail neurons.
     */
    @Override
    public boolean manifoldSums(double[] z, double[] out, double[] s) {
        if (d == 4) return manifoldSums4(z, out, s);
        if (d != 3) return false;
        final int n = this.n, n2 = 2 * n, bound = S.loopBound(n);
        final double[] u = uc, w = this.w;
        final double z0 = z[0], z1 = z[1], z2 = z[2];
        final DoubleVector vz0 = bc(z0), vz1 = bc(z1), vz2 = bc(z2);
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector x = DoubleVector.fromArray(S, u, j).fma(vz0, DoubleVector.fromArray(S, b, j));
            x = DoubleVector.fromArray(S, u, n + j).fma(vz1, x);
            DoubleVector.fromArray(S, u, n2 + j).fma(vz2, x).intoArray(s, j);
        }
        for (; j < n; j++) s[j] = Math.fma(u[n2 + j], z2, Math.fma(u[n + j], z1, Math.fma(u[j], z0, b[j])));
        tanhBlock(s, 0, s, 0, n);
        DoubleVector f0 = DoubleVector.zero(S), f1 = DoubleVector.zero(S), f2 = DoubleVector.zero(S);
        DoubleVector j00 = DoubleVector.zero(S), j01 = DoubleVector.zero(S), j02 = DoubleVector.zero(S);
        DoubleVector j10 = DoubleVector.zero(S), j11 = DoubleVector.zero(S), j12 = DoubleVector.zero(S);
        DoubleVector j20 = DoubleVector.zero(S), j21 = DoubleVector.zero(S), j22 = DoubleVector.zero(S);
        final DoubleVector one = bc(1.0);
        for (j = 0; j < bound; j += L) {
            DoubleVector p = DoubleVector.fromArray(S, s, j);
            DoubleVector w0 = DoubleVector.fromArray(S, w, j), w1 = DoubleVector.fromArray(S, w, n + j),
                    w2 = DoubleVector.fromArray(S, w, n2 + j);
            f0 = p.fma(w0, f0);
            f1 = p.fma(w1, f1);
            f2 = p.fma(w2, f2);
            DoubleVector slope = p.neg().fma(p, one);
            DoubleVector a0 = w0.mul(slope), a1 = w1.mul(slope), a2 = w2.mul(slope);
            DoubleVector u0 = DoubleVector.fromArray(S, u, j), u1 = DoubleVector.fromArray(S, u, n + j),
                    u2 = DoubleVector.fromArray(S, u, n2 + j);
            j00 = a0.fma(u0, j00);
            j01 = a0.fma(u1, j01);
            j02 = a0.fma(u2, j02);
            j10 = a1.fma(u0, j10);
            j11 = a1.fma(u1, j11);
            j12 = a1.fma(u2, j12);
            j20 = a2.fma(u0, j20);
            j21 = a2.fma(u1, j21);
            j22 = a2.fma(u2, j22);
        }
        final int lanes = n;   // s[n, n + L): the lanes of one accumulator at a time
        f0.intoArray(s, lanes);
        out[0] = laneSum(s, lanes);
        f1.intoArray(s, lanes);
        out[1] = laneSum(s, lanes);
        f2.intoArray(s, lanes);
        out[2] = laneSum(s, lanes);
        j00.intoArray(s, lanes);
        out[3] = laneSum(s, lanes);
        j01.intoArray(s, lanes);
        out[4] = laneSum(s, lanes);
        j02.intoArray(s, lanes);
        out[5] = laneSum(s, lanes);
        j10.intoArray(s, lanes);
        out[6] = laneSum(s, lanes);
        j11.intoArray(s, lanes);
        out[7] = laneSum(s, lanes);
        j12.intoArray(s, lanes);
        out[8] = laneSum(s, lanes);
        j20.intoArray(s, lanes);
        out[9] = laneSum(s, lanes);
        j21.intoArray(s, lanes);
        out[10] = laneSum(s, lanes);
        j22.intoArray(s, lanes);
        out[11] = laneSum(s, lanes);
        for (j = bound; j < n; j++) {
            double p = s[j], slope = Math.fma(-p, p, 1.0);
            double w0 = w[j], w1 = w[n + j], w2 = w[n2 + j];
            out[0] = Math.fma(p, w0, out[0]);
            out[1] = Math.fma(p, w1, out[1]);
            out[2] = Math.fma(p, w2, out[2]);
            double a0 = w0 * slope, a1 = w1 * slope, a2 = w2 * slope;
            double u0 = u[j], u1 = u[n + j], u2 = u[n2 + j];
            out[3] = Math.fma(a0, u0, out[3]);
            out[4] = Math.fma(a0, u1, out[4]);
            out[5] = Math.fma(a0, u2, out[5]);
            out[6] = Math.fma(a1, u0, out[6]);
            out[7] = Math.fma(a1, u1, out[7]);
            out[8] = Math.fma(a1, u2, out[8]);
            out[9] = Math.fma(a2, u0, out[9]);
            out[10] = Math.fma(a2, u1, out[10]);
            out[11] = Math.fma(a2, u2, out[11]);
        }
        return true;
    }

    /**
     * {@link #manifoldSums} for d = 4: {@code out[k]} (k &lt; 4) and {@code out[4 + 4k + l]}. Twenty accumulators with
     * their operands would not fit in the vector registers, so two passes after the tanh: the drift sums with the
     * Jacobian's rows 0 and 1, then rows 2 and 3.
     */
    private boolean manifoldSums4(double[] z, double[] out, double[] s) {
        final int n = this.n, n2 = 2 * n, n3 = 3 * n, bound = S.loopBound(n);
        final double[] u = uc, w = this.w;
        final double z0 = z[0], z1 = z[1], z2 = z[2], z3 = z[3];
        final DoubleVector vz0 = bc(z0), vz1 = bc(z1), vz2 = bc(z2), vz3 = bc(z3);
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector x = DoubleVector.fromArray(S, u, j).fma(vz0, DoubleVector.fromArray(S, b, j));
            x = DoubleVector.fromArray(S, u, n + j).fma(vz1, x);
            x = DoubleVector.fromArray(S, u, n2 + j).fma(vz2, x);
            DoubleVector.fromArray(S, u, n3 + j).fma(vz3, x).intoArray(s, j);
        }
        for (; j < n; j++) {
            s[j] = Math.fma(u[n3 + j], z3, Math.fma(u[n2 + j], z2, Math.fma(u[n + j], z1, Math.fma(u[j], z0, b[j]))));
        }
        tanhBlock(s, 0, s, 0, n);
        final DoubleVector one = bc(1.0);
        final int lanes = n;   // s[n, n + L): the lanes of one accumulator at a time
        DoubleVector f0 = DoubleVector.zero(S), f1 = f0, f2 = f0, f3 = f0;
        DoubleVector j00 = f0, j01 = f0, j02 = f0, j03 = f0, j10 = f0, j11 = f0, j12 = f0, j13 = f0;
        for (j = 0; j < bound; j += L) {
            DoubleVector p = DoubleVector.fromArray(S, s, j);
            DoubleVector w0 = DoubleVector.fromArray(S, w, j), w1 = DoubleVector.fromArray(S, w, n + j),
                    w2 = DoubleVector.fromArray(S, w, n2 + j), w3 = DoubleVector.fromArray(S, w, n3 + j);
            f0 = p.fma(w0, f0);
            f1 = p.fma(w1, f1);
            f2 = p.fma(w2, f2);
            f3 = p.fma(w3, f3);
            DoubleVector slope = p.neg().fma(p, one);
            DoubleVector a0 = w0.mul(slope), a1 = w1.mul(slope);
            DoubleVector u0 = DoubleVector.fromArray(S, u, j), u1 = DoubleVector.fromArray(S, u, n + j),
                    u2 = DoubleVector.fromArray(S, u, n2 + j), u3 = DoubleVector.fromArray(S, u, n3 + j);
            j00 = a0.fma(u0, j00);
            j01 = a0.fma(u1, j01);
            j02 = a0.fma(u2, j02);
            j03 = a0.fma(u3, j03);
            j10 = a1.fma(u0, j10);
            j11 = a1.fma(u1, j11);
            j12 = a1.fma(u2, j12);
            j13 = a1.fma(u3, j13);
        }
        f0.intoArray(s, lanes);
        out[0] = laneSum(s, lanes);
        f1.intoArray(s, lanes);
        out[1] = laneSum(s, lanes);
        f2.intoArray(s, lanes);
        out[2] = laneSum(s, lanes);
        f3.intoArray(s, lanes);
        out[3] = laneSum(s, lanes);
        j00.intoArray(s, lanes);
        out[4] = laneSum(s, lanes);
        j01.intoArray(s, lanes);
        out[5] = laneSum(s, lanes);
        j02.intoArray(s, lanes);
        out[6] = laneSum(s, lanes);
        j03.intoArray(s, lanes);
        out[7] = laneSum(s, lanes);
        j10.intoArray(s, lanes);
        out[8] = laneSum(s, lanes);
        j11.intoArray(s, lanes);
        out[9] = laneSum(s, lanes);
        j12.intoArray(s, lanes);
        out[10] = laneSum(s, lanes);
        j13.intoArray(s, lanes);
        out[11] = laneSum(s, lanes);
        DoubleVector j20 = DoubleVector.zero(S), j21 = j20, j22 = j20, j23 = j20, j30 = j20, j31 = j20, j32 = j20, j33 = j20;
        for (j = 0; j < bound; j += L) {
            DoubleVector p = DoubleVector.fromArray(S, s, j);
            DoubleVector slope = p.neg().fma(p, one);
            DoubleVector a2 = DoubleVector.fromArray(S, w, n2 + j).mul(slope), a3 = DoubleVector.fromArray(S, w, n3 + j).mul(slope);
            DoubleVector u0 = DoubleVector.fromArray(S, u, j), u1 = DoubleVector.fromArray(S, u, n + j),
                    u2 = DoubleVector.fromArray(S, u, n2 + j), u3 = DoubleVector.fromArray(S, u, n3 + j);
            j20 = a2.fma(u0, j20);
            j21 = a2.fma(u1, j21);
            j22 = a2.fma(u2, j22);
            j23 = a2.fma(u3, j23);
            j30 = a3.fma(u0, j30);
            j31 = a3.fma(u1, j31);
            j32 = a3.fma(u2, j32);
            j33 = a3.fma(u3, j33);
        }
        j20.intoArray(s, lanes);
        out[12] = laneSum(s, lanes);
        j21.intoArray(s, lanes);
        out[13] = laneSum(s, lanes);
        j22.intoArray(s, lanes);
        out[14] = laneSum(s, lanes);
        j23.intoArray(s, lanes);
        out[15] = laneSum(s, lanes);
        j30.intoArray(s, lanes);
        out[16] = laneSum(s, lanes);
        j31.intoArray(s, lanes);
        out[17] = laneSum(s, lanes);
        j32.intoArray(s, lanes);
        out[18] = laneSum(s, lanes);
        j33.intoArray(s, lanes);
        out[19] = laneSum(s, lanes);
        for (j = bound; j < n; j++) {
            double p = s[j], slope = Math.fma(-p, p, 1.0);
            for (int k = 0; k < 4; k++) {
                double wk = w[k * n + j];
                out[k] = Math.fma(p, wk, out[k]);
                double a = wk * slope;
                for (int l = 0; l < 4; l++) out[4 + 4 * k + l] = Math.fma(a, u[l * n + j], out[4 + 4 * k + l]);
            }
        }
        return true;
    }

    @Override
    public int tangentScratchLength(int k) {
        return 3 * n + L + d * (k + 1);
    }

    /**
     * Drift and k tangent products at one state. Scratch layout: φ(x) in {@code s[0, n)}, φ'(x) = 1 − φ² in
     * {@code s[n, 2n)} (free once φ is known), P = φ' ⊙ V_q in {@code s[2n, 3n)} (general d only), L lanes, then the
     * read-in sums A, d × (k + 1) row-major, column 0 the drift's. For d = 3 each column's three sums are one pass of
     * three vector accumulators over the neurons (W's rows and φ' stay in L1/L2 across the k + 1 passes); then the
     * rank-3 update of each column.
     */
    @Override
    public void driftAndTangents(double[] x, double[] v, int k, double[] fx, double[] fv, double[] s) {
        final int n = this.n, d = this.d;
        phiAndSlope(x, s);
        final int lanes = 3 * n, a = lanes + L, cols = k + 1;
        if (d == 3) {
            sums3(s, 0, null, 0, lanes, a, cols);
            int q = 0;
            for (; L >= 8 && q + 4 <= k; q += 4) sums3x4(s, v, q, lanes, a + 1 + q, cols);
            for (; q < k; q++) sums3(s, n, v, q * n, lanes, a + 1 + q, cols);
            finish3(x, 0, fx, 0, s[a], s[a + cols], s[a + 2 * cols], true);
            q = 0;
            for (; L >= 8 && q + 4 <= k; q += 4) finish3x4(v, q, fv, s, a + 1 + q, cols);
            for (; q < k; q++) {
                finish3(v, q * n, fv, q * n, s[a + 1 + q], s[a + cols + 1 + q], s[a + 2 * cols + 1 + q], false);
            }
            return;
        }
        if (d == 4) {
            sums4(s, 0, null, 0, lanes, a, cols);
            for (int q = 0; q < k; q++) sums4(s, n, v, q * n, lanes, a + 1 + q, cols);
            finish4(x, 0, fx, 0, s[a], s[a + cols], s[a + 2 * cols], s[a + 3 * cols], true);
            for (int q = 0; q < k; q++) {
                finish4(v, q * n, fv, q * n, s[a + 1 + q], s[a + cols + 1 + q], s[a + 2 * cols + 1 + q], s[a + 3 * cols + 1 + q],
                        false);
            }
            return;
        }
        tangentsGeneral(x, v, k, fx, fv, s);
    }

    /** {@link #driftAndTangents} by the general-d path whatever d (the d = 4 form is tested against it, bit for bit). */
    void driftAndTangentsGeneral(double[] x, double[] v, int k, double[] fx, double[] fv, double[] s) {
        phiAndSlope(x, s);
        tangentsGeneral(x, v, k, fx, fv, s);
    }

    /** φ(x) into {@code s[0, n)} and φ'(x) = 1 − φ² into {@code s[n, 2n)}. */
    private void phiAndSlope(double[] x, double[] s) {
        tanhBlock(x, 0, s, 0, n);
        final DoubleVector one = bc(1.0);
        final int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector t = DoubleVector.fromArray(S, s, j);
            t.fma(t.neg(), one).intoArray(s, n + j);
        }
        for (; j < n; j++) s[n + j] = Math.fma(s[j], -s[j], 1.0);
    }

    /** The general-d read-in sums and updates of {@link #driftAndTangents}, from φ and φ' in scratch. */
    private void tangentsGeneral(double[] x, double[] v, int k, double[] fx, double[] fv, double[] s) {
        final int n = this.n, d = this.d;
        final int bound = S.loopBound(n);
        final int lanes = 3 * n, a = lanes + L, cols = k + 1;
        for (int q = 0; q <= k; q++) {
            int p = 0;   // column 0: p = φ at s[0, n); column q ≥ 1: p = φ' ⊙ V_{q−1} at s[2n, 3n)
            if (q > 0) {
                p = 2 * n;
                int vo = (q - 1) * n;
                int i = 0;
                for (; i < bound; i += L) {
                    DoubleVector.fromArray(S, s, n + i).mul(DoubleVector.fromArray(S, v, vo + i)).intoArray(s, p + i);
                }
                for (; i < n; i++) s[p + i] = s[n + i] * v[vo + i];
            }
            for (int c = 0; c < d; c++) {
                int off = c * n;
                DoubleVector acc = DoubleVector.zero(S);
                int i = 0;
                for (; i < bound; i += L) {
                    acc = DoubleVector.fromArray(S, s, p + i).fma(DoubleVector.fromArray(S, w, off + i), acc);
                }
                acc.intoArray(s, lanes);
                double sum = laneSum(s, lanes);
                for (; i < n; i++) sum = Math.fma(s[p + i], w[off + i], sum);
                s[a + c * cols + q] = sum;
            }
        }
        for (int q = 0; q <= k; q++) {
            double[] y = q == 0 ? x : v, out = q == 0 ? fx : fv;
            int off = q == 0 ? 0 : (q - 1) * n;
            for (int i = 0; i < n; i++) out[off + i] = q == 0 ? b[i] - y[i] : -y[off + i];
            for (int c = 0; c < d; c++) {
                double ac = s[a + c * cols + q];
                DoubleVector av = bc(ac);
                int uo = c * n;
                int i = 0;
                for (; i < bound; i += L) {
                    DoubleVector.fromArray(S, uc, uo + i).fma(av, DoubleVector.fromArray(S, out, off + i)).intoArray(out, off + i);
                }
                for (; i < n; i++) out[off + i] = Math.fma(uc[uo + i], ac, out[off + i]);
            }
            for (int i = 0; i < n; i++) out[off + i] *= invTau;
        }
    }

    /**
     * d = 3: the three read-in sums {@code Σ_j W_cj p_j} with {@code p_j = s[pOff + j]} (v null) or
     * {@code s[pOff + j] · v[vOff + j]}, written to {@code s[aOff + c·stride]}: three vector accumulators, their lanes
     * added in lane order through {@code s[lanes, lanes + L)}, then the tail neurons. Vectors never leave this method.
     */
    private void sums3(double[] s, int pOff, double[] v, int vOff, int lanes, int aOff, int stride) {
        final double[] w = this.w;
        final int n = this.n, n2 = 2 * n;
        final int bound = S.loopBound(n);
        int j = 0;
        if (v == null) {   // two loops, each with its own accumulators: no vector with two definitions (see readIn3)
            DoubleVector a0 = DoubleVector.zero(S), a1 = DoubleVector.zero(S), a2 = DoubleVector.zero(S);
            for (; j < bound; j += L) {
                DoubleVector p = DoubleVector.fromArray(S, s, pOff + j);
                a0 = p.fma(DoubleVector.fromArray(S, w, j), a0);
                a1 = p.fma(DoubleVector.fromArray(S, w, n + j), a1);
                a2 = p.fma(DoubleVector.fromArray(S, w, n2 + j), a2);
            }
            a0.intoArray(s, lanes);
            s[aOff] = laneSum(s, lanes);
            a1.intoArray(s, lanes);
            s[aOff + stride] = laneSum(s, lanes);
            a2.intoArray(s, lanes);
            s[aOff + 2 * stride] = laneSum(s, lanes);
        } else {
            DoubleVector a0 = DoubleVector.zero(S), a1 = DoubleVector.zero(S), a2 = DoubleVector.zero(S);
            for (; j < bound; j += L) {
                DoubleVector p = DoubleVector.fromArray(S, s, pOff + j).mul(DoubleVector.fromArray(S, v, vOff + j));
                a0 = p.fma(DoubleVector.fromArray(S, w, j), a0);
                a1 = p.fma(DoubleVector.fromArray(S, w, n + j), a1);
                a2 = p.fma(DoubleVector.fromArray(S, w, n2 + j), a2);
            }
            a0.intoArray(s, lanes);
            s[aOff] = laneSum(s, lanes);
            a1.intoArray(s, lanes);
            s[aOff + stride] = laneSum(s, lanes);
            a2.intoArray(s, lanes);
            s[aOff + 2 * stride] = laneSum(s, lanes);
        }
        double t0 = s[aOff], t1 = s[aOff + stride], t2 = s[aOff + 2 * stride];
        for (; j < n; j++) {
            double p = v == null ? s[pOff + j] : s[pOff + j] * v[vOff + j];
            t0 = Math.fma(p, w[j], t0);
            t1 = Math.fma(p, w[n + j], t1);
            t2 = Math.fma(p, w[n2 + j], t2);
        }
        s[aOff] = t0;
        s[aOff + stride] = t1;
        s[aOff + 2 * stride] = t2;
    }

    /**
     * d = 4: the four read-in sums {@code Σ_j W_cj p_j} with {@code p_j = s[pOff + j]} (v null) or
     * {@code s[pOff + j] · v[vOff + j]}, written to {@code s[aOff + c·stride]}, in the general path's order (each row one
     * vector chain, lanes added in order, then the chain goes on through the tail neurons: bit-identical to it), four
     * independent chains in one pass instead of four passes of one.
     */
    private void sums4(double[] s, int pOff, double[] v, int vOff, int lanes, int aOff, int stride) {
        final double[] w = this.w;
        final int n = this.n, n2 = 2 * n, n3 = 3 * n;
        final int bound = S.loopBound(n);
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int i = 0;
        if (v == null) {
            for (; i < bound; i += L) {
                DoubleVector p = DoubleVector.fromArray(S, s, pOff + i);
                c0 = p.fma(DoubleVector.fromArray(S, w, i), c0);
                c1 = p.fma(DoubleVector.fromArray(S, w, n + i), c1);
                c2 = p.fma(DoubleVector.fromArray(S, w, n2 + i), c2);
                c3 = p.fma(DoubleVector.fromArray(S, w, n3 + i), c3);
            }
        } else {
            for (; i < bound; i += L) {
                DoubleVector p = DoubleVector.fromArray(S, s, pOff + i).mul(DoubleVector.fromArray(S, v, vOff + i));
                c0 = p.fma(DoubleVector.fromArray(S, w, i), c0);
                c1 = p.fma(DoubleVector.fromArray(S, w, n + i), c1);
                c2 = p.fma(DoubleVector.fromArray(S, w, n2 + i), c2);
                c3 = p.fma(DoubleVector.fromArray(S, w, n3 + i), c3);
            }
        }
        c0.intoArray(s, lanes);
        double t0 = laneSum(s, lanes);
        c1.intoArray(s, lanes);
        double t1 = laneSum(s, lanes);
        c2.intoArray(s, lanes);
        double t2 = laneSum(s, lanes);
        c3.intoArray(s, lanes);
        double t3 = laneSum(s, lanes);
        for (; i < n; i++) {
            double p = v == null ? s[pOff + i] : s[pOff + i] * v[vOff + i];
            t0 = Math.fma(p, w[i], t0);
            t1 = Math.fma(p, w[n + i], t1);
            t2 = Math.fma(p, w[n2 + i], t2);
            t3 = Math.fma(p, w[n3 + i], t3);
        }
        s[aOff] = t0;
        s[aOff + stride] = t1;
        s[aOff + 2 * stride] = t2;
        s[aOff + 3 * stride] = t3;
    }

    /**
     * {@link #sums3} of four tangent columns {@code v[(q0 + t)·n ..]} (t &lt; 4) with {@code p = φ' ⊙ v} in one sweep: 12
     * vector accumulators sharing each load of W's three rows and of φ' ({@code s[n ..]}). Each column's accumulators
     * see the multiply-adds of {@code sums3} in the same order, and lanes and tail are added as there, so the sums are
     * bit-identical to four calls of it; the sweep reads W once instead of four times (the frame and W do not stay in
     * L1 at N ≳ 500, and one column's sweep was bound by the latency of its three accumulator chains). Written out for
     * four columns, like {@link #readIn4Phi}: an array of vectors would be boxed. Only with ≥ 8 lanes (AVX-512's 32
     * registers hold the 12 accumulators and their operands; AVX2's 16 do not).
     */
    private void sums3x4(double[] s, double[] v, int q0, int lanes, int aOff, int stride) {
        final double[] w = this.w;
        final int n = this.n, n2 = 2 * n;
        final int bound = S.loopBound(n);
        final int v0 = q0 * n, v1 = v0 + n, v2 = v1 + n, v3 = v2 + n;
        DoubleVector a00 = DoubleVector.zero(S), a01 = DoubleVector.zero(S), a02 = DoubleVector.zero(S);
        DoubleVector a10 = DoubleVector.zero(S), a11 = DoubleVector.zero(S), a12 = DoubleVector.zero(S);
        DoubleVector a20 = DoubleVector.zero(S), a21 = DoubleVector.zero(S), a22 = DoubleVector.zero(S);
        DoubleVector a30 = DoubleVector.zero(S), a31 = DoubleVector.zero(S), a32 = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector w0 = DoubleVector.fromArray(S, w, j), w1 = DoubleVector.fromArray(S, w, n + j),
                    w2 = DoubleVector.fromArray(S, w, n2 + j), dp = DoubleVector.fromArray(S, s, n + j);
            DoubleVector p0 = dp.mul(DoubleVector.fromArray(S, v, v0 + j));
            a00 = p0.fma(w0, a00);
            a01 = p0.fma(w1, a01);
            a02 = p0.fma(w2, a02);
            DoubleVector p1 = dp.mul(DoubleVector.fromArray(S, v, v1 + j));
            a10 = p1.fma(w0, a10);
            a11 = p1.fma(w1, a11);
            a12 = p1.fma(w2, a12);
            DoubleVector p2 = dp.mul(DoubleVector.fromArray(S, v, v2 + j));
            a20 = p2.fma(w0, a20);
            a21 = p2.fma(w1, a21);
            a22 = p2.fma(w2, a22);
            DoubleVector p3 = dp.mul(DoubleVector.fromArray(S, v, v3 + j));
            a30 = p3.fma(w0, a30);
            a31 = p3.fma(w1, a31);
            a32 = p3.fma(w2, a32);
        }
        a00.intoArray(s, lanes);
        s[aOff] = laneSum(s, lanes);
        a01.intoArray(s, lanes);
        s[aOff + stride] = laneSum(s, lanes);
        a02.intoArray(s, lanes);
        s[aOff + 2 * stride] = laneSum(s, lanes);
        a10.intoArray(s, lanes);
        s[aOff + 1] = laneSum(s, lanes);
        a11.intoArray(s, lanes);
        s[aOff + 1 + stride] = laneSum(s, lanes);
        a12.intoArray(s, lanes);
        s[aOff + 1 + 2 * stride] = laneSum(s, lanes);
        a20.intoArray(s, lanes);
        s[aOff + 2] = laneSum(s, lanes);
        a21.intoArray(s, lanes);
        s[aOff + 2 + stride] = laneSum(s, lanes);
        a22.intoArray(s, lanes);
        s[aOff + 2 + 2 * stride] = laneSum(s, lanes);
        a30.intoArray(s, lanes);
        s[aOff + 3] = laneSum(s, lanes);
        a31.intoArray(s, lanes);
        s[aOff + 3 + stride] = laneSum(s, lanes);
        a32.intoArray(s, lanes);
        s[aOff + 3 + 2 * stride] = laneSum(s, lanes);
        for (int t = 0; t < 4; t++) {
            int vo = v0 + t * n, o = aOff + t;
            double t0 = s[o], t1 = s[o + stride], t2 = s[o + 2 * stride];
            for (int i = bound; i < n; i++) {
                double p = s[n + i] * v[vo + i];
                t0 = Math.fma(p, w[i], t0);
                t1 = Math.fma(p, w[n + i], t1);
                t2 = Math.fma(p, w[n2 + i], t2);
            }
            s[o] = t0;
            s[o + stride] = t1;
            s[o + 2 * stride] = t2;
        }
    }

    /**
     * {@link #finish3} (without the tonic input) of the four tangent columns {@code v[(q0 + t)·n ..]} into
     * {@code fv}, with the read-in sums {@code s[aOff + t + c·stride]}, in one sweep sharing each load of U's three
     * columns; every element gets {@code finish3}'s operations in its order (same bits).
     */
    private void finish3x4(double[] v, int q0, double[] fv, double[] s, int aOff, int stride) {
        final double[] u = uc;
        final int n = this.n, n2 = 2 * n;
        final double inv = invTau;
        final int o0 = q0 * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
        final int st2 = 2 * stride;
        DoubleVector c00 = bc(s[aOff]), c01 = bc(s[aOff + stride]), c02 = bc(s[aOff + st2]);
        DoubleVector c10 = bc(s[aOff + 1]), c11 = bc(s[aOff + 1 + stride]), c12 = bc(s[aOff + 1 + st2]);
        DoubleVector c20 = bc(s[aOff + 2]), c21 = bc(s[aOff + 2 + stride]), c22 = bc(s[aOff + 2 + st2]);
        DoubleVector c30 = bc(s[aOff + 3]), c31 = bc(s[aOff + 3 + stride]), c32 = bc(s[aOff + 3 + st2]);
        final int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector u0 = DoubleVector.fromArray(S, u, j), u1 = DoubleVector.fromArray(S, u, n + j),
                    u2 = DoubleVector.fromArray(S, u, n2 + j);
            DoubleVector r0 = DoubleVector.fromArray(S, v, o0 + j).neg();
            r0 = u0.fma(c00, r0);
            r0 = u1.fma(c01, r0);
            r0 = u2.fma(c02, r0);
            r0.mul(inv).intoArray(fv, o0 + j);
            DoubleVector r1 = DoubleVector.fromArray(S, v, o1 + j).neg();
            r1 = u0.fma(c10, r1);
            r1 = u1.fma(c11, r1);
            r1 = u2.fma(c12, r1);
            r1.mul(inv).intoArray(fv, o1 + j);
            DoubleVector r2 = DoubleVector.fromArray(S, v, o2 + j).neg();
            r2 = u0.fma(c20, r2);
            r2 = u1.fma(c21, r2);
            r2 = u2.fma(c22, r2);
            r2.mul(inv).intoArray(fv, o2 + j);
            DoubleVector r3 = DoubleVector.fromArray(S, v, o3 + j).neg();
            r3 = u0.fma(c30, r3);
            r3 = u1.fma(c31, r3);
            r3 = u2.fma(c32, r3);
            r3.mul(inv).intoArray(fv, o3 + j);
        }
        for (int t = 0; t < 4; t++) {
            double s0 = s[aOff + t], s1 = s[aOff + t + stride], s2 = s[aOff + t + st2];
            int o = o0 + t * n;
            for (int i = bound; i < n; i++) {
                double r = -v[o + i];
                r = Math.fma(u[i], s0, r);
                r = Math.fma(u[n + i], s1, r);
                r = Math.fma(u[n2 + i], s2, r);
                fv[o + i] = r * inv;
            }
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

    /**
     * General d: {@code out[outOff + j] = (c_j − y[yOff + j] + Σ_k U_jk a_k)/τ} with {@code a = s[n..n+d)}.
     */
    private void finish(double[] y, int yOff, double[] s, double[] out, int outOff, boolean tonic) {
        final int bound = S.loopBound(n);
        for (int j = 0; j < n; j++) out[outOff + j] = tonic ? b[j] - y[yOff + j] : -y[yOff + j];
        for (int k = 0; k < d; k++) {
            double ak = s[n + k];
            DoubleVector av = bc(ak);
            int off = k * n;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector.fromArray(S, uc, off + j).fma(av, DoubleVector.fromArray(S, out, outOff + j)).intoArray(out, outOff + j);
            }
            for (; j < n; j++) out[outOff + j] = Math.fma(uc[off + j], ak, out[outOff + j]);
        }
        for (int j = 0; j < n; j++) out[outOff + j] *= invTau;
    }

    @Override
    public int batchScratchLength() {
        return Math.max(scratchLength(), TILE * n + L + 3 * TILE);   // φ of a tile, lanes, 12 sums
    }

    /** States per tile of {@link #driftBatch}: 4 states × 3 read-in rows = 12 vector accumulators. */
    private static final int TILE = 4;

    /**
     * Drift of B states stored one after another ({@code xs[β·N + j]}). For d = 3, tiles of four states: φ of the
     * tile into scratch ({@code 4N} doubles), one pass over the neurons in which each vector of W's three rows is
     * loaded once for the four states (12 vector accumulators), then one pass in which each vector of U's columns
     * and of b serves the four updates. Every sum is formed in the same lane order and grouping as {@link #drift}
     * (lanes in order, then the tail neurons), so each state's drift is bit-identical to a single call. The
     * remaining states (B mod 4) and d ≠ 3 go through the single-state drift.
     */
    @Override
    public void driftBatch(double[] xs, int batch, double[] out, double[] s) {
        int beta = 0;
        if (d == 3) {
            for (; beta + TILE <= batch; beta += TILE) tile4(xs, beta * n, out, s);
        }
        for (; beta < batch; beta++) driftAt(xs, beta * n, out, s);
    }

    /** Four d = 3 drifts, states at {@code xs[off + t·n, off + (t+1)·n)}, t &lt; 4 (see {@link #driftBatch}). */
    private void tile4(double[] xs, int off, double[] out, double[] s) {
        final int n = this.n, n2 = 2 * n;
        final double[] w = this.w, u = uc;
        for (int t = 0; t < TILE; t++) tanhBlock(xs, off + t * n, s, t * n, n);
        final int bound = S.loopBound(n), lanes = TILE * n;
        DoubleVector a00 = DoubleVector.zero(S), a01 = DoubleVector.zero(S), a02 = DoubleVector.zero(S);
        DoubleVector a10 = DoubleVector.zero(S), a11 = DoubleVector.zero(S), a12 = DoubleVector.zero(S);
        DoubleVector a20 = DoubleVector.zero(S), a21 = DoubleVector.zero(S), a22 = DoubleVector.zero(S);
        DoubleVector a30 = DoubleVector.zero(S), a31 = DoubleVector.zero(S), a32 = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector w0 = DoubleVector.fromArray(S, w, j), w1 = DoubleVector.fromArray(S, w, n + j),
                    w2 = DoubleVector.fromArray(S, w, n2 + j);
            DoubleVector p0 = DoubleVector.fromArray(S, s, 0 * n + j);
            a00 = p0.fma(w0, a00);
            a01 = p0.fma(w1, a01);
            a02 = p0.fma(w2, a02);
            DoubleVector p1 = DoubleVector.fromArray(S, s, 1 * n + j);
            a10 = p1.fma(w0, a10);
            a11 = p1.fma(w1, a11);
            a12 = p1.fma(w2, a12);
            DoubleVector p2 = DoubleVector.fromArray(S, s, 2 * n + j);
            a20 = p2.fma(w0, a20);
            a21 = p2.fma(w1, a21);
            a22 = p2.fma(w2, a22);
            DoubleVector p3 = DoubleVector.fromArray(S, s, 3 * n + j);
            a30 = p3.fma(w0, a30);
            a31 = p3.fma(w1, a31);
            a32 = p3.fma(w2, a32);
        }
        // lanes in order, then the tail neurons from 0 (as readIn3); the 12 sums go to s[lanes + L ..]
        final int sums = lanes + L;
        a00.intoArray(s, lanes);
        s[sums + 0] = laneSum(s, lanes);
        a01.intoArray(s, lanes);
        s[sums + 1] = laneSum(s, lanes);
        a02.intoArray(s, lanes);
        s[sums + 2] = laneSum(s, lanes);
        a10.intoArray(s, lanes);
        s[sums + 3] = laneSum(s, lanes);
        a11.intoArray(s, lanes);
        s[sums + 4] = laneSum(s, lanes);
        a12.intoArray(s, lanes);
        s[sums + 5] = laneSum(s, lanes);
        a20.intoArray(s, lanes);
        s[sums + 6] = laneSum(s, lanes);
        a21.intoArray(s, lanes);
        s[sums + 7] = laneSum(s, lanes);
        a22.intoArray(s, lanes);
        s[sums + 8] = laneSum(s, lanes);
        a30.intoArray(s, lanes);
        s[sums + 9] = laneSum(s, lanes);
        a31.intoArray(s, lanes);
        s[sums + 10] = laneSum(s, lanes);
        a32.intoArray(s, lanes);
        s[sums + 11] = laneSum(s, lanes);
        for (int t = 0; t < TILE; t++) {
            double t0 = 0, t1 = 0, t2 = 0;
            for (int i = bound; i < n; i++) {
                double p = s[t * n + i];
                t0 = Math.fma(p, w[i], t0);
                t1 = Math.fma(p, w[n + i], t1);
                t2 = Math.fma(p, w[n2 + i], t2);
            }
            s[sums + 3 * t] += t0;
            s[sums + 3 * t + 1] += t1;
            s[sums + 3 * t + 2] += t2;
        }
        final double inv = invTau;
        DoubleVector b00 = bc(s[sums + 0]), b01 = bc(s[sums + 1]), b02 = bc(s[sums + 2]);
        DoubleVector b10 = bc(s[sums + 3]), b11 = bc(s[sums + 4]), b12 = bc(s[sums + 5]);
        DoubleVector b20 = bc(s[sums + 6]), b21 = bc(s[sums + 7]), b22 = bc(s[sums + 8]);
        DoubleVector b30 = bc(s[sums + 9]), b31 = bc(s[sums + 10]), b32 = bc(s[sums + 11]);
        j = 0;
        for (; j < bound; j += L) {
            DoubleVector u0 = DoubleVector.fromArray(S, u, j), u1 = DoubleVector.fromArray(S, u, n + j),
                    u2 = DoubleVector.fromArray(S, u, n2 + j), bj = DoubleVector.fromArray(S, b, j);
            DoubleVector r0 = bj.sub(DoubleVector.fromArray(S, xs, off + 0 * n + j));
            r0 = u0.fma(b00, r0);
            r0 = u1.fma(b01, r0);
            r0 = u2.fma(b02, r0);
            r0.mul(inv).intoArray(out, off + 0 * n + j);
            DoubleVector r1 = bj.sub(DoubleVector.fromArray(S, xs, off + 1 * n + j));
            r1 = u0.fma(b10, r1);
            r1 = u1.fma(b11, r1);
            r1 = u2.fma(b12, r1);
            r1.mul(inv).intoArray(out, off + 1 * n + j);
            DoubleVector r2 = bj.sub(DoubleVector.fromArray(S, xs, off + 2 * n + j));
            r2 = u0.fma(b20, r2);
            r2 = u1.fma(b21, r2);
            r2 = u2.fma(b22, r2);
            r2.mul(inv).intoArray(out, off + 2 * n + j);
            DoubleVector r3 = bj.sub(DoubleVector.fromArray(S, xs, off + 3 * n + j));
            r3 = u0.fma(b30, r3);
            r3 = u1.fma(b31, r3);
            r3 = u2.fma(b32, r3);
            r3.mul(inv).intoArray(out, off + 3 * n + j);
        }
        for (int t = 0; t < TILE; t++) {
            double s0 = s[sums + 3 * t], s1 = s[sums + 3 * t + 1], s2 = s[sums + 3 * t + 2];
            int o = off + t * n;
            for (int i = bound; i < n; i++) {
                double r = b[i] - xs[o + i];
                r = Math.fma(u[i], s0, r);
                r = Math.fma(u[n + i], s1, r);
                r = Math.fma(u[n2 + i], s2, r);
                out[o + i] = r * inv;
            }
        }
    }

    /**
     * Read when the batch step is first used, not when the kernels are built: a bad value then fails only the call
     * that uses it, with an {@link IllegalArgumentException} naming it, instead of every network's construction (the
     * shared kernels are built in a class initialiser, where it would surface as an ExceptionInInitializerError).
     * Racing threads resolve the same value.
     */
    @Override
    public int stepTile() {
        int t = stepTile;
        if (t == 0) {
            t = SimdKernels.stepTile(System.getProperty(SimdKernels.STEP_TILE_PROPERTY), Runtime.version().feature());
            stepTile = t;
        }
        return t;
    }

    @Override
    public int stepBatchScratchLength() {
        return Math.max(scratchLength(), L + 4 * TILE);   // tiles: lanes, ≤ 12 sums, 4 Σ x²; the B mod tile others: eulerStep
    }

    /**
     * B Euler–Maruyama steps of {@link #eulerStep}, one per state stored one after another ({@code xs[β·N + j]}),
     * state β with its own latent noise {@code cs[β·d, (β+1)·d)}. d = 3, tiles of four states (two before JDK 25:
     * JDK 17's compiler spills the four-state loop's accumulators: {@link SimdKernels#STEP_TILE_PROPERTY}): one sweep
     * over the neurons evaluates the four tanh vectors and adds them into 12 vector accumulators sharing each load of
     * W's three rows; a second sweep updates the four states sharing each load of U's columns and b. φ never goes
     * through memory and no drift array is written: per neuron-step the tile reads 7/4 parameter doubles instead of 7
     * (the parameters, 7N doubles, do not fit L1 for N ≳ 800, so this is L2 traffic saved). Each lane accumulates in the
     * order of {@link #readIn3Phi}, lanes are added in lane order, then the tail neurons, and the update repeats
     * {@link #eulerStep}'s operations, so every state's new value is bit-identical to a single {@link #eulerStep}.
     * The remaining states (B mod the tile), and every state when d = 1 or 2, take {@link #eulerStep} itself.
     *
     * @return false (nothing stepped) when d &gt; 3
     */
    @Override
    public boolean eulerStepBatch(double[] xs, int batch, double h, double[] cs, double[] sq, double[] s) {
        if (d > 3) return false;
        int beta = 0;
        if (stepTile() == 4) {
            for (; d == 3 && beta + 4 <= batch; beta += 4) {
                readIn4Phi(xs, beta * n, s);
                update4(xs, beta, h, cs, s, sq != null);
                if (sq != null) System.arraycopy(s, L + 12, sq, beta, 4);
            }
        } else {
            for (; d == 3 && beta + 2 <= batch; beta += 2) {
                readIn2Phi(xs, beta * n, s);
                update2(xs, beta, h, cs, s, sq != null);
                if (sq != null) System.arraycopy(s, L + 6, sq, beta, 2);
            }
        }
        for (; beta < batch; beta++) {
            double q = d == 3 ? eulerStepAt(xs, beta * n, h, cs, beta * d, s) : eulerStepLowD(xs, beta * n, h, cs, beta * d, s);
            if (sq != null) sq[beta] = q;
        }
        return true;
    }

    /**
     * The read-in sums of the four states at {@code xs[o0 + t·n, …)} (t &lt; 4), to {@code s[L + 3t + k]}: tanh and
     * 12 vector accumulators in one loop (the lanes' order of {@link #readIn3Phi}), lanes in order, then the tail.
     * Its own method: with the update in the same method C2 stops inlining the Vector API calls and boxes every
     * vector (measured: 52 MB allocated per 64-state step).
     */
    private void readIn4Phi(double[] xs, int o0, double[] s) {
        final int n = this.n, n2 = 2 * n;
        final double[] w = this.w;
        final int o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
        final int bound = S.loopBound(n);
        DoubleVector a00 = DoubleVector.zero(S), a01 = DoubleVector.zero(S), a02 = DoubleVector.zero(S);
        DoubleVector a10 = DoubleVector.zero(S), a11 = DoubleVector.zero(S), a12 = DoubleVector.zero(S);
        DoubleVector a20 = DoubleVector.zero(S), a21 = DoubleVector.zero(S), a22 = DoubleVector.zero(S);
        DoubleVector a30 = DoubleVector.zero(S), a31 = DoubleVector.zero(S), a32 = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector w0 = DoubleVector.fromArray(S, w, j), w1 = DoubleVector.fromArray(S, w, n + j),
                    w2 = DoubleVector.fromArray(S, w, n2 + j);
            DoubleVector x0 = DoubleVector.fromArray(S, xs, o0 + j);
            DoubleVector a0 = x0.abs();
            VectorMask<Double> big0 = a0.compare(VectorOperators.GT, A_MAX);
            DoubleVector t0 = a0.fma(INV_STEP, ROUND);
            DoubleVector k0 = t0.sub(ROUND);
            DoubleVector h0 = k0.fma(V_MSTEP, a0);
            DoubleVector r0 = h0.add(h0);
            DoubleVector rr0 = r0.mul(r0);
            DoubleVector r40 = rr0.mul(rr0);   // unused in the table form (C2 drops it)
            DoubleVector q0 = TABLE_FORM ? rr0.fma(rr0.fma(r0.fma(VQ5, VQ4), r0.fma(VQ3, VQ2)), r0.fma(VQ1, VQ0))
                    : r40.fma(r40.fma(r0.fma(VR9, VR8), rr0.fma(r0.fma(VR7, VR6), r0.fma(VR5, VR4))),
                            rr0.fma(r0.fma(VR3, VR2), r0.fma(VR1, VR0)));
            DoubleVector p0 = q0.fma(rr0, r0);
            LongVector ti0 = t0.reinterpretAsLongs();
            DoubleVector sc0 = (TABLE_FORM
                    ? ti0.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti0.and(7L).toShuffle()))
                    : ti0.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u0 = sc0.fma(p0, sc0.sub(1.0));
            DoubleVector f0 = u0.div(u0.add(2.0)).blend(1.0, big0).reinterpretAsLongs()
                    .or(x0.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            a00 = f0.fma(w0, a00);
            a01 = f0.fma(w1, a01);
            a02 = f0.fma(w2, a02);
            DoubleVector x1 = DoubleVector.fromArray(S, xs, o1 + j);
            DoubleVector a1 = x1.abs();
            VectorMask<Double> big1 = a1.compare(VectorOperators.GT, A_MAX);
            DoubleVector t1 = a1.fma(INV_STEP, ROUND);
            DoubleVector k1 = t1.sub(ROUND);
            DoubleVector h1 = k1.fma(V_MSTEP, a1);
            DoubleVector r1 = h1.add(h1);
            DoubleVector rr1 = r1.mul(r1);
            DoubleVector r41 = rr1.mul(rr1);   // unused in the table form (C2 drops it)
            DoubleVector q1 = TABLE_FORM ? rr1.fma(rr1.fma(r1.fma(VQ5, VQ4), r1.fma(VQ3, VQ2)), r1.fma(VQ1, VQ0))
                    : r41.fma(r41.fma(r1.fma(VR9, VR8), rr1.fma(r1.fma(VR7, VR6), r1.fma(VR5, VR4))),
                            rr1.fma(r1.fma(VR3, VR2), r1.fma(VR1, VR0)));
            DoubleVector p1 = q1.fma(rr1, r1);
            LongVector ti1 = t1.reinterpretAsLongs();
            DoubleVector sc1 = (TABLE_FORM
                    ? ti1.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti1.and(7L).toShuffle()))
                    : ti1.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u1 = sc1.fma(p1, sc1.sub(1.0));
            DoubleVector f1 = u1.div(u1.add(2.0)).blend(1.0, big1).reinterpretAsLongs()
                    .or(x1.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            a10 = f1.fma(w0, a10);
            a11 = f1.fma(w1, a11);
            a12 = f1.fma(w2, a12);
            DoubleVector x2 = DoubleVector.fromArray(S, xs, o2 + j);
            DoubleVector a2 = x2.abs();
            VectorMask<Double> big2 = a2.compare(VectorOperators.GT, A_MAX);
            DoubleVector t2 = a2.fma(INV_STEP, ROUND);
            DoubleVector k2 = t2.sub(ROUND);
            DoubleVector h2 = k2.fma(V_MSTEP, a2);
            DoubleVector r2 = h2.add(h2);
            DoubleVector rr2 = r2.mul(r2);
            DoubleVector r42 = rr2.mul(rr2);   // unused in the table form (C2 drops it)
            DoubleVector q2 = TABLE_FORM ? rr2.fma(rr2.fma(r2.fma(VQ5, VQ4), r2.fma(VQ3, VQ2)), r2.fma(VQ1, VQ0))
                    : r42.fma(r42.fma(r2.fma(VR9, VR8), rr2.fma(r2.fma(VR7, VR6), r2.fma(VR5, VR4))),
                            rr2.fma(r2.fma(VR3, VR2), r2.fma(VR1, VR0)));
            DoubleVector p2 = q2.fma(rr2, r2);
            LongVector ti2 = t2.reinterpretAsLongs();
            DoubleVector sc2 = (TABLE_FORM
                    ? ti2.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti2.and(7L).toShuffle()))
                    : ti2.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u2 = sc2.fma(p2, sc2.sub(1.0));
            DoubleVector f2 = u2.div(u2.add(2.0)).blend(1.0, big2).reinterpretAsLongs()
                    .or(x2.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            a20 = f2.fma(w0, a20);
            a21 = f2.fma(w1, a21);
            a22 = f2.fma(w2, a22);
            DoubleVector x3 = DoubleVector.fromArray(S, xs, o3 + j);
            DoubleVector a3 = x3.abs();
            VectorMask<Double> big3 = a3.compare(VectorOperators.GT, A_MAX);
            DoubleVector t3 = a3.fma(INV_STEP, ROUND);
            DoubleVector k3 = t3.sub(ROUND);
            DoubleVector h3 = k3.fma(V_MSTEP, a3);
            DoubleVector r3 = h3.add(h3);
            DoubleVector rr3 = r3.mul(r3);
            DoubleVector r43 = rr3.mul(rr3);   // unused in the table form (C2 drops it)
            DoubleVector q3 = TABLE_FORM ? rr3.fma(rr3.fma(r3.fma(VQ5, VQ4), r3.fma(VQ3, VQ2)), r3.fma(VQ1, VQ0))
                    : r43.fma(r43.fma(r3.fma(VR9, VR8), rr3.fma(r3.fma(VR7, VR6), r3.fma(VR5, VR4))),
                            rr3.fma(r3.fma(VR3, VR2), r3.fma(VR1, VR0)));
            DoubleVector p3 = q3.fma(rr3, r3);
            LongVector ti3 = t3.reinterpretAsLongs();
            DoubleVector sc3 = (TABLE_FORM
                    ? ti3.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti3.and(7L).toShuffle()))
                    : ti3.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u3 = sc3.fma(p3, sc3.sub(1.0));
            DoubleVector f3 = u3.div(u3.add(2.0)).blend(1.0, big3).reinterpretAsLongs()
                    .or(x3.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            a30 = f3.fma(w0, a30);
            a31 = f3.fma(w1, a31);
            a32 = f3.fma(w2, a32);
        }
        // lanes in order, then the tail neurons from the first tail index (as readIn3Phi); sums to s[L ..]
        final int sums = L;
        a00.intoArray(s, 0);
        s[sums + 0] = laneSum(s, 0);
        a01.intoArray(s, 0);
        s[sums + 1] = laneSum(s, 0);
        a02.intoArray(s, 0);
        s[sums + 2] = laneSum(s, 0);
        a10.intoArray(s, 0);
        s[sums + 3] = laneSum(s, 0);
        a11.intoArray(s, 0);
        s[sums + 4] = laneSum(s, 0);
        a12.intoArray(s, 0);
        s[sums + 5] = laneSum(s, 0);
        a20.intoArray(s, 0);
        s[sums + 6] = laneSum(s, 0);
        a21.intoArray(s, 0);
        s[sums + 7] = laneSum(s, 0);
        a22.intoArray(s, 0);
        s[sums + 8] = laneSum(s, 0);
        a30.intoArray(s, 0);
        s[sums + 9] = laneSum(s, 0);
        a31.intoArray(s, 0);
        s[sums + 10] = laneSum(s, 0);
        a32.intoArray(s, 0);
        s[sums + 11] = laneSum(s, 0);
        readInTails(xs, o0, 4, bound, s);
    }


    /**
     * The Euler–Maruyama updates of the four states from {@code xs[β·n]} with the read-in sums of {@link #readIn4Phi}:
     * {@link #eulerStepAt}'s operations, each load of U's columns and b serving the four states (no sum of squares).
     */
    private void update4(double[] xs, int beta, double h, double[] cs, double[] s, boolean squares) {
        final int n = this.n, n2 = 2 * n, sums = L;
        final double[] u = uc, b = this.b;
        final int o0 = beta * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
        final int bound = S.loopBound(n);
        final double ht = invTau * h;
        for (int k = 0; k < 3 * TILE; k++) s[sums + k] = Math.fma(s[sums + k], ht, cs[beta * 3 + k]);   // e = a·h/τ + c
        final DoubleVector vh = bc(ht);
        DoubleVector b00 = bc(s[sums + 0]), b01 = bc(s[sums + 1]), b02 = bc(s[sums + 2]);
        DoubleVector b10 = bc(s[sums + 3]), b11 = bc(s[sums + 4]), b12 = bc(s[sums + 5]);
        DoubleVector b20 = bc(s[sums + 6]), b21 = bc(s[sums + 7]), b22 = bc(s[sums + 8]);
        DoubleVector b30 = bc(s[sums + 9]), b31 = bc(s[sums + 10]), b32 = bc(s[sums + 11]);
        DoubleVector q0 = DoubleVector.zero(S), q1 = q0, q2 = q0, q3 = q0;   // Σ x² of the new states, one chain each
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector u0 = DoubleVector.fromArray(S, u, j), u1 = DoubleVector.fromArray(S, u, n + j),
                    u2 = DoubleVector.fromArray(S, u, n2 + j), bj = DoubleVector.fromArray(S, b, j);
            DoubleVector x0 = DoubleVector.fromArray(S, xs, o0 + j);
            DoubleVector r0 = bj.sub(x0).fma(vh, x0);
            r0 = u0.fma(b00, r0);
            r0 = u1.fma(b01, r0);
            r0 = u2.fma(b02, r0);
            r0.intoArray(xs, o0 + j);
            DoubleVector x1 = DoubleVector.fromArray(S, xs, o1 + j);
            DoubleVector r1 = bj.sub(x1).fma(vh, x1);
            r1 = u0.fma(b10, r1);
            r1 = u1.fma(b11, r1);
            r1 = u2.fma(b12, r1);
            r1.intoArray(xs, o1 + j);
            DoubleVector x2 = DoubleVector.fromArray(S, xs, o2 + j);
            DoubleVector r2 = bj.sub(x2).fma(vh, x2);
            r2 = u0.fma(b20, r2);
            r2 = u1.fma(b21, r2);
            r2 = u2.fma(b22, r2);
            r2.intoArray(xs, o2 + j);
            DoubleVector x3 = DoubleVector.fromArray(S, xs, o3 + j);
            DoubleVector r3 = bj.sub(x3).fma(vh, x3);
            r3 = u0.fma(b30, r3);
            r3 = u1.fma(b31, r3);
            r3 = u2.fma(b32, r3);
            r3.intoArray(xs, o3 + j);
            if (squares) {
                q0 = r0.fma(r0, q0);
                q1 = r1.fma(r1, q1);
                q2 = r2.fma(r2, q2);
                q3 = r3.fma(r3, q3);
            }
        }
        q0.intoArray(s, 0);
        s[sums + 12] = laneSum(s, 0);
        q1.intoArray(s, 0);
        s[sums + 13] = laneSum(s, 0);
        q2.intoArray(s, 0);
        s[sums + 14] = laneSum(s, 0);
        q3.intoArray(s, 0);
        s[sums + 15] = laneSum(s, 0);
        updateTails(xs, o0, 4, bound, ht, s);
    }

    /**
     * {@link #readIn4Phi} for a tile of two states ({@code xs[o0 …)} and {@code xs[o0 + n …)}; sums to
     * {@code s[L + 3t + k]}): six accumulators, the same operations and lane order.
     */
    private void readIn2Phi(double[] xs, int o0, double[] s) {
        final int n = this.n, n2 = 2 * n;
        final double[] w = this.w;
        final int o1 = o0 + n;
        final int bound = S.loopBound(n);
        DoubleVector a00 = DoubleVector.zero(S), a01 = DoubleVector.zero(S), a02 = DoubleVector.zero(S);
        DoubleVector a10 = DoubleVector.zero(S), a11 = DoubleVector.zero(S), a12 = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector w0 = DoubleVector.fromArray(S, w, j), w1 = DoubleVector.fromArray(S, w, n + j),
                    w2 = DoubleVector.fromArray(S, w, n2 + j);
            DoubleVector x0 = DoubleVector.fromArray(S, xs, o0 + j);
            DoubleVector a0 = x0.abs();
            VectorMask<Double> big0 = a0.compare(VectorOperators.GT, A_MAX);
            DoubleVector t0 = a0.fma(INV_STEP, ROUND);
            DoubleVector k0 = t0.sub(ROUND);
            DoubleVector h0 = k0.fma(V_MSTEP, a0);
            DoubleVector r0 = h0.add(h0);
            DoubleVector rr0 = r0.mul(r0);
            DoubleVector r40 = rr0.mul(rr0);   // unused in the table form (C2 drops it)
            DoubleVector q0 = TABLE_FORM ? rr0.fma(rr0.fma(r0.fma(VQ5, VQ4), r0.fma(VQ3, VQ2)), r0.fma(VQ1, VQ0))
                    : r40.fma(r40.fma(r0.fma(VR9, VR8), rr0.fma(r0.fma(VR7, VR6), r0.fma(VR5, VR4))),
                            rr0.fma(r0.fma(VR3, VR2), r0.fma(VR1, VR0)));
            DoubleVector p0 = q0.fma(rr0, r0);
            LongVector ti0 = t0.reinterpretAsLongs();
            DoubleVector sc0 = (TABLE_FORM
                    ? ti0.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti0.and(7L).toShuffle()))
                    : ti0.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u0 = sc0.fma(p0, sc0.sub(1.0));
            DoubleVector f0 = u0.div(u0.add(2.0)).blend(1.0, big0).reinterpretAsLongs()
                    .or(x0.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            a00 = f0.fma(w0, a00);
            a01 = f0.fma(w1, a01);
            a02 = f0.fma(w2, a02);
            DoubleVector x1 = DoubleVector.fromArray(S, xs, o1 + j);
            DoubleVector a1 = x1.abs();
            VectorMask<Double> big1 = a1.compare(VectorOperators.GT, A_MAX);
            DoubleVector t1 = a1.fma(INV_STEP, ROUND);
            DoubleVector k1 = t1.sub(ROUND);
            DoubleVector h1 = k1.fma(V_MSTEP, a1);
            DoubleVector r1 = h1.add(h1);
            DoubleVector rr1 = r1.mul(r1);
            DoubleVector r41 = rr1.mul(rr1);   // unused in the table form (C2 drops it)
            DoubleVector q1 = TABLE_FORM ? rr1.fma(rr1.fma(r1.fma(VQ5, VQ4), r1.fma(VQ3, VQ2)), r1.fma(VQ1, VQ0))
                    : r41.fma(r41.fma(r1.fma(VR9, VR8), rr1.fma(r1.fma(VR7, VR6), r1.fma(VR5, VR4))),
                            rr1.fma(r1.fma(VR3, VR2), r1.fma(VR1, VR0)));
            DoubleVector p1 = q1.fma(rr1, r1);
            LongVector ti1 = t1.reinterpretAsLongs();
            DoubleVector sc1 = (TABLE_FORM
                    ? ti1.lanewise(VectorOperators.LSHL, 49).add(TABLE_LANES.rearrange(ti1.and(7L).toShuffle()))
                    : ti1.add(1023L).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector u1 = sc1.fma(p1, sc1.sub(1.0));
            DoubleVector f1 = u1.div(u1.add(2.0)).blend(1.0, big1).reinterpretAsLongs()
                    .or(x1.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            a10 = f1.fma(w0, a10);
            a11 = f1.fma(w1, a11);
            a12 = f1.fma(w2, a12);
        }
        final int sums = L;
        a00.intoArray(s, 0);
        s[sums + 0] = laneSum(s, 0);
        a01.intoArray(s, 0);
        s[sums + 1] = laneSum(s, 0);
        a02.intoArray(s, 0);
        s[sums + 2] = laneSum(s, 0);
        a10.intoArray(s, 0);
        s[sums + 3] = laneSum(s, 0);
        a11.intoArray(s, 0);
        s[sums + 4] = laneSum(s, 0);
        a12.intoArray(s, 0);
        s[sums + 5] = laneSum(s, 0);
        readInTails(xs, o0, 2, bound, s);
    }

    /** {@link #update4} for a tile of two states from {@code xs[β·n]}. */
    private void update2(double[] xs, int beta, double h, double[] cs, double[] s, boolean squares) {
        final int n = this.n, n2 = 2 * n, sums = L;
        final double[] u = uc, b = this.b;
        final int o0 = beta * n, o1 = o0 + n;
        final int bound = S.loopBound(n);
        final double ht = invTau * h;
        for (int k = 0; k < 6; k++) s[sums + k] = Math.fma(s[sums + k], ht, cs[beta * 3 + k]);   // e = a·h/τ + c
        final DoubleVector vh = bc(ht);
        DoubleVector b00 = bc(s[sums + 0]), b01 = bc(s[sums + 1]), b02 = bc(s[sums + 2]);
        DoubleVector b10 = bc(s[sums + 3]), b11 = bc(s[sums + 4]), b12 = bc(s[sums + 5]);
        DoubleVector q0 = DoubleVector.zero(S), q1 = q0;   // Σ x² of the new states, one chain each
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector u0 = DoubleVector.fromArray(S, u, j), u1 = DoubleVector.fromArray(S, u, n + j),
                    u2 = DoubleVector.fromArray(S, u, n2 + j), bj = DoubleVector.fromArray(S, b, j);
            DoubleVector x0 = DoubleVector.fromArray(S, xs, o0 + j);
            DoubleVector r0 = bj.sub(x0).fma(vh, x0);
            r0 = u0.fma(b00, r0);
            r0 = u1.fma(b01, r0);
            r0 = u2.fma(b02, r0);
            r0.intoArray(xs, o0 + j);
            DoubleVector x1 = DoubleVector.fromArray(S, xs, o1 + j);
            DoubleVector r1 = bj.sub(x1).fma(vh, x1);
            r1 = u0.fma(b10, r1);
            r1 = u1.fma(b11, r1);
            r1 = u2.fma(b12, r1);
            r1.intoArray(xs, o1 + j);
            if (squares) {
                q0 = r0.fma(r0, q0);
                q1 = r1.fma(r1, q1);
            }
        }
        q0.intoArray(s, 0);
        s[sums + 6] = laneSum(s, 0);
        q1.intoArray(s, 0);
        s[sums + 7] = laneSum(s, 0);
        updateTails(xs, o0, 2, bound, ht, s);
    }

    /**
     * The tail neurons [bound, n) of a tile's read-in: for each of its {@code states} states, scalar tanh and fused
     * multiply-adds from the first tail index, added to its three sums {@code s[L + 3t + k]} (the order of
     * {@link #readIn3Phi}).
     */
    private void readInTails(double[] xs, int o0, int states, int bound, double[] s) {
        final int n = this.n, n2 = 2 * n;
        final double[] w = this.w;
        for (int t = 0; t < states; t++) {
            double t0 = 0, t1 = 0, t2 = 0;
            int o = o0 + t * n;
            for (int i = bound; i < n; i++) {
                double f = scalarTanh(xs[o + i]);
                t0 = Math.fma(f, w[i], t0);
                t1 = Math.fma(f, w[n + i], t1);
                t2 = Math.fma(f, w[n2 + i], t2);
            }
            s[L + 3 * t] += t0;
            s[L + 3 * t + 1] += t1;
            s[L + 3 * t + 2] += t2;
        }
    }

    /** The tail neurons [bound, n) of a tile's update: {@link #eulerStepAt}'s scalar operations, state by state. */
    private void updateTails(double[] xs, int o0, int states, int bound, double ht, double[] s) {
        final int n = this.n, n2 = 2 * n;
        final double[] u = uc, b = this.b;
        for (int t = 0; t < states; t++) {
            double e0 = s[L + 3 * t], e1 = s[L + 3 * t + 1], e2 = s[L + 3 * t + 2];
            int o = o0 + t * n;
            double sq = s[L + 3 * states + t];
            for (int i = bound; i < n; i++) {
                double xi = xs[o + i];
                double xn = Math.fma(b[i] - xi, ht, xi);
                xn = Math.fma(u[i], e0, xn);
                xn = Math.fma(u[n + i], e1, xn);
                xn = Math.fma(u[n2 + i], e2, xn);
                xs[o + i] = xn;
                sq = Math.fma(xn, xn, sq);
            }
            s[L + 3 * states + t] = sq;
        }
    }

    /**
     * The readout sums {@code zt[k] = Σ_j U_jk (x_j − b_j) / N} for k &lt; columns. d = 3: one sweep over the neurons
     * with {@code y = x − b} formed once per vector and six accumulators (two chains of 2L neurons per column, so that
     * the fused multiply-adds overlap instead of waiting on each other's latency); d = 2 the same in one sweep with four
     * accumulators (the bits of the column-by-column loop, which reads x and b once per column); other d: the same two
     * chains column by column. Each column's two chains are added lane by lane, the lanes in lane order, then the tail neurons by
     * scalar fused multiply-adds. Vectors never leave this method.
     */
    @Override
    public void project(double[] x, double[] zt, int columns, double[] lanes) {
        final int n = this.n;
        final double[] u = uc, b = this.b;
        final double inv = 1.0 / n;
        if (columns == 3) {
            final int n2 = 2 * n;
            DoubleVector a0 = DoubleVector.zero(S), a1 = DoubleVector.zero(S), a2 = DoubleVector.zero(S);
            DoubleVector c0 = DoubleVector.zero(S), c1 = DoubleVector.zero(S), c2 = DoubleVector.zero(S);
            int j = 0;
            for (; j <= n - 2 * L; j += 2 * L) {
                DoubleVector y = DoubleVector.fromArray(S, x, j).sub(DoubleVector.fromArray(S, b, j));
                DoubleVector z = DoubleVector.fromArray(S, x, j + L).sub(DoubleVector.fromArray(S, b, j + L));
                a0 = DoubleVector.fromArray(S, u, j).fma(y, a0);
                a1 = DoubleVector.fromArray(S, u, n + j).fma(y, a1);
                a2 = DoubleVector.fromArray(S, u, n2 + j).fma(y, a2);
                c0 = DoubleVector.fromArray(S, u, j + L).fma(z, c0);
                c1 = DoubleVector.fromArray(S, u, n + j + L).fma(z, c1);
                c2 = DoubleVector.fromArray(S, u, n2 + j + L).fma(z, c2);
            }
            for (; j <= n - L; j += L) {
                DoubleVector y = DoubleVector.fromArray(S, x, j).sub(DoubleVector.fromArray(S, b, j));
                a0 = DoubleVector.fromArray(S, u, j).fma(y, a0);
                a1 = DoubleVector.fromArray(S, u, n + j).fma(y, a1);
                a2 = DoubleVector.fromArray(S, u, n2 + j).fma(y, a2);
            }
            a0.add(c0).intoArray(lanes, 0);
            double z0 = laneSum(lanes, 0);
            a1.add(c1).intoArray(lanes, 0);
            double z1 = laneSum(lanes, 0);
            a2.add(c2).intoArray(lanes, 0);
            double z2 = laneSum(lanes, 0);
            for (; j < n; j++) {
                double y = x[j] - b[j];
                z0 = Math.fma(u[j], y, z0);
                z1 = Math.fma(u[n + j], y, z1);
                z2 = Math.fma(u[n2 + j], y, z2);
            }
            zt[0] = z0 * inv;
            zt[1] = z1 * inv;
            zt[2] = z2 * inv;
            return;
        }
        if (columns == 2) {   // the chains of the loop below, both columns in one sweep: x and b read once
            DoubleVector a0 = DoubleVector.zero(S), a1 = DoubleVector.zero(S);
            DoubleVector c0 = DoubleVector.zero(S), c1 = DoubleVector.zero(S);
            int j = 0;
            for (; j <= n - 2 * L; j += 2 * L) {
                DoubleVector y = DoubleVector.fromArray(S, x, j).sub(DoubleVector.fromArray(S, b, j));
                DoubleVector z = DoubleVector.fromArray(S, x, j + L).sub(DoubleVector.fromArray(S, b, j + L));
                a0 = DoubleVector.fromArray(S, u, j).fma(y, a0);
                a1 = DoubleVector.fromArray(S, u, n + j).fma(y, a1);
                c0 = DoubleVector.fromArray(S, u, j + L).fma(z, c0);
                c1 = DoubleVector.fromArray(S, u, n + j + L).fma(z, c1);
            }
            for (; j <= n - L; j += L) {
                DoubleVector y = DoubleVector.fromArray(S, x, j).sub(DoubleVector.fromArray(S, b, j));
                a0 = DoubleVector.fromArray(S, u, j).fma(y, a0);
                a1 = DoubleVector.fromArray(S, u, n + j).fma(y, a1);
            }
            a0.add(c0).intoArray(lanes, 0);
            double z0 = laneSum(lanes, 0);
            a1.add(c1).intoArray(lanes, 0);
            double z1 = laneSum(lanes, 0);
            for (; j < n; j++) {
                double y = x[j] - b[j];
                z0 = Math.fma(u[j], y, z0);
                z1 = Math.fma(u[n + j], y, z1);
            }
            zt[0] = z0 * inv;
            zt[1] = z1 * inv;
            return;
        }
        for (int k = 0; k < columns; k++) {
            final int off = k * n;
            DoubleVector s0 = DoubleVector.zero(S), s1 = DoubleVector.zero(S);
            int j = 0;
            for (; j <= n - 2 * L; j += 2 * L) {
                DoubleVector y = DoubleVector.fromArray(S, x, j).sub(DoubleVector.fromArray(S, b, j));
                DoubleVector z = DoubleVector.fromArray(S, x, j + L).sub(DoubleVector.fromArray(S, b, j + L));
                s0 = DoubleVector.fromArray(S, u, off + j).fma(y, s0);
                s1 = DoubleVector.fromArray(S, u, off + j + L).fma(z, s1);
            }
            for (; j <= n - L; j += L) {
                s0 = DoubleVector.fromArray(S, u, off + j).fma(DoubleVector.fromArray(S, x, j).sub(DoubleVector.fromArray(S, b, j)), s0);
            }
            s0.add(s1).intoArray(lanes, 0);
            double sum = laneSum(lanes, 0);
            for (; j < n; j++) sum = Math.fma(u[off + j], x[j] - b[j], sum);
            zt[k] = sum * inv;
        }
    }

    private static DoubleVector bc(double c) {
        return DoubleVector.broadcast(S, c);
    }
}
