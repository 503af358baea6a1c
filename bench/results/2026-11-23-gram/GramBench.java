package ddmatch.fit;

/** Scalar vs vector Gram kernels, F × M, threads; REPS repetitions each, in one JVM (first call = cold). */
public class GramBench {
    public static void main(String[] a) {
        int f = Integer.parseInt(a[0]), m = Integer.parseInt(a[1]), thr = Integer.parseInt(a[2]), reps = Integer.parseInt(a[3]);
        String which = a.length > 4 ? a[4] : "both";
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double[] phi = new double[m * f];
        for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(2 * r.nextGaussian());
        double[] g1 = new double[f * f], g2 = new double[f * f];
        System.out.println("kernel: " + GramProduct.kernel());
        for (int k = 0; k < reps; k++) {
            String line = "";
            if (!which.equals("vector")) {
                long t0 = System.nanoTime();
                GramProduct.computeScalar(phi, m, f, g1, thr);
                line += String.format("scalar %.3f s  ", (System.nanoTime() - t0) * 1e-9);
            }
            if (!which.equals("scalar")) {
                long t0 = System.nanoTime();
                GramProduct.compute(phi, m, f, g2, thr);
                line += String.format("vector %.3f s  ", (System.nanoTime() - t0) * 1e-9);
            }
            if (which.equals("both")) {
                double md = 0;
                for (int i = 0; i < f * f; i++) md = Math.max(md, Math.abs(g1[i] - g2[i]) / Math.abs(g1[i / f * f + i / f]));
                line += String.format("max |Δ|/G_ii %.2e", md);
            }
            System.out.println(line);
        }
    }
}
