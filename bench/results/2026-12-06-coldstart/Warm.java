import ddmatch.rnn.*;
import java.util.Random;
public class Warm {
    static void warm(int rounds) {
        Random r = new Random(7);
        int n = 100;
        for (int d = 3; d >= 1; d--) {
            double[] u = new double[n*d], wt = new double[n*d], b = new double[n];
            for (int i = 0; i < u.length; i++) { u[i] = r.nextGaussian()/10; wt[i] = r.nextGaussian()/10; }
            NetworkKernels k = new NetworkKernels(u, wt, b, n, d, 1.0, Activation.TANH);
            double[] x = new double[n], out = new double[n], g = new double[3*n], dw = new double[3], z = new double[3];
            for (int i = 0; i < n; i++) { x[i] = r.nextGaussian(); g[i] = 0.01; }
            double[] v = new double[5*n], fv = new double[5*n];
            for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
            for (int it = 0; it < rounds; it++) {
                k.drift(x, out);
                k.eulerStep(x, 1e-3, g, dw, 0);
                k.eulerStep(x, 1e-3, g, dw, Math.min(d, 3));
                k.project(x, z, d);
                if (d == 3 && (it & 3) == 0) k.driftAndTangents(x, v, 5, out, fv);
                k.jacobianTimes(x, v, out);
            }
        }
    }
    public static void main(String[] a) throws Exception {
        int rounds = Integer.parseInt(a[0]);
        long t0 = System.nanoTime();
        if (rounds > 0) { Thread t = new Thread(() -> { long s = System.nanoTime(); warm(rounds); System.err.printf("warm done %.2f s%n", (System.nanoTime()-s)/1e9);}); t.setDaemon(true); t.start(); }
        int rc = new picocli.CommandLine(new ddmatch.cli.Ddmatch()).execute("demo", "--no-report", "--quiet");
        System.err.printf("RUN: %.2f s rc=%d%n", (System.nanoTime() - t0) / 1e9, rc);
    }
}
