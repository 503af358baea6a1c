package ddmatch.fit;

/** Cold-start cost of the Gram kernel in use: time of successive small products (m × f), then one F=1000 M=5000. */
public class Warm {
    public static void main(String[] a) {
        int m = Integer.parseInt(a[0]), f = Integer.parseInt(a[1]), reps = Integer.parseInt(a[2]);
        double[] p = new double[m * f];
        for (int i = 0; i < p.length; i++) p[i] = Math.sin(i);
        double[] g = new double[f * f];
        long t0 = System.nanoTime();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < reps; k++) {
            long t = System.nanoTime();
            GramProduct.compute(p, m, f, g, 1);
            if (k % (reps / 10) == 0) sb.append(String.format("%d:%.0fus ", k, (System.nanoTime() - t) * 1e-3));
        }
        sb.append(String.format("| warm-up total %.3f s", (System.nanoTime() - t0) * 1e-9));
        System.out.println(sb);
        int F = 1000, M = 5000;
        double[] phi = new double[M * F];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(2 * r.nextGaussian());
        double[] G = new double[F * F];
        for (int k = 0; k < 2; k++) {
            long t = System.nanoTime();
            GramProduct.compute(phi, M, F, G, 2);
            System.out.printf("F=1000 M=5000 2 threads: %.3f s%n", (System.nanoTime() - t) * 1e-9);
        }
    }
}
