import ddmatch.rnn.*;
import ddmatch.solve.*;
public class Rk4Probe {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), d = Integer.parseInt(a[1]);
        Embedding e = Embedding.random(n, d, 2.0, 7);
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        double[] w = new double[d * n]; for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / Math.sqrt(n);
        RateNetwork net = new RateNetwork("p", e, w, new double[0], 0, 1.0, Activation.TANH, Standardization.identity(d), 0.01);
        double[] x = new double[n]; for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
        double[] f = new double[n];
        Stepper st = RungeKutta4.INSTANCE.stepper(net);
        for (int rep = 0; rep < 5; rep++) {
            int steps = 100_000;
            long t0 = System.nanoTime();
            for (int k = 0; k < steps; k++) st.step(0, 0.01, x, null);
            long t1 = System.nanoTime();
            for (int k = 0; k < 4 * steps; k++) { net.drift(0, x, f); x[k % n] += 1e-15 * f[0]; }
            long t2 = System.nanoTime();
            System.out.printf("N=%d d=%d rk4 step %.0f ns, 4 drifts %.0f ns%n", n, d, (t1 - t0) / (double) steps, (t2 - t1) / (double) steps);
        }
    }
}
