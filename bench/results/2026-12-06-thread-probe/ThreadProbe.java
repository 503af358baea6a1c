package ddmatch.bench;

import java.util.concurrent.CyclicBarrier;

/**
 * Where does the two-thread batch step lose its time? Runs the static split of BatchStepBenchmark's
 * batch64Steps100StepBatchTwoThreads (two halves of 32 states, 100 eulerStepBatch steps each) on two long-lived threads
 * that start together at a barrier, and records each thread's own time per repeat; between repeats it runs one half
 * alone on one thread (the one-thread reference, same moment). Prints per-block medians: if one thread is slow and the
 * other at the one-thread time, the host slowed one vCPU; if both are slow, they contend for something shared.
 *
 * Compile and run (from the project root, after BUILD=1 bench/run-jmh.sh -l):
 *   CP=ddmatch-core/target/classes:$(cat ddmatch-core/target/bench-classpath.txt)
 *   javac -d /tmp/probe -cp $CP bench/results/2026-12-06-thread-probe/ThreadProbe.java
 *   java --add-modules jdk.incubator.vector -cp /tmp/probe:$CP ddmatch.bench.ThreadProbe [blocks] [repeats]
 */
public final class ThreadProbe {
    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int n = 1000, batch = 64, half = batch / 2, steps = 100;
        var net = BenchData.network(n, 20240601L);
        var kernels = ddmatch.rnn.NetworkKernels.of(net);
        double[] noNoise = new double[batch * 3];
        double[][] x0 = new double[2][half * n];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(BenchData.state(net, 1000L + b), 0, x0[b / half], (b % half) * n, n);
        }
        double[][] xs = {x0[0].clone(), x0[1].clone()};
        long[][] took = new long[2][repeats];
        CyclicBarrier start = new CyclicBarrier(3), end = new CyclicBarrier(3);
        int[] rep = new int[1];
        boolean[] stop = new boolean[1];
        Thread[] workers = new Thread[2];
        for (int p = 0; p < 2; p++) {
            final int part = p;
            workers[p] = new Thread(() -> {
                try {
                    while (true) {
                        start.await();
                        if (stop[0]) return;
                        long t0 = System.nanoTime();
                        for (int s = 0; s < steps; s++) kernels.eulerStepBatch(xs[part], half, BenchData.DT, noNoise);
                        took[part][rep[0]] = System.nanoTime() - t0;
                        end.await();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, "probe-" + p);
            workers[p].setDaemon(true);
            workers[p].start();
        }
        long[] alone = new long[repeats];
        double[] solo = x0[0].clone();
        System.out.println("block  alone(µs/step)  t0(µs/step)  t1(µs/step)  both/alone  t0/alone  t1/alone");
        for (int blk = 0; blk < blocks + 2; blk++) {   // two warm-up blocks
            for (int r = 0; r < repeats; r++) {
                rep[0] = r;
                start.await();
                end.await();
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) kernels.eulerStepBatch(solo, half, BenchData.DT, noNoise);
                alone[r] = System.nanoTime() - t0;
                if ((r & 7) == 0) { System.arraycopy(x0[0], 0, xs[0], 0, xs[0].length); System.arraycopy(x0[1], 0, xs[1], 0, xs[1].length); System.arraycopy(x0[0], 0, solo, 0, solo.length); }
            }
            if (blk < 2) continue;
            double a = median(alone) / steps / 1e3, m0 = median(took[0]) / steps / 1e3, m1 = median(took[1]) / steps / 1e3;
            double both = medianMax(took[0], took[1]) / steps / 1e3;
            System.out.printf("%5d  %14.2f  %11.2f  %11.2f  %10.2f  %8.2f  %8.2f%n", blk - 2, a, m0, m1, both / a, m0 / a, m1 / a);
        }
        stop[0] = true;
        start.await();
    }

    static double median(long[] v) {
        long[] c = v.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }

    static double medianMax(long[] a, long[] b) {
        long[] c = new long[a.length];
        for (int i = 0; i < a.length; i++) c[i] = Math.max(a[i], b[i]);
        return median(c);
    }
}
