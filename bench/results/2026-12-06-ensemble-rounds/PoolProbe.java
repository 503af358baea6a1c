public class PoolProbe {
    public static void main(String[] a) {
        ddmatch.solve.Ensemble e = new ddmatch.solve.Ensemble(2);
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 200; k++) e.run(16, 0, (i, s) -> i, (i, r) -> { });
            long t1 = System.nanoTime();
            System.out.printf("%.1f µs per Ensemble.run of 16 empty tasks on 2 threads%n", (t1 - t0) / 200 / 1e3);
        }
    }
}
