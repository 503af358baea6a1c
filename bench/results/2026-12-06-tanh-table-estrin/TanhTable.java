import jdk.incubator.vector.*;
import java.util.*;

/**
 * Exploration (2026-12-05, second session), not part of the build: a table-driven form of rnn.VectorKernels' vector
 * tanh. y = 2|x| = (8k + j)·ln2/8 + r with |r| ≤ ln2/16, n = 8k + j ≤ 462, by one fused multiply-add with ln2/8
 * rounded to double: r is off by n·|ln2/8 − fl(ln2/8)| ≤ n·7e-18, a relative error of exp(y) that moves tanh by at most
 * 2e^y/(e^y + 1)² times it (≤ 4e-17 for every n);
 * 2^(j/8) from an 8-entry table by one lane permute (LongVector.rearrange), 2^k added to its exponent bits; expm1(r) =
 * r + r² q(r) with q of degree 6 (Chebyshev, relative error 5.5e-19; bench/tanh_coefficients.py's method on ±ln2/16)
 * instead of degree 9; then u/(u + 2) as in the library. Four fewer fused multiply-adds, three more integer or permute
 * operations. Checks: max |error| against Math.tanh on a grid of [−25, 25], vector lanes bit-identical to the scalar form.
 * Times (ns per element, 1008 elements): "lib" the library's single-vector loop, "lib3" its three-vector loop
 * (rnn.VectorKernels.tanhBlock, the one in use), "table"/"table3" the table form the same two ways. Needs 8 lanes
 * (AVX-512); with 4 lanes the table would need a two-vector permute.
 * javac --add-modules jdk.incubator.vector -d . TanhTable.java && java --add-modules jdk.incubator.vector TanhTable
 */
public class TanhTable {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> SL = LongVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final double Y_MAX = 40.0, LOG2E = 1.4426950408889634, ROUND = 0x1.8p52;
    static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    static final long SIGN = 0x8000000000000000L;
    static final double Q0 = 0.5000000000000001, Q1 = 0.16666666666666669, Q2 = 0.041666666666624164, Q3 = 0.008333333333330065,
            Q4 = 0.0013888888917196719, Q5 = 0.00019841269863040545, Q6 = 2.4801521322368692e-05,
            Q7 = 2.7557268480310024e-06, Q8 = 2.7620075879983367e-07, Q9 = 2.5100375832561234e-08;
    static final DoubleVector VQ0 = bc(Q0), VQ1 = bc(Q1), VQ2 = bc(Q2), VQ3 = bc(Q3), VQ4 = bc(Q4),
            VQ5 = bc(Q5), VQ6 = bc(Q6), VQ7 = bc(Q7), VQ8 = bc(Q8), VQ9 = bc(Q9),
            V_MLN2_HI = bc(-LN2_HI), V_MLN2_LO = bc(-LN2_LO);
    // table form
    static final double E8 = 11.541560327111707, MLN2_8 = -0.08664339756999316;
    static final double R0 = 0.5, R1 = 0.16666666666666866, R2 = 0.041666666666666866, R3 = 0.008333333324839985,
            R4 = 0.001388888888039558, R5 = 0.0001984217493849779, R6 = 2.4802492395598088e-05;
    static final DoubleVector VR0 = bc(R0), VR1 = bc(R1), VR2 = bc(R2), VR3 = bc(R3), VR4 = bc(R4), VR5 = bc(R5), VR6 = bc(R6),
            V_MLN2_8 = bc(MLN2_8);
    static final long[] TB = new long[8];
    static { for (int j = 0; j < 8; j++) TB[j] = Double.doubleToRawLongBits(Math.pow(2, j / 8.0)) - ((long) j << 49); }
    static final double[] T8 = new double[8];
    static { for (int j = 0; j < 8; j++) T8[j] = Math.pow(2, j / 8.0); }
    static final LongVector VTB = LongVector.fromArray(SL, TB, 0);
    static DoubleVector bc(double v) { return DoubleVector.broadcast(S, v); }

