package ddmatch.fit;

/** Experiment: depth-blocked, packed, auto-vectorised rank-1 tile updates (4 rows × W columns in 4 scratch arrays). */
public class AutoGram2 {
    static final int W = 64, DEPTH = 64, COLS = 256;

    static void strip(double[] phi, int m, int f, double[] g, int j0, int j1) {
        double[] p = new double[DEPTH * j1];
        double[] c0 = new double[W], c1 = new double[W], c2 = new double[W], c3 = new double[W];
        for (int m0 = 0; m0 < m; m0 += DEPTH) {
            int depth = Math.min(DEPTH, m - m0);
            for (int r = 0; r < depth; r++) System.arraycopy(phi, (m0 + r) * f, p, r * j1, j1);
            for (int i0 = 0; i0 < j1; i0 += 4) {
                int rows = Math.min(4, j1 - i0);
                for (int jt = Math.max(j0, i0 & ~(W - 1)); jt < j1; jt += W) {
                    int w = Math.min(W, j1 - jt);
                    System.arraycopy(g, i0 * f + jt, c0, 0, w);
                    if (rows > 1) System.arraycopy(g, (i0 + 1) * f + jt, c1, 0, w);
                    if (rows > 2) System.arraycopy(g, (i0 + 2) * f + jt, c2, 0, w);
                    if (rows > 3) System.arraycopy(g, (i0 + 3) * f + jt, c3, 0, w);
                    for (int r = 0; r < depth; r++) {
                        int xb = r * j1 + i0;
                        double x0 = p[xb], x1 = rows > 1 ? p[xb + 1] : 0, x2 = rows > 2 ? p[xb + 2] : 0, x3 = rows > 3 ? p[xb + 3] : 0;
                        int yb = r * j1 + jt;
                        for (int j = 0; j < w; j++) {
                            double y = p[yb + j];
                            c0[j] = Math.fma(x0, y, c0[j]);
                            c1[j] = Math.fma(x1, y, c1[j]);
                            c2[j] = Math.fma(x2, y, c2[j]);
                            c3[j] = Math.fma(x3, y, c3[j]);
                        }
                    }
                    System.arraycopy(c0, 0, g, i0 * f + jt, w);
                    if (rows > 1) System.arraycopy(c1, 0, g, (i0 + 1) * f + jt, w);
                    if (rows > 2) System.arraycopy(c2, 0, g, (i0 + 2) * f + jt, w);
                    if (rows > 3) System.arraycopy(c3, 0, g, (i0 + 3) * f + jt, w);
                }
            }
        }
    }

    static void compute(double[] phi, int m, int f, double[] g) {
        java.util.Arrays.fill(g, 0.0);
        for (int j0 = 0; j0 < f; j0 += COLS) strip(phi, m, f, g, j0, Math.min(f, j0 + COLS));
    }

    public static void main(String[] a) {
        int F = 1000, M = 5000;
        double[] phi = new double[M * F];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(2 * r.nextGaussian());
        double[] G = new double[F * F], G2 = new double[F * F];
        for (int k = 0; k < 4; k++) {
            long t = System.nanoTime();
            compute(phi, M, F, G);
            System.out.printf("auto2 1 thread: %.3f s%n", (System.nanoTime() - t) * 1e-9);
        }
        GramProduct.compute(phi, M, F, G2, 1);
        double md = 0;
        for (int i = 0; i < F; i++) for (int j = i; j < F; j++) md = Math.max(md, Math.abs(G[i * F + j] - G2[i * F + j]));
        System.out.println("max diff vs kernel in use (" + GramProduct.kernel() + "): " + md);
    }
}
