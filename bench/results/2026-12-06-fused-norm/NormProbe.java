import ddmatch.rnn.*;
import ddmatch.solve.*;
import ddmatch.linalg.MatrixProduct;
public class NormProbe {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), d = Integer.parseInt(a[1]);
        Embedding e = Embedding.random(n, d, 2.0, 7);
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        double[] w = new double[d * n]; for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / Math.sqrt(n);
        double[] s = new double[d * d]; for (int k = 0; k < d; k++) s[k * (d + 1)] = 0.5;
        RateNetwork net = new RateNetwork("p", e, w, s, d, 1.0, Activation.TANH, Standardization.identity(d), 0.01);
        double[] x0 = new double[n]; for (int i = 0; i < n; i++) x0[i] = r.nextGaussian();
        Integrator in = new Integrator(EulerMaruyama.INSTANCE);
        Stepper st = EulerMaruyama.INSTANCE.stepper(net);
        double[] x = x0.clone(), dW = new double[d];
        int steps = 200_000;
        for (int rep = 0; rep < 6; rep++) {
            long t0 = System.nanoTime();
            in.run(net, x0, 0.0, 0.01, steps, new GaussianIncrements(d, rep), new SaveAt(1000, false), (t, y) -> { });
            long t1 = System.nanoTime();
            GaussianIncrements g = new GaussianIncrements(d, rep);
            System.arraycopy(x0, 0, x, 0, n);
            for (int k = 0; k < steps; k++) { g.increment(k * 0.01, (k + 1) * 0.01, dW); st.step(k * 0.01, 0.01, x, dW); }
            long t2 = System.nanoTime();
            double acc = 0;
            for (int k = 0; k < steps; k++) { x[k % n] += 1e-300; acc += MatrixProduct.sumOfSquares(x); }
            long t3 = System.nanoTime();
            System.out.printf("N=%d d=%d integrator %.0f ns/step, noise+stepper %.0f, sumOfSquares alone %.0f (%s)%n", n, d,
                    (t1 - t0) / (double) steps, (t2 - t1) / (double) steps, (t3 - t2) / (double) steps, acc > 0 ? "" : "!");
        }
    }
}
