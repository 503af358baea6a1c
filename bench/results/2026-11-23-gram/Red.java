package ddmatch.fit;

public class Red {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), thr = Integer.parseInt(a[1]);
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) { double v = r.nextGaussian(); g[i * n + j] = v; g[j * n + i] = v; }
        for (int k = 0; k < 4; k++) {
            double[] c = g.clone();
            long t = System.nanoTime();
            SymmetricTridiagonal.reduce(c, n, thr, false);
            System.out.printf("reduce n=%d threads=%d: %.3f s%n", n, thr, (System.nanoTime() - t) * 1e-9);
        }
    }
}
