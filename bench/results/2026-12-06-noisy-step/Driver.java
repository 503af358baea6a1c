import ddmatch.rnn.*;
import ddmatch.solve.*;
/** Loaded once per build by ABProbe (own class loader each), so both builds run in one JVM, alternately. */
public class Driver {
    RateNetwork net; double[] x0, x, gCols, dW; Stepper st; Integrator in = new Integrator(EulerMaruyama.INSTANCE);
    int n, m;
    public Driver(int n, double noise) {
        this.n = n;
        Embedding e = Embedding.random(n, 3, 2.0, 7);
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        double[] w = new double[3 * n]; for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / Math.sqrt(n);
        double[] s = new double[9]; for (int k = 0; k < 3; k++) s[k * 4] = noise;
        net = noise > 0 ? new RateNetwork("p", e, w, s, 3, 1.0, Activation.TANH, Standardization.identity(3), 0.01)
                        : new RateNetwork("p", e, w, new double[0], 0, 1.0, Activation.TANH, Standardization.identity(3), 0.01);
        m = net.noiseDimension();
        x0 = new double[n]; for (int i = 0; i < n; i++) x0[i] = r.nextGaussian();
        x = x0.clone();
        st = EulerMaruyama.INSTANCE.stepper(net);
        dW = new double[] {0.01, -0.02, 0.005};
    }
    /** ns per step: "stepper" (the EM stepper, fixed dW) or "integrator" (Integrator.run with Gaussian increments, save every 10). */
    public double time(String what, int steps) {
        long t0 = System.nanoTime();
        if (what.equals("stepper")) {
            System.arraycopy(x0, 0, x, 0, n);
            for (int k = 0; k < steps; k++) st.step(0.0, 0.01, x, dW);
        } else {
            for (int o = 0; o < steps / 100; o++)
                in.run(net, x0, 0.0, 0.01, 100, m > 0 ? new GaussianIncrements(m, o) : null, new SaveAt(10, false), (t, y) -> { });
        }
        return (System.nanoTime() - t0) / (double) steps;
    }
}
