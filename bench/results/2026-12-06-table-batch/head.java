import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Stand-alone probe (2026-12-06, session 12): the library's lock-step batch Euler step (VectorKernels.readIn4Phi +
 * update4, d = 3, same floating-point operations) generated for tiles of T = 1 … 4 states (gen.py), and the same with
 * the tanh's |x| > 20 clamp done as a signed-long minimum on |x|'s bits instead of a compare and blend ("M").
 * Checks every variant gives the same bits as T = 4, then times them in alternation. Run:
 *   python3 gen.py; javac --add-modules jdk.incubator.vector -d out TileProbe.java
 *   java --add-modules jdk.incubator.vector -cp out TileProbe [B] [rounds] [variants...]
 */
public class TableProbe {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final double A_MAX = 20.0, TWO_LOG2E = 2 * 1.4426950408889634, ROUND = 0x1.8p52,
            HALF_LN2 = 0.5 * 0.6931471805599453;
    static final long SIGN = 0x8000000000000000L, A_MAX_BITS = Double.doubleToRawLongBits(20.0);
    static final double Q0 = 0.5000000000000001, Q1 = 0.16666666666666669, Q2 = 0.041666666666624164,
            Q3 = 0.008333333333330065, Q4 = 0.0013888888917196719, Q5 = 0.00019841269863040545,
            Q6 = 2.4801521322368692e-05, Q7 = 2.7557268480310024e-06, Q8 = 2.7620075879983367e-07,
            Q9 = 2.5100375832561234e-08;
    // table form: 2|x| = k ln2/8 + r, |r| <= ln2/16; e^y = 2^(k>>3) 2^((k&7)/8) (1 + expm1 r); expm1 r = r + r^2 P(r),
    // P degree 5 (Chebyshev on [-ln2/16, ln2/16], mpmath 40 digits: relative error of expm1 2.3e-16)
    static final double SIXTEEN_LOG2E = 16 * 1.4426950408889634, LN2_16 = 0.6931471805599453 / 16;
    static final double P0 = 0.5000000000000051, P1 = 0.16666666666666724, P2 = 0.04166666661752646,
            P3 = 0.00833333332787334, P4 = 0.0013889587108239542, P5 = 0.00019842045637239258;
    static final long[] TB = new long[8];
    static { for (int j = 0; j < 8; j++) TB[j] = Double.doubleToRawLongBits(Math.pow(2, j / 8.0)) - ((long) j << 49); }
    static final LongVector VTB = LongVector.fromArray(LongVector.SPECIES_PREFERRED, TB, 0);
    static final DoubleVector VP0 = bc(P0), VP1 = bc(P1), VP2 = bc(P2), VP3 = bc(P3), VP4 = bc(P4), VP5 = bc(P5),
            V_MLN2_16 = bc(-LN2_16);

    static double tableTanh(double x) {
        double a = Math.abs(x);
        if (a > A_MAX) return Math.copySign(1.0, x);
        double t = Math.fma(a, SIXTEEN_LOG2E, ROUND);
        double k = t - ROUND;
        double h = Math.fma(k, -LN2_16, a);
        double r = h + h;
        double rr = r * r;
        double q = Math.fma(rr, Math.fma(rr, Math.fma(r, P5, P4), Math.fma(r, P3, P2)), Math.fma(r, P1, P0));
        double p = Math.fma(q, rr, r);
        long ti = Double.doubleToRawLongBits(t);
        double sc = Double.longBitsToDouble((ti << 49) + TB[(int) (ti & 7)]);
        double uu = Math.fma(sc, p, sc - 1.0);
        return Math.copySign(uu / (uu + 2.0), x);
    }

    static final DoubleVector VQ0 = bc(Q0), VQ1 = bc(Q1), VQ2 = bc(Q2), VQ3 = bc(Q3), VQ4 = bc(Q4), VQ5 = bc(Q5),
            VQ6 = bc(Q6), VQ7 = bc(Q7), VQ8 = bc(Q8), VQ9 = bc(Q9), V_MHALF_LN2 = bc(-HALF_LN2);

    final int n;
    final double invTau = 1.0;
    final double[] w, u, b;

    TableProbe(int n, long seed) {
        this.n = n;
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        w = new double[3 * n];
        u = new double[3 * n];
        b = new double[n];
        for (int i = 0; i < 3 * n; i++) w[i] = gauss(r) / Math.sqrt(n);
        for (int i = 0; i < 3 * n; i++) u[i] = gauss(r);
        for (int i = 0; i < n; i++) b[i] = 2 * gauss(r);
    }

