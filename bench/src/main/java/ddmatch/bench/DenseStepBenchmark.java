package ddmatch.bench;

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
 * One deterministic Euler step of a dense-J network ({@link DenseRateNetwork}: N tanh evaluations and an N × N
 * matrix–vector product), N ∈ {1000, 2000}; compare with {@code dense_step} / {@code dense_matvec} of
 * bench/numpy_reference.py (NumPy + OpenBLAS dgemv).
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

    @Setup(Level.Trial)
    public void setUp() {
        Embedding e = Embedding.random(n, BenchData.LATENT, BenchData.TONIC_STD, 5L);
        double[] j = BenchData.gaussian(n * n, 6L, 0.5 / Math.sqrt(n));
        net = new DenseRateNetwork("bench-dense", e, j, new double[0], 0, BenchData.TAU, Activation.TANH,
                Standardization.identity(BenchData.LATENT), BenchData.DT);
        x0 = BenchData.gaussian(n, 7L, 1.0);
        x = x0.clone();
        f = new double[n];
    }

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
}
