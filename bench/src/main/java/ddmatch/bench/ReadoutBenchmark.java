package ddmatch.bench;

import ddmatch.rnn.RateNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The readout {@code z̃ = Uᵀ(x − b)/N} of a d = 3 tanh network, what a simulation that records its readout computes at
 * every saved step: {@code Embedding.project} (one serial add chain per component) against
 * {@code NetworkKernels.project} via {@code RateNetwork.readout} (independent chains; Vector API FMA chains when the
 * module is loaded), with an Euler step's drift for scale. Nothing is allocated (check with {@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReadoutBenchmark {
    @Param({"300", "1000"})
    public int n;

    private RateNetwork net;
    private double[] x;
    private double[] f;
    private double[] z;

    @Setup
    public void setUp() {
        net = BenchData.network(n, 20240601L);
        x = BenchData.state(net, 99L);
        f = new double[n];
        z = new double[BenchData.LATENT];
    }

    /** The projection the readout used before: {@code Embedding.project}. */
    @Benchmark
    public double embeddingProject() {
        net.embedding().project(x, z);
        return z[0] + z[1] + z[2];
    }

    /** The readout now: {@code NetworkKernels.project} plus the standardisation. */
    @Benchmark
    public double readout() {
        net.readout(x, z);
        return z[0] + z[1] + z[2];
    }

    /** One drift evaluation of the same network, for scale (one per Euler–Maruyama step). */
    @Benchmark
    public double drift() {
        net.drift(0.0, x, f);
        return f[0];
    }
}
