package ddmatch.bench;

import ddmatch.rnn.NetworkKernels;
import ddmatch.rnn.RateNetwork;

public class TwoThreadProbe {
    static final int N = 1000, STEPS = 100; static int B = Integer.getInteger("b", 32);
    static double[] noDw = new double[1];

    static double[] states(RateNetwork net, int part) {
        double[] xs = new double[B * N];
        for (int q = 0; q < B; q++) System.arraycopy(BenchData.state(net, 1000L + part * B + q), 0, xs, q * N, N);
        return xs;
    }

    static boolean TILED = Boolean.getBoolean("tiled");

    static long run(NetworkKernels k, double[] xs, int ops) {
        if (TILED) {
            double[][] t = new double[B / 4][4 * N];
            for (int i = 0; i < t.length; i++) System.arraycopy(xs, i * 4 * N, t[i], 0, 4 * N);
            long t0 = System.nanoTime();
            for (int o = 0; o < ops; o++) for (double[] ti : t) for (int s = 0; s < STEPS; s++) k.eulerStepBatch(ti, 4, BenchData.DT, noDw, noDw, 0);
            return System.nanoTime() - t0;
        }
        long t0 = System.nanoTime();
        for (int o = 0; o < ops; o++) for (int s = 0; s < STEPS; s++) k.eulerStepBatch(xs, B, BenchData.DT, noDw, noDw, 0);
        return System.nanoTime() - t0;
    }

    public static void main(String[] a) throws Exception {
        RateNetwork net = BenchData.network(N, 20240601L);
        NetworkKernels k = NetworkKernels.of(net);
        int ops = Integer.parseInt(a[0]);
        double[][] xs = {states(net, 0), states(net, 1)};
        for (int rep = 0; rep < 6; rep++) {
            long alone = run(k, xs[0], ops);
            long[] both = new long[2];
            Thread[] ts = new Thread[2];
            for (int p = 0; p < 2; p++) {
                final int part = p;
                ts[p] = new Thread(() -> both[part] = run(k, xs[part], ops));
            }
            long t0 = System.nanoTime();
            for (Thread t : ts) t.start();
            for (Thread t : ts) t.join();
            long wall = System.nanoTime() - t0;
            System.out.printf("alone %.1f µs/step(32)  two threads: %.1f / %.1f µs/step(32 each), wall %.1f%n", alone / 1e3 / ops / STEPS,
                    both[0] / 1e3 / ops / STEPS, both[1] / 1e3 / ops / STEPS, wall / 1e3 / ops / STEPS);
        }
    }
}