    static double scalarTable(double x) {
        double y = Math.abs(x) + Math.abs(x);
        if (y > Y_MAX) return Math.copySign(1.0, x);
        double t = Math.fma(y, E8, ROUND);
        double n = t - ROUND;
        double r = Math.fma(n, MLN2_8, y);
        double q = Math.fma(R6, r, R5);
        q = Math.fma(q, r, R4); q = Math.fma(q, r, R3); q = Math.fma(q, r, R2); q = Math.fma(q, r, R1); q = Math.fma(q, r, R0);
        double p = Math.fma(q, r * r, r);
        long ti = Double.doubleToRawLongBits(t);
        double st = Double.longBitsToDouble((ti << 49) + TB[(int) (ti & 7)]);
        double u = Math.fma(st, p, st - 1.0);
        return Math.copySign(u / (u + 2.0), x);
    }

    static void lib(double[] x, double[] out, int len) {
        int i = 0;
        for (; i <= len - L; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, i);
            DoubleVector a = xv.abs();
            DoubleVector y = a.add(a);
            VectorMask<Double> big = y.compare(VectorOperators.GT, Y_MAX);
            DoubleVector t = y.fma(LOG2E, ROUND);
            DoubleVector k = t.sub(ROUND);
            DoubleVector r = k.fma(V_MLN2_HI, y);
            r = k.fma(V_MLN2_LO, r);
            DoubleVector q = r.fma(VQ9, VQ8);
            q = q.fma(r, VQ7); q = q.fma(r, VQ6); q = q.fma(r, VQ5); q = q.fma(r, VQ4);
            q = q.fma(r, VQ3); q = q.fma(r, VQ2); q = q.fma(r, VQ1); q = q.fma(r, VQ0);
            DoubleVector p = q.fma(r.mul(r), r);
            DoubleVector scale = t.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector u = scale.fma(p, scale.sub(1.0));
            LongVector mag = u.div(u.add(2.0)).blend(1.0, big).reinterpretAsLongs().and(~SIGN);
            mag.or(xv.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, i);
        }
    }

    static void table(double[] x, double[] out, int len) {
        int i = 0;
        for (; i <= len - L; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, i);
            DoubleVector a = xv.abs();
            DoubleVector y = a.add(a);
            VectorMask<Double> big = y.compare(VectorOperators.GT, Y_MAX);
            DoubleVector t = y.fma(E8, ROUND);
            DoubleVector n = t.sub(ROUND);
            DoubleVector r = n.fma(V_MLN2_8, y);
            DoubleVector q = r.fma(VR6, VR5);
            q = q.fma(r, VR4); q = q.fma(r, VR3); q = q.fma(r, VR2); q = q.fma(r, VR1); q = q.fma(r, VR0);
            DoubleVector p = q.fma(r.mul(r), r);
            LongVector ti = t.reinterpretAsLongs();
            LongVector tb = VTB.rearrange(ti.and(7L).toShuffle());
            DoubleVector st = ti.lanewise(VectorOperators.LSHL, 49).add(tb).reinterpretAsDoubles();
            DoubleVector u = st.fma(p, st.sub(1.0));
            LongVector mag = u.div(u.add(2.0)).blend(1.0, big).reinterpretAsLongs().and(~SIGN);
            mag.or(xv.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, i);
        }
    }

    static void table3(double[] x, double[] out, int len) {
        int i = 0;
        for (; i <= len - 3 * L; i += 3 * L) {
            DoubleVector x0 = DoubleVector.fromArray(S, x, i), x1 = DoubleVector.fromArray(S, x, i + L), x2 = DoubleVector.fromArray(S, x, i + 2 * L);
            DoubleVector a0 = x0.abs(), a1 = x1.abs(), a2 = x2.abs();
            DoubleVector y0 = a0.add(a0), y1 = a1.add(a1), y2 = a2.add(a2);
            VectorMask<Double> b0 = y0.compare(VectorOperators.GT, Y_MAX), b1 = y1.compare(VectorOperators.GT, Y_MAX), b2 = y2.compare(VectorOperators.GT, Y_MAX);
            DoubleVector t0 = y0.fma(E8, ROUND), t1 = y1.fma(E8, ROUND), t2 = y2.fma(E8, ROUND);
            DoubleVector r0 = t0.sub(ROUND).fma(V_MLN2_8, y0), r1 = t1.sub(ROUND).fma(V_MLN2_8, y1), r2 = t2.sub(ROUND).fma(V_MLN2_8, y2);
            DoubleVector q0 = r0.fma(VR6, VR5), q1 = r1.fma(VR6, VR5), q2 = r2.fma(VR6, VR5);
            q0 = q0.fma(r0, VR4); q1 = q1.fma(r1, VR4); q2 = q2.fma(r2, VR4);
            q0 = q0.fma(r0, VR3); q1 = q1.fma(r1, VR3); q2 = q2.fma(r2, VR3);
            q0 = q0.fma(r0, VR2); q1 = q1.fma(r1, VR2); q2 = q2.fma(r2, VR2);
            q0 = q0.fma(r0, VR1); q1 = q1.fma(r1, VR1); q2 = q2.fma(r2, VR1);
            q0 = q0.fma(r0, VR0); q1 = q1.fma(r1, VR0); q2 = q2.fma(r2, VR0);
            DoubleVector p0 = q0.fma(r0.mul(r0), r0), p1 = q1.fma(r1.mul(r1), r1), p2 = q2.fma(r2.mul(r2), r2);
            LongVector ti0 = t0.reinterpretAsLongs(), ti1 = t1.reinterpretAsLongs(), ti2 = t2.reinterpretAsLongs();
            DoubleVector s0 = ti0.lanewise(VectorOperators.LSHL, 49).add(VTB.rearrange(ti0.and(7L).toShuffle())).reinterpretAsDoubles();
            DoubleVector s1 = ti1.lanewise(VectorOperators.LSHL, 49).add(VTB.rearrange(ti1.and(7L).toShuffle())).reinterpretAsDoubles();
            DoubleVector s2 = ti2.lanewise(VectorOperators.LSHL, 49).add(VTB.rearrange(ti2.and(7L).toShuffle())).reinterpretAsDoubles();
            DoubleVector u0 = s0.fma(p0, s0.sub(1.0)), u1 = s1.fma(p1, s1.sub(1.0)), u2 = s2.fma(p2, s2.sub(1.0));
            LongVector m0 = u0.div(u0.add(2.0)).blend(1.0, b0).reinterpretAsLongs().and(~SIGN);
            LongVector m1 = u1.div(u1.add(2.0)).blend(1.0, b1).reinterpretAsLongs().and(~SIGN);
            LongVector m2 = u2.div(u2.add(2.0)).blend(1.0, b2).reinterpretAsLongs().and(~SIGN);
            m0.or(x0.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, i);
            m1.or(x1.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, i + L);
            m2.or(x2.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, i + 2 * L);
        }
    }

    static void lib3(double[] x, double[] out, int len) { int from = 0, to = 0;
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
            DoubleVector y0 = a0.add(a0);
            DoubleVector a1 = x1.abs();
            DoubleVector y1 = a1.add(a1);
            DoubleVector a2 = x2.abs();
            DoubleVector y2 = a2.add(a2);
            VectorMask<Double> big0 = y0.compare(VectorOperators.GT, Y_MAX);
            VectorMask<Double> big1 = y1.compare(VectorOperators.GT, Y_MAX);
            VectorMask<Double> big2 = y2.compare(VectorOperators.GT, Y_MAX);
            DoubleVector t0 = y0.fma(LOG2E, ROUND);
            DoubleVector t1 = y1.fma(LOG2E, ROUND);
            DoubleVector t2 = y2.fma(LOG2E, ROUND);
            DoubleVector k0 = t0.sub(ROUND);
            DoubleVector k1 = t1.sub(ROUND);
            DoubleVector k2 = t2.sub(ROUND);
            DoubleVector r0 = k0.fma(V_MLN2_HI, y0);
            DoubleVector r1 = k1.fma(V_MLN2_HI, y1);
            DoubleVector r2 = k2.fma(V_MLN2_HI, y2);
            r0 = k0.fma(V_MLN2_LO, r0);
            r1 = k1.fma(V_MLN2_LO, r1);
            r2 = k2.fma(V_MLN2_LO, r2);
            DoubleVector q0 = r0.fma(VQ9, VQ8);
            DoubleVector q1 = r1.fma(VQ9, VQ8);
            DoubleVector q2 = r2.fma(VQ9, VQ8);
            q0 = q0.fma(r0, VQ7);
            q1 = q1.fma(r1, VQ7);
            q2 = q2.fma(r2, VQ7);
            q0 = q0.fma(r0, VQ6);
            q1 = q1.fma(r1, VQ6);
            q2 = q2.fma(r2, VQ6);
            q0 = q0.fma(r0, VQ5);
            q1 = q1.fma(r1, VQ5);
            q2 = q2.fma(r2, VQ5);
            q0 = q0.fma(r0, VQ4);
            q1 = q1.fma(r1, VQ4);
            q2 = q2.fma(r2, VQ4);
            q0 = q0.fma(r0, VQ3);
            q1 = q1.fma(r1, VQ3);
            q2 = q2.fma(r2, VQ3);
            q0 = q0.fma(r0, VQ2);
            q1 = q1.fma(r1, VQ2);
            q2 = q2.fma(r2, VQ2);
            q0 = q0.fma(r0, VQ1);
            q1 = q1.fma(r1, VQ1);
            q2 = q2.fma(r2, VQ1);
            q0 = q0.fma(r0, VQ0);
            q1 = q1.fma(r1, VQ0);
            q2 = q2.fma(r2, VQ0);
            DoubleVector p0 = q0.fma(r0.mul(r0), r0);
            DoubleVector p1 = q1.fma(r1.mul(r1), r1);
            DoubleVector p2 = q2.fma(r2.mul(r2), r2);
            DoubleVector s0 = t0.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector s1 = t1.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector s2 = t2.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector u0 = s0.fma(p0, s0.sub(1.0));
            DoubleVector u1 = s1.fma(p1, s1.sub(1.0));
            DoubleVector u2 = s2.fma(p2, s2.sub(1.0));
            LongVector m0 = u0.div(u0.add(2.0)).blend(1.0, big0).reinterpretAsLongs().and(~SIGN);
            LongVector m1 = u1.div(u1.add(2.0)).blend(1.0, big1).reinterpretAsLongs().and(~SIGN);
            LongVector m2 = u2.div(u2.add(2.0)).blend(1.0, big2).reinterpretAsLongs().and(~SIGN);
            m0.or(x0.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, to + i + 0 * L);
            m1.or(x1.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, to + i + 1 * L);
            m2.or(x2.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, to + i + 2 * L);
        }
    }

    interface K { void run(double[] x, double[] o, int n); }
    public static void main(String[] a) {
        System.out.println(System.getProperty("java.version") + " " + S);
        int n = 1008;
        double[] x = new double[n], o = new double[n];
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian() * 2;
        // accuracy of the scalar table form and vector = scalar
        double maxErr = 0; long bad = 0;
        for (int i = 0; i <= 2_000_000; i++) {
            double v = -25 + 50.0 * i / 2_000_000;
            maxErr = Math.max(maxErr, Math.abs(scalarTable(v) - Math.tanh(v)));
        }
        double[] g = new double[8 * 10000], go = new double[g.length];
        for (int i = 0; i < g.length; i++) g[i] = rnd.nextGaussian() * 5;
        table(g, go, g.length);
        for (int i = 0; i < g.length; i++) if (Double.doubleToRawLongBits(go[i]) != Double.doubleToRawLongBits(scalarTable(g[i]))) bad++;
        System.out.printf("table: max |err| %.3g, vector != scalar lanes: %d%n", maxErr, bad);
        String[] names = {"horner3", "estrin-lib", "table3"};
        K[] ks = {TanhTable::lib3, (xx, oo, nn) -> ddmatch.rnn.NetworkKernels.tanh(xx, oo, nn), TanhTable::table3};
        for (int round = 0; round < 3; round++)
            for (int k = 0; k < ks.length; k++) {
                for (int w = 0; w < 20000; w++) ks[k].run(x, o, n);
                long t0 = System.nanoTime();
                int R = 200000;
                for (int w = 0; w < R; w++) ks[k].run(x, o, n);
                System.out.printf("round %d %-8s %.3f ns/elem%n", round, names[k], (System.nanoTime() - t0) / (double) R / n);
            }
    }
}
