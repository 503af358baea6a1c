import ddmatch.rnn.*;
public class ReadoutOut {
    /** drift outputs of d = 1, 2 networks at several N, as raw bits */
    public static long[] run() {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (int d = 1; d <= 4; d++) for (int n : new int[] {5, 13, 97, 203, 300, 1000}) {
            Embedding e = Embedding.random(n, d, 2.0, n + d);
            java.util.SplittableRandom r = new java.util.SplittableRandom(n * 7 + d);
            double[] w = new double[d * n]; for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / Math.sqrt(n);
            RateNetwork net = new RateNetwork("p", e, w, new double[0], 0, 0.7, Activation.TANH, Standardization.identity(d), 0.01);
            double[] x = new double[n], f = new double[d];
            for (int rep = 0; rep < 5; rep++) {
                for (int i = 0; i < n; i++) x[i] = 3 * r.nextGaussian();
                net.readout(x, f);
                for (double v : f) out.add(Double.doubleToRawLongBits(v));
            }
        }
        long[] a = new long[out.size()]; for (int i = 0; i < a.length; i++) a[i] = out.get(i); return a;
    }
}
