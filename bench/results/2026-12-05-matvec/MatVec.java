import jdk.incubator.vector.*;
import java.util.*;

/**
 * Exploration (2026-12-05), not part of the build: does the shape of the Vector API mat-vec kernel matter at N = 1024
 * and 2048? linalg.VectorProduct's 8-row blocks (one accumulator per row) against 4 rows × 2 and 2 rows × 4
 * accumulators, each reading the N × N matrix once per call. (reduceLanes here: timing only, not the library's order.)
 * javac --add-modules jdk.incubator.vector -d . MatVec.java && java --add-modules jdk.incubator.vector MatVec
 */
public class MatVec {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();

    // current: 8 rows, one accumulator each
    static void mv8(double[] a, int rows, int k, double[] x, double[] out, double[] t) {
        for (int i = 0; i + 8 <= rows; i += 8) {
            int a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, a4 = a3 + k, a5 = a4 + k, a6 = a5 + k, a7 = a6 + k;
            DoubleVector p0 = DoubleVector.zero(S), p1 = p0, p2 = p0, p3 = p0, p4 = p0, p5 = p0, p6 = p0, p7 = p0;
            for (int c = 0; c < k; c += L) {
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
            out[i] = p0.reduceLanes(VectorOperators.ADD); out[i + 1] = p1.reduceLanes(VectorOperators.ADD);
            out[i + 2] = p2.reduceLanes(VectorOperators.ADD); out[i + 3] = p3.reduceLanes(VectorOperators.ADD);
            out[i + 4] = p4.reduceLanes(VectorOperators.ADD); out[i + 5] = p5.reduceLanes(VectorOperators.ADD);
            out[i + 6] = p6.reduceLanes(VectorOperators.ADD); out[i + 7] = p7.reduceLanes(VectorOperators.ADD);
        }
    }

    // 4 rows, two column-interleaved accumulators each
    static void mv4x2(double[] a, int rows, int k, double[] x, double[] out, double[] t) {
        for (int i = 0; i + 4 <= rows; i += 4) {
            int a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            DoubleVector p0 = DoubleVector.zero(S), p1 = p0, p2 = p0, p3 = p0, q0 = p0, q1 = p0, q2 = p0, q3 = p0;
            for (int c = 0; c < k; c += 2 * L) {
                DoubleVector y = DoubleVector.fromArray(S, x, c), z = DoubleVector.fromArray(S, x, c + L);
                p0 = DoubleVector.fromArray(S, a, a0 + c).fma(y, p0);
                q0 = DoubleVector.fromArray(S, a, a0 + c + L).fma(z, q0);
                p1 = DoubleVector.fromArray(S, a, a1 + c).fma(y, p1);
                q1 = DoubleVector.fromArray(S, a, a1 + c + L).fma(z, q1);
                p2 = DoubleVector.fromArray(S, a, a2 + c).fma(y, p2);
                q2 = DoubleVector.fromArray(S, a, a2 + c + L).fma(z, q2);
                p3 = DoubleVector.fromArray(S, a, a3 + c).fma(y, p3);
                q3 = DoubleVector.fromArray(S, a, a3 + c + L).fma(z, q3);
            }
            out[i] = p0.add(q0).reduceLanes(VectorOperators.ADD); out[i + 1] = p1.add(q1).reduceLanes(VectorOperators.ADD);
            out[i + 2] = p2.add(q2).reduceLanes(VectorOperators.ADD); out[i + 3] = p3.add(q3).reduceLanes(VectorOperators.ADD);
        }
    }

    // 2 rows, four accumulators each
    static void mv2x4(double[] a, int rows, int k, double[] x, double[] out, double[] t) {
        for (int i = 0; i + 2 <= rows; i += 2) {
            int a0 = i * k, a1 = a0 + k;
            DoubleVector p0 = DoubleVector.zero(S), p1 = p0, p2 = p0, p3 = p0, q0 = p0, q1 = p0, q2 = p0, q3 = p0;
            for (int c = 0; c < k; c += 4 * L) {
                DoubleVector y0 = DoubleVector.fromArray(S, x, c), y1 = DoubleVector.fromArray(S, x, c + L);
                DoubleVector y2 = DoubleVector.fromArray(S, x, c + 2 * L), y3 = DoubleVector.fromArray(S, x, c + 3 * L);
                p0 = DoubleVector.fromArray(S, a, a0 + c).fma(y0, p0);
                p1 = DoubleVector.fromArray(S, a, a0 + c + L).fma(y1, p1);
                p2 = DoubleVector.fromArray(S, a, a0 + c + 2 * L).fma(y2, p2);
                p3 = DoubleVector.fromArray(S, a, a0 + c + 3 * L).fma(y3, p3);
                q0 = DoubleVector.fromArray(S, a, a1 + c).fma(y0, q0);
                q1 = DoubleVector.fromArray(S, a, a1 + c + L).fma(y1, q1);
                q2 = DoubleVector.fromArray(S, a, a1 + c + 2 * L).fma(y2, q2);
                q3 = DoubleVector.fromArray(S, a, a1 + c + 3 * L).fma(y3, q3);
            }
            out[i] = p0.add(p1).add(p2.add(p3)).reduceLanes(VectorOperators.ADD);
            out[i + 1] = q0.add(q1).add(q2.add(q3)).reduceLanes(VectorOperators.ADD);
        }
    }

    public static void main(String[] args) {
        for (int n : new int[] {1000 - 1000 % 64 + 64, 2048}) {
            double[] a = new double[n * n], x = new double[n], out = new double[n], t = new double[64];
            SplittableRandom g = new SplittableRandom(1);
            for (int i = 0; i < a.length; i++) a[i] = g.nextGaussian();
            for (int i = 0; i < n; i++) x[i] = g.nextGaussian();
            String[] names = {"8 rows x1", "4 rows x2", "2 rows x4"};
            for (int round = 0; round < 3; round++) {
                for (int v = 0; v < 3; v++) {
                    double[] ts = new double[11];
                    for (int rep = 0; rep < ts.length; rep++) {
                        int it = n > 1500 ? 200 : 1000;
                        long t0 = System.nanoTime();
                        for (int q = 0; q < it; q++) {
                            if (v == 0) mv8(a, n, n, x, out, t); else if (v == 1) mv4x2(a, n, n, x, out, t); else mv2x4(a, n, n, x, out, t);
                        }
                        ts[rep] = (System.nanoTime() - t0) / 1e3 / it;
                    }
                    Arrays.sort(ts);
                    System.out.printf("n=%d round %d %-10s %.1f us%n", n, round, names[v], ts[5]);
                }
            }
        }
    }
}
