import jdk.incubator.vector.*;
import java.util.*;

/**
 * Exploration (2026-12-05), not part of the build: is the vector tanh of rnn.VectorKernels bound by its division?
 * Times three single-vector-loop variants on 1000 elements: the library's form, the same with the division replaced
 * by a multiplication (wrong values, a lower bound), and a reciprocal from a float division plus two Newton steps.
 * javac --add-modules jdk.incubator.vector -d . TanhVariants.java && java --add-modules jdk.incubator.vector TanhVariants
 */
public class TanhVariants {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(S.vectorBitSize() / 2));
    static final double Y_MAX = 40.0, LOG2E = 1.4426950408889634, ROUND = 0x1.8p52;
    static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    static final long SIGN = 0x8000000000000000L;
    static final double Q0 = 0.5000000000000001, Q1 = 0.16666666666666669, Q2 = 0.041666666666624164, Q3 = 0.008333333333330065,
            Q4 = 0.0013888888917196719, Q5 = 0.00019841269863040545, Q6 = 2.4801521322368692e-05,
            Q7 = 2.7557268480310024e-06, Q8 = 2.7620075879983367e-07, Q9 = 2.5100375832561234e-08;
    static final DoubleVector VQ0 = bc(Q0), VQ1 = bc(Q1), VQ2 = bc(Q2), VQ3 = bc(Q3), VQ4 = bc(Q4),
            VQ5 = bc(Q5), VQ6 = bc(Q6), VQ7 = bc(Q7), VQ8 = bc(Q8), VQ9 = bc(Q9),
            V_MLN2_HI = bc(-LN2_HI), V_MLN2_LO = bc(-LN2_LO);
    static DoubleVector bc(double v) { return DoubleVector.broadcast(S, v); }

    // mode 0: the library's vector tanh (single-vector loop); 1: the same with u·d in place of u/d
    static void tanh(double[] x, double[] out, int len, int mode) {
        for (int i = 0; i < len; i += L) {
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
            DoubleVector d = u.add(2.0);
            DoubleVector th;
            if (mode == 0) th = u.div(d);
            else th = u.mul(d);   // mode 1: the division replaced by a multiplication (wrong values; timing only)
            LongVector mag = th.blend(1.0, big).reinterpretAsLongs().and(~SIGN);
            mag.or(xv.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, i);
        }
    }

    static void tanhRecip(double[] x, double[] out, int len) {
        FloatVector one = FloatVector.broadcast(F, 1.0f);
        DoubleVector ONE = bc(1.0);
        for (int i = 0; i < len; i += L) {
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
            DoubleVector d = u.add(2.0);
            FloatVector df = (FloatVector) d.convertShape(VectorOperators.D2F, F, 0);
            DoubleVector z = (DoubleVector) one.div(df).convertShape(VectorOperators.F2D, S, 0);
            DoubleVector e = d.neg().fma(z, ONE);
            z = z.fma(e, z);
            e = d.neg().fma(z, ONE);
            z = z.fma(e, z);
            DoubleVector th = u.mul(z);
            LongVector mag = th.blend(1.0, big).reinterpretAsLongs().and(~SIGN);
            mag.or(xv.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles().intoArray(out, i);
        }
    }

    public static void main(String[] args) {
        int n = 1000 - 1000 % L;
        double[] x = new double[n], out = new double[n];
        SplittableRandom g = new SplittableRandom(1);
        for (int i = 0; i < n; i++) x[i] = 3 * g.nextGaussian();
        // accuracy of the reciprocal variant
        double maxErr = 0;
        double[] grid = new double[800000 - 800000 % L], go = new double[grid.length];
        for (int i = 0; i < grid.length; i++) grid[i] = -25 + 50.0 * i / grid.length;
        tanhRecip(grid, go, grid.length);
        for (int i = 0; i < grid.length; i++) maxErr = Math.max(maxErr, Math.abs(go[i] - Math.tanh(grid[i])));
        tanh(grid, go, grid.length, 0);
        double maxErr0 = 0;
        for (int i = 0; i < grid.length; i++) maxErr0 = Math.max(maxErr0, Math.abs(go[i] - Math.tanh(grid[i])));
        System.out.printf("species %s; max |err| div %.3g, recip %.3g%n", S, maxErr0, maxErr);
        String[] names = {"div", "mul (bound)", "float recip + 2 Newton"};
        for (int round = 0; round < 3; round++) {
            for (int mode : new int[] {0, 1, 2}) {
                double[] ts = new double[15];
                for (int rep = 0; rep < ts.length; rep++) {
                    long t0 = System.nanoTime();
                    for (int it = 0; it < 20000; it++) {
                        if (mode == 2) tanhRecip(x, out, n); else tanh(x, out, n, mode);
                    }
                    ts[rep] = (System.nanoTime() - t0) / 20000.0 / n;
                }
                Arrays.sort(ts);
                System.out.printf("round %d %-24s %.3f ns/elem%n", round, names[mode], ts[ts.length / 2]);
            }
        }
    }
}
