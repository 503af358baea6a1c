package ddmatch.bench;

import ddmatch.rnn.RateNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 64 independent trajectories of the N = 1000, d = 3 tanh network, each advanced by one Euler step (a loop over the
 * 64 states). ns per neuron-step = score / (64·N).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchStepBenchmark {
    public static final int BATCH = 64;

    @Param({"250", "1000"})
    public int n;

    private RateNetwork net;
    private double[][] x0;
    private double[][] x;
    private double[] f;
    private ddmatch.rnn.NetworkKernels kernels;
    private double[] xb0;   // BATCH × N, trajectory-major (driftBatch)
    private double[] xb;
    private double[] fb;

    @Setup(Level.Trial)
    public void setUp() {
        net = BenchData.network(n, 20240601L);
        x0 = new double[BATCH][];
        x = new double[BATCH][];
        for (int b = 0; b < BATCH; b++) {
            x0[b] = BenchData.state(net, 1000L + b);
            x[b] = x0[b].clone();
        }
        f = new double[n];
        kernels = ddmatch.rnn.NetworkKernels.of(net);
        xb0 = new double[BATCH * n];
        for (int b = 0; b < BATCH; b++) System.arraycopy(x0[b], 0, xb0, b * n, n);
        xb = xb0.clone();
        fb = new double[BATCH * n];
    }

    @Setup(Level.Iteration)
    public void reset() {
        for (int b = 0; b < BATCH; b++) System.arraycopy(x0[b], 0, x[b], 0, n);
        System.arraycopy(xb0, 0, xb, 0, xb0.length);
        for (int part = 0; part < 2; part++) System.arraycopy(xb0, part * halves[part].length, halves[part], 0, halves[part].length);
    }

    /**
     * The batch kernel {@code NetworkKernels.driftBatch}: the 64 states one after another (64 × N), tiles of four
     * states sharing each load of W and U (Vector API, d = 3); bit-identical to {@link #batch64EulerStep}.
     */
    @Benchmark
    public void batch64BatchKernel() {
        final double dt = BenchData.DT;
        kernels.driftBatch(xb, BATCH, fb);
        for (int i = 0; i < xb.length; i++) xb[i] += dt * fb[i];
    }

    /** {@value #STEPS} steps of {@link #batch64BatchKernel} on one thread (compare NumPy's batch64_100steps). */
    @Benchmark
    public void batch64Steps100BatchKernel() {
        final double dt = BenchData.DT;
        for (int step = 0; step < STEPS; step++) {
            kernels.driftBatch(xb, BATCH, fb);
            for (int i = 0; i < xb.length; i++) xb[i] += dt * fb[i];
        }
    }

    private java.util.concurrent.ExecutorService pool;
    private double[][] halves;     // two 32 × N blocks, trajectory-major (driftBatch)
    private double[][] halfOut;

    @Setup(Level.Trial)
    public void setUpThreads() {
        pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-ensemble");
            t.setDaemon(true);
            return t;
        });
        int h = BATCH / 2;
        halves = new double[2][h * n];
        halfOut = new double[2][h * n];
        for (int part = 0; part < 2; part++) {
            for (int q = 0; q < h; q++) System.arraycopy(x0[part * h + q], 0, halves[part], q * n, n);
        }
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    /**
     * The work of {@link #batch64Steps100BatchKernel} on 2 threads, 32 trajectories each, each thread stepping its
     * 32 × N block with {@code driftBatch} (every state's drift is bit-identical to a single call, so the numbers do not
     * depend on the split): the parallel-ensemble figure.
     */
    @Benchmark
    public void batch64Steps100TwoThreads() throws Exception {
        onTwoThreads(this::stepHalf);
    }

    static final int STEPS = 100;

    /** Runs {@code half.accept(0)} and {@code half.accept(1)} on the pool's two threads and waits for both. */
    private void onTwoThreads(java.util.function.IntConsumer half) throws Exception {
        var f0 = pool.submit(() -> half.accept(0));
        var f1 = pool.submit(() -> half.accept(1));
        f0.get();
        f1.get();
    }

    private void stepHalf(int part) {
        final double dt = BenchData.DT;
        double[] xh = halves[part], fh = halfOut[part];
        for (int step = 0; step < STEPS; step++) {
            kernels.driftBatch(xh, BATCH / 2, fh);
            for (int i = 0; i < xh.length; i++) xh[i] += dt * fh[i];
        }
    }

    private ddmatch.solve.Stepper[] steppers;   // one per thread: a stepper holds its own workspace
    private final double[] noDw = new double[1];
    private final double[] noNoise = new double[BATCH * 3];   // the latent noise of eulerStepBatch: none (d = 3)

    @Setup(Level.Trial)
    public void setUpSteppers() {
        steppers = new ddmatch.solve.Stepper[] {ddmatch.solve.EulerMaruyama.INSTANCE.stepper(net),
            ddmatch.solve.EulerMaruyama.INSTANCE.stepper(net)};
    }

    /**
     * The 64 trajectories advanced one after another by the library's Euler–Maruyama stepper (with the Vector API and
     * d = 3, the fused one-pass step of {@code RateNetwork.eulerStep}): what {@code Ensemble} does per trajectory.
     */
    @Benchmark
    public void batch64Stepper() {
        ddmatch.solve.Stepper st = steppers[0];
        for (int b = 0; b < BATCH; b++) st.step(0.0, BenchData.DT, x[b], noDw);
    }

    /**
     * {@value #STEPS} steps of the 64 trajectories on 2 threads, 32 each, through the library's stepper (each thread
     * its own stepper and trajectories): the parallel-ensemble figure with the fused step; per step = score / 100.
     */
    @Benchmark
    public void batch64Steps100StepperTwoThreads() throws Exception {
        onTwoThreads(this::stepperHalf);
    }

    private void stepperHalf(int part) {
        ddmatch.solve.Stepper st = steppers[part];
        int h = BATCH / 2;
        for (int step = 0; step < STEPS; step++) {
            for (int q = 0; q < h; q++) st.step(0.0, BenchData.DT, x[part * h + q], noDw);
        }
    }

    /**
     * The library's lock-step ensemble step {@code NetworkKernels.eulerStepBatch} (no noise): tiles of four states
     * (two before JDK 25; {@code -Dddmatch.batchTile}) sharing every load of W, U and b, tanh fused into the read-in; each state bit-identical to the fused single step.
     */
    @Benchmark
    public void batch64StepBatch() {
        kernels.eulerStepBatch(xb, BATCH, BenchData.DT, noNoise);
    }

    /** {@value #STEPS} steps of {@link #batch64StepBatch}, 2 threads with 32 states each (compare batch64_100steps). */
    @Benchmark
    public void batch64Steps100StepBatchTwoThreads() throws Exception {
        onTwoThreads(this::stepBatchHalf);
    }

    /** {@value #STEPS} steps of {@link #batch64StepBatch} on one thread. */
    @Benchmark
    public void batch64Steps100StepBatch() {
        for (int step = 0; step < STEPS; step++) kernels.eulerStepBatch(xb, BATCH, BenchData.DT, noNoise);
    }

    private double[][] tiles;   // the 64 states as 16 tiles of four (4 × N each), for the dynamic split
    private final java.util.concurrent.atomic.AtomicInteger nextTile = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The work of {@link #batch64Steps100StepBatchTwoThreads} (64 trajectories × {@value #STEPS} steps of
     * {@code eulerStepBatch}, same bits per state) split dynamically: the 64 states as 16 tiles of four, each thread
     * taking the next tile from a shared counter and advancing it by all {@value #STEPS} steps (the trajectories are
     * independent, so no step waits for another tile; a tile's 32 KB stay in L1 over its steps). When the host runs
     * one vCPU slower for a while (BENCHMARKS.md §0000), the faster thread takes more tiles instead of waiting.
     */
    @Benchmark
    public void batch64Steps100StepBatchTwoThreadsDynamic() throws Exception {
        nextTile.set(0);
        onTwoThreads(part -> {
            for (int t = nextTile.getAndIncrement(); t < tiles.length; t = nextTile.getAndIncrement()) {
                double[] tile = tiles[t];
                for (int step = 0; step < STEPS; step++) kernels.eulerStepBatch(tile, 4, BenchData.DT, noNoise);
            }
        });
    }

    @Setup(Level.Iteration)
    public void resetTiles() {
        if (tiles == null) tiles = new double[BATCH / 4][4 * n];
        for (int t = 0; t < tiles.length; t++) System.arraycopy(xb0, t * 4 * n, tiles[t], 0, 4 * n);
    }

    private void stepBatchHalf(int part) {
        double[] xh = halves[part];
        for (int step = 0; step < STEPS; step++) kernels.eulerStepBatch(xh, BATCH / 2, BenchData.DT, noNoise);
    }

    @Benchmark
    public void batch64EulerStep() {
        final double dt = BenchData.DT;
        for (int b = 0; b < BATCH; b++) {
            double[] xb = x[b];
            net.drift(0.0, xb, f);
            for (int j = 0; j < n; j++) xb[j] += dt * f[j];
        }
    }
}
