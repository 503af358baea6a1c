import ddmatch.rnn.*;
import ddmatch.solve.*;
public class IntegratorProbe {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]); double noise = Double.parseDouble(a[1]);
        Embedding e = Embedding.random(n, 3, 2.0, 7);
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        double[] w = new double[3 * n]; for (int i = 0; i < w.length; i++) w[i] = (r.nextDouble() - 0.5) * 3.4 / Math.sqrt(n);
        double[] s = new double[9]; for (int k = 0; k < 3; k++) s[k * 4] = noise;
        RateNetwork net = noise > 0 ? new RateNetwork("p", e, w, s, 3, 1.0, Activation.TANH, Standardization.identity(3), 0.01)
                                    : new RateNetwork("p", e, w, new double[0], 0, 1.0, Activation.TANH, Standardization.identity(3), 0.01);
        double[] x0 = new double[n]; for (int i = 0; i < n; i++) x0[i] = r.nextGaussian();
        Scheme em = Schemes.byName("euler-maruyama");
        Integrator in = new Integrator(em);
        int steps = 20000;
        int m = net.noiseDimension();
        double[] gCols = new double[m * n];
        for (int rep = 0; rep < 8; rep++) {
            long t0 = System.nanoTime();
            in.run(net, x0, 0, 0.01, steps, m > 0 ? new GaussianIncrements(m, 5) : null, new SaveAt(10, false), (t, x) -> { });
            long t1 = System.nanoTime();
            double[] x = x0.clone(); double[] dW = new double[Math.max(m,1)];
            GaussianIncrements gi = m > 0 ? new GaussianIncrements(m, 5) : null;
            // raw fused step (no noise columns for m = 0)
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long b0 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            long t2 = System.nanoTime();
            for (int k = 0; k < steps; k++) { if (gi != null) gi.increment(0, 0.01, dW); net.eulerStep(0, 0.01, x, gCols, dW); }
            long t3 = System.nanoTime();
            long b1 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            long t4 = System.nanoTime();
            for (int k = 0; k < steps; k++) { net.eulerStep(0, 0.01, x, gCols, dW); }
            long t5 = System.nanoTime();
            for (int k = 0; k < steps; k++) { if (gi != null) gi.increment(0, 0.01, dW); }
            long t6 = System.nanoTime();
            System.out.printf("step without drawing %.3f µs, drawing alone %.3f µs%n", (t5 - t4) / 1e3 / steps, (t6 - t5) / 1e3 / steps);
            System.out.printf("raw loop allocated %.1f bytes/step%n", (b1 - b0) / (double) steps);
            System.out.printf("N=%d m=%d: Integrator %.3f µs/step, raw eulerStep %.3f µs/step, ratio %.2f%n", n, m,
                (t1 - t0) / 1e3 / steps, (t3 - t2) / 1e3 / steps, (double) (t1 - t0) / (t3 - t2));
        }
    }
}
