package ddmatch.bench;

import ddmatch.linalg.MatrixProduct;
import ddmatch.linalg.NativeBlas;
import ddmatch.rnn.Activation;
import ddmatch.rnn.DenseRateNetwork;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.Standardization;
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
 * Dense-J networks ({@link DenseRateNetwork}), N ∈ {1000, 2000}: one deterministic Euler step (N tanh evaluations
 * and an N × N matrix–vector product; compare with {@code dense_step} of bench/numpy_reference.py, NumPy + OpenBLAS
 * dgemv), the matrix–vector product alone ({@code matvecJava}; NumPy's {@code dense_matvec}), and the matrix–matrix work of a batch of B = 64 states: the
 * product {@code J φ(X)} alone by the Java kernel and by the native dgemm ({@link MatrixProduct}; compare with
 * {@code dense_matmat64}, NumPy's {@code J @ T} with T N × 64), and the whole batch drift
 * {@link DenseRateNetwork#driftBatch} (tanh of 64 states, the product, {@code (b − x)/τ}) with whichever backend the
 * JVM selected ({@code -Dddmatch.blas}, {@code OPENBLAS_NUM_THREADS}). {@code matmat64Native} fails when no native BLAS
 * was loaded: run it with {@code OPENBLAS_NUM_THREADS=1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DenseStepBenchmark {
    @Param({"1000", "2000"})
    public int n;

    private DenseRateNetwork net;
    private double[] x0;
    private double[] x;
    private double[] f;
    private double[] j;
    private double[] xs;
    private double[] phis;
    private double[] fs;
    private double[] scratch;

    @Setup(Level.Trial)
    public void setUp() {
        Embedding e = Embedding.random(n, BenchData.LATENT, BenchData.TONIC_STD, 5L);
        j = BenchData.gaussian(n * n, 6L, 0.5 / Math.sqrt(n));
        net = new DenseRateNetwork("bench-dense", e, j, new double[0], 0, BenchData.TAU, Activation.TANH,
                Standardization.identity(BenchData.LATENT), BenchData.DT);
        x0 = BenchData.gaussian(n, 7L, 1.0);
        x = x0.clone();
        f = new double[n];
        xs = BenchData.gaussian(BATCH * n, 8L, 1.0);
        phis = new double[BATCH * n];
        for (int i = 0; i < phis.length; i++) phis[i] = Math.tanh(xs[i]);
        fs = new double[BATCH * n];
        scratch = new double[MatrixProduct.scratchLength(BATCH, n)];
    }

    /** States per batch in the matrix–matrix benchmarks (NumPy's {@code BATCH}). */
    static final int BATCH = 64;

    @Setup(Level.Iteration)
    public void reset() {
        System.arraycopy(x0, 0, x, 0, n);
    }

    @Benchmark
    public void denseEulerStep() {
        net.drift(0.0, x, f);
        final double dt = BenchData.DT;
        for (int i = 0; i < n; i++) x[i] += dt * f[i];
    }

    /**
     * {@code J φ} alone, one state: {@link MatrixProduct#multiply} (Vector API when its module is present, else four
     * scalar partial sums per row); compare with NumPy's {@code dense_matvec}.
     */
    @Benchmark
    public double[] matvecJava() {
        MatrixProduct.multiply(j, n, n, phis, f);
        return f;
    }

    /** {@code φ(X) Jᵀ}, 64 × N, by the pure-Java kernel (Vector API when its module is present, else scalar). */
    @Benchmark
    public double[] matmat64Java() {
        MatrixProduct.multiplyByTranspose(phis, BATCH, n, j, n, fs, scratch, 0);
        return fs;
    }

    /** The same product by the native dgemm. */
    @Benchmark
    public double[] matmat64Native() {
        if (!NativeBlas.multiplyByTranspose(phis, BATCH, n, j, n, fs)) {
            throw new IllegalStateException("no native BLAS loaded (set OPENBLAS_NUM_THREADS=1)");
        }
        return fs;
    }

    /** The drift of 64 states: tanh, the product (backend of this JVM), {@code (b − x)/τ}. */
    @Benchmark
    public double[] driftBatch64() {
        net.driftBatch(xs, BATCH, fs);
        return fs;
    }
}
