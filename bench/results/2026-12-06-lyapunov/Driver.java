import ddmatch.rnn.*;
import ddmatch.analysis.lyapunov.LyapunovSpectrum;
/** Lyapunov spectrum of an N-neuron network, k = 5: loaded once per build by ABProbe. */
public class Driver {
    LyapunovSpectrum.Workspace ws; double[] x0; int n;
    public Driver(int n, double unused) {
        this.n = n;
        Embedding e = Embedding.random(n, 3, 2.0, 7);
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        double[] w = new double[3 * n]; for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / Math.sqrt(n);
        RateNetwork net = new RateNetwork("p", e, w, new double[0], 0, 1.0, Activation.TANH, Standardization.identity(3), 0.01);
        x0 = new double[n]; for (int i = 0; i < n; i++) x0[i] = r.nextGaussian();
        ws = new LyapunovSpectrum.Workspace(net, 5);
    }
    /** ns per RK4 step; what = "m1" (re-orthonormalise every step) or "m10". */
    public double time(String what, int steps) {
        int m = what.equals("m1") ? 1 : 10;
        LyapunovSpectrum.Config c = new LyapunovSpectrum.Config(0.01, 0.0, steps * 0.01, m, 10, 1L);
        long t0 = System.nanoTime();
        LyapunovSpectrum.Result res = LyapunovSpectrum.of(ws, x0, c);
        long t1 = System.nanoTime();
        if (!(res.exponent(0) < 10)) throw new IllegalStateException();
        return (t1 - t0) / (double) steps;
    }
}
