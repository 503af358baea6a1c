import ddmatch.rnn.*;
import ddmatch.solve.*;
/** RK4 steps (four drifts each) of a deterministic d = 3 network and d = 2, through the library's stepper. */
public class DriftProbe {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), d = Integer.parseInt(a[1]);
        Embedding e = Embedding.random(n, d, 2.0, 7);
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        double[] w = new double[d * n]; for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / Math.sqrt(n);
        double[] s = new double[0];
        RateNetwork net = new RateNetwork("p", e, w, s, 0, 1.0, Activation.TANH, Standardization.identity(d), 0.01);
        double[] x0 = new double[n]; for (int i = 0; i < n; i++) x0[i] = r.nextGaussian();
        Stepper st = RungeKutta4.INSTANCE.stepper(net);
        double[] x = x0.clone(), dW = new double[1];
        int steps = 100_000;
        for (int rep = 0; rep < 6; rep++) {
            System.arraycopy(x0, 0, x, 0, n);
            long t1 = System.nanoTime();
            for (int k = 0; k < steps; k++) st.step(k * 0.01, 0.01, x, dW);
            long t2 = System.nanoTime();
            System.out.printf("N=%d d=%d integrator %.0f ns/step, noise+stepper %.0f (%s)%n", n, d,
                    (t2 - t1) / (double) steps, (t2 - t1) / (double) steps, x[0] != 0 ? "" : "!");
        }
    }
}
