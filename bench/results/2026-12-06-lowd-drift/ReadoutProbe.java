import ddmatch.rnn.*;
public class ReadoutProbe {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), d = Integer.parseInt(a[1]);
        Embedding e = Embedding.random(n, d, 2.0, 7);
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        double[] w = new double[d * n]; for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / Math.sqrt(n);
        RateNetwork net = new RateNetwork("p", e, w, new double[0], 0, 1.0, Activation.TANH, Standardization.identity(d), 0.01);
        double[] x = new double[n]; for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
        double[] z = new double[d], f = new double[n];
        for (int rep = 0; rep < 5; rep++) {
            int calls = 2_000_000; double acc = 0;
            long t0 = System.nanoTime();
            for (int k = 0; k < calls; k++) { x[k % n] += 1e-12; net.readout(x, z); acc += z[0]; }
            long t1 = System.nanoTime();
            for (int k = 0; k < calls / 4; k++) { x[k % n] += 1e-12; net.drift(0, x, f); acc += f[0]; }
            long t2 = System.nanoTime();
            System.out.printf("N=%d d=%d readout %.1f ns, drift %.1f ns %s%n", n, d, (t1 - t0) / (double) calls, (t2 - t1) / (calls / 4.0), acc != 0 ? "" : "!");
        }
    }
}
