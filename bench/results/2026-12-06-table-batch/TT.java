package ddmatch.bench;
import ddmatch.rnn.NetworkKernels;
import ddmatch.rnn.RateNetwork;
public class TT {
    static final int N = 1000, B = 32, STEPS = 100;
    static double[] states(RateNetwork net, int part) {
        double[] xs = new double[B * N];
        for (int q = 0; q < B; q++) System.arraycopy(BenchData.state(net, 1000L + part * B + q), 0, xs, q * N, N);
        return xs;
    }
    static double run(NetworkKernels k, double[] xs, double[] noise, int ops) {
        long t0 = System.nanoTime();
        for (int o = 0; o < ops; o++) for (int s = 0; s < STEPS; s++) k.eulerStepBatch(xs, B, BenchData.DT, noise);
        return (System.nanoTime() - t0) / 1e3 / ops / STEPS;
    }
    public static void main(String[] a) throws Exception {
        RateNetwork net = BenchData.network(N, 20240601L);
        NetworkKernels k = NetworkKernels.of(net);
        double[][] xs = {states(net, 0), states(net, 1)};
        double[][] noise = {new double[B * 3], new double[B * 3]};
        for (int w = 0; w < 5; w++) { run(k, xs[0], noise[0], 50); }
        for (int rep = 0; rep < 6; rep++) {
            double alone = run(k, xs[0], noise[0], 100);
            double[] both = new double[2];
            Thread[] th = new Thread[2];
            for (int p = 0; p < 2; p++) { final int q = p; th[p] = new Thread(() -> both[q] = run(k, xs[q], noise[q], 100)); }
            for (Thread t : th) t.start();
            for (Thread t : th) t.join();
            System.out.printf("alone %.1f µs/step of 32; together %.1f, %.1f%n", alone, both[0], both[1]);
        }
    }
}
