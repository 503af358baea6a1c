package ddmatch.fit;

/**
 * First Gram product (F = 1000, M = 5000, 2 threads) and first tridiagonalisation of a fresh JVM, with or without
 * FitWarmUp started SLEEP ms before (the sampling it overlaps in a fit). Usage: Cold SLEEP_MS warm|cold
 */
public class Cold {
    public static void main(String[] a) throws Exception {
        long sleep = Long.parseLong(a[0]);
        boolean warm = a[1].equals("warm");
        int F = 1000, M = 5000;
        if (warm) FitWarmUp.start(M, F);
        long t0 = System.nanoTime();
        double[] phi = new double[M * F];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(2 * r.nextGaussian());
        long left = sleep * 1_000_000L - (System.nanoTime() - t0);
        if (left > 0) Thread.sleep(left / 1_000_000L);
        double[] G = new double[F * F];
        long t = System.nanoTime();
        GramProduct.compute(phi, M, F, G, 2);
        long t2 = System.nanoTime();
        SymmetricTridiagonal.reduce(G, F, 2, false);
        long t3 = System.nanoTime();
        System.out.printf("%s after %d ms: gram %.3f s  reduce %.3f s%n", a[1], sleep, (t2 - t) * 1e-9, (t3 - t2) * 1e-9);
    }
}