    static double gauss(java.util.SplittableRandom r) {
        double a = r.nextDouble(), c = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - a)) * Math.cos(2 * Math.PI * c);
    }

    static DoubleVector bc(double c) { return DoubleVector.broadcast(S, c); }

    static double laneSum(double[] lanes, int off) {
        double sum = 0.0;
        for (int i = 0; i < L; i++) sum += lanes[off + i];
        return sum;
    }

    static double scalarTanh(double x) {
        double a = Math.abs(x);
        if (a > A_MAX) return Math.copySign(1.0, x);
        double t = Math.fma(a, TWO_LOG2E, ROUND);
        double k = t - ROUND;
        double h = Math.fma(k, -HALF_LN2, a);
        double r = h + h;
        double rr = r * r;
        double e01 = Math.fma(r, Q1, Q0), e23 = Math.fma(r, Q3, Q2), e45 = Math.fma(r, Q5, Q4), e67 = Math.fma(r, Q7, Q6),
                e89 = Math.fma(r, Q9, Q8);
        double r4 = rr * rr;
        double c = Math.fma(r4, e89, Math.fma(rr, e67, e45));
        double q = Math.fma(r4, c, Math.fma(rr, e23, e01));
        double p = Math.fma(q, rr, r);
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023L) << 52);
        double uu = Math.fma(scale, p, scale - 1.0);
        return Math.copySign(uu / (uu + 2.0), x);
    }

//GEN
    public static void main(String[] args) {
        int n = Integer.getInteger("n", 1000);
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int[] variants = {40, 43, 20, 23, 10, 13};
        if (args.length > 2) {
            variants = new int[args.length - 2];
            for (int i = 2; i < args.length; i++) variants[i - 2] = Integer.parseInt(args[i]);
        }
        int steps = 100;
        double h = 0.01;
        TableProbe k = new TableProbe(n, 20240601L);
        double[] x0 = new double[batch * n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(99);
        for (int i = 0; i < x0.length; i++) x0[i] = 2 * gauss(r);
        double[] cs = new double[3 * batch];
        for (int i = 0; i < cs.length; i++) cs[i] = 0.01 * gauss(r);
        double[] s = new double[L + 48];
        double[] ref = x0.clone(), refT = x0.clone();
        for (int i = 0; i < steps; i++) k.step(40, ref, batch, h, cs, s);
        for (int i = 0; i < steps; i++) k.step(43, refT, batch, h, cs, s);
        double worst = 0, dev = 0;
        for (int i = 0; i < 20_000_001; i++) {
            double z = -25 + 50.0 * i / 20_000_000;
            worst = Math.max(worst, Math.abs(tableTanh(z) - Math.tanh(z)));
        }
        for (int i = 0; i < ref.length; i++) dev = Math.max(dev, Math.abs(ref[i] - refT[i]));
        System.out.printf("table tanh: max |error| vs Math.tanh on 2e7 points of [-25, 25] %.3g; lib vs table after %d steps: max |dx| %.3g%n",
                worst, steps, dev);
        for (int v : variants) {
            double[] ref0 = v % 10 == 3 ? refT : ref;
            double[] x = x0.clone();
            for (int i = 0; i < steps; i++) k.step(v, x, batch, h, cs, s);
            int diff = 0;
            for (int i = 0; i < x.length; i++) if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(ref0[i])) diff++;
            System.out.printf("variant %d: %d of %d entries differ from T = 4 of its tanh after %d steps%n", v, diff, x.length, steps);
        }
        int ops = Integer.getInteger("ops", 100);
        // warm-up
        for (int v : variants) { double[] x = x0.clone(); for (int o = 0; o < ops; o++) for (int i = 0; i < steps; i++) k.step(v, x, batch, h, cs, s); }
        System.out.printf("N = %d, B = %d, %d lanes, %s %s; µs per step of B states, ns per neuron-step%n", n, batch, L,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int v : variants) {
                double[] x = x0.clone();
                long t0 = System.nanoTime();
                for (int o = 0; o < ops; o++) for (int i = 0; i < steps; i++) k.step(v, x, batch, h, cs, s);
                long t1 = System.nanoTime();
                double us = (t1 - t0) / 1e3 / ops / steps;
                line.append(String.format("  %d: %.2f (%.3f)", v, us, us * 1e3 / ((double) batch * n)));
            }
            System.out.println(line);
        }
    }
}
