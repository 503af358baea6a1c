import ddmatch.rnn.*;
import ddmatch.solve.*;
public class EnsProbe {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), d = Integer.parseInt(a[1]); int b = 8; long steps = Long.parseLong(a[2]);
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        double[] w = new double[d * n]; for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / Math.sqrt(n);
        double[] s = new double[d * d]; for (int k = 0; k < d; k++) s[k * d + k] = 0.3;
        RateNetwork net = new RateNetwork("p", Embedding.random(n, d, 2.0, 7), w, s, d, 1.0, Activation.TANH, Standardization.identity(d), 0.01);
        double[] x0 = new double[n]; for (int i = 0; i < n; i++) x0[i] = 0.5 * r.nextGaussian();
        long[] seeds = new long[b]; for (int q = 0; q < b; q++) seeds[q] = Ensemble.trajectorySeed(1, q);
        Integrator in = new Integrator(EulerMaruyama.INSTANCE);
        double[] z = new double[d];
        for (int rep = 0; rep < 8; rep++) {
            long t0 = System.nanoTime();
            NetworkEnsemble.run(net, x0, 0.01, steps, 10, seeds, (q, k, xs, off) -> { });
            long t1 = System.nanoTime();
            for (int q = 0; q < b; q++) in.run(net, x0, 0.0, 0.01, steps, new GaussianIncrements(d, seeds[q]), new SaveAt(10, false), (t, x) -> { });
            long t2 = System.nanoTime();
            System.out.printf("N=%d d=%d B=%d: lock-step %.1f ns per state-step, one by one %.1f, ratio %.3f%n", n, d, b,
                (t1 - t0) / (double) (b * steps), (t2 - t1) / (double) (b * steps), (double) (t2 - t1) / (t1 - t0));
        }
    }
}
