package ddmatch.bench;

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
 * The "practical limit" of one network step in plain scalar Java, measured in the same run as
 * {@link NetworkStepBenchmark}: the irreducible work of a drift evaluation is N evaluations of tanh plus 2·N·d
 * multiply-adds, here over flat arrays with d = 3 hard-coded (no virtual call, no inner d-loop, no ThreadLocal).
 * <ul>
 *   <li>{@code tanhMath}, {@code tanhExpForm}: N tanh evaluations alone, by {@link Math#tanh} and by the
 *       {@code 1 − 2/(e^{2x} + 1)} form used by {@code Activation.TANH};</li>
 *   <li>{@code multiplyAdds}: the 2·N·d multiply-adds alone (the two passes W·φ and U·a), on precomputed φ;</li>
 *   <li>{@code fusedStep*}: a whole Euler step {@code x += dt·(b − x + U W φ(x))/τ} written as one hand-specialised
 *       kernel: the figure to compare {@code NetworkStepBenchmark.eulerStep} with.</li>
 * </ul>
 * The arrays hold the same seeded network as {@link NetworkStepBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PracticalLimitBenchmark {
    @Param({"250", "1000", "4000"})
    public int n;

    private double[] x0;
    private double[] x;
    private double[] t;
    private double[] out;
    private double[] wt;   // N × 3, row j = weights from neuron j
    private double[] u;    // N × 3
    private double[] b;
    private double invTau;

    @Setup(Level.Trial)
    public void setUp() {
        var net = BenchData.network(n, 20240601L);
        x0 = BenchData.state(net, 99L);
        x = x0.clone();
        t = new double[n];
        out = new double[n];
        double[] w = net.readInWeights();
        wt = new double[3 * n];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < n; j++) wt[3 * j + k] = w[k * n + j];
        }
        u = net.embedding().u().clone();
        b = net.embedding().tonic().clone();
        invTau = 1.0 / net.tau();
        for (int j = 0; j < n; j++) t[j] = Math.tanh(x0[j]);
    }

    @Setup(Level.Iteration)
    public void reset() {
        System.arraycopy(x0, 0, x, 0, n);
    }

    @Benchmark
    public void tanhMath() {
        for (int j = 0; j < n; j++) out[j] = Math.tanh(x[j]);
    }

    @Benchmark
    public void tanhExpForm() {
        for (int j = 0; j < n; j++) out[j] = 1.0 - 2.0 / (Math.exp(2.0 * x[j]) + 1.0);
    }

    /** {@code FastTanh}'s array form (the φ pass of {@code RateNetwork.drift}); C2 vectorises it. */
    @Benchmark
    public void tanhFastBatch() {
        ddmatch.rnn.FastTanh.tanh(x, out, 0, n);
    }

    /** {@code FastTanh.tanh(double)} called per element in a loop (what the scalar API costs). */
    @Benchmark
    public void tanhFastScalar() {
        for (int j = 0; j < n; j++) out[j] = ddmatch.rnn.FastTanh.tanh(x[j]);
    }

    @Benchmark
    public void multiplyAdds() {
        double a0 = 0, a1 = 0, a2 = 0;
        for (int j = 0; j < n; j++) {
            double p = t[j];
            int r = 3 * j;
            a0 += wt[r] * p;
            a1 += wt[r + 1] * p;
            a2 += wt[r + 2] * p;
        }
        for (int j = 0; j < n; j++) {
            int r = 3 * j;
            out[j] = u[r] * a0 + u[r + 1] * a1 + u[r + 2] * a2;
        }
    }

    @Benchmark
    public void fusedStepExpForm() {
        double a0 = 0, a1 = 0, a2 = 0;
        for (int j = 0; j < n; j++) {
            double p = 1.0 - 2.0 / (Math.exp(2.0 * x[j]) + 1.0);
            int r = 3 * j;
            a0 += wt[r] * p;
            a1 += wt[r + 1] * p;
            a2 += wt[r + 2] * p;
        }
        finishStep(a0, a1, a2);
    }

    @Benchmark
    public void fusedStepMathTanh() {
        double a0 = 0, a1 = 0, a2 = 0;
        for (int j = 0; j < n; j++) {
            double p = Math.tanh(x[j]);
            int r = 3 * j;
            a0 += wt[r] * p;
            a1 += wt[r + 1] * p;
            a2 += wt[r + 2] * p;
        }
        finishStep(a0, a1, a2);
    }

    private void finishStep(double a0, double a1, double a2) {
        final double h = BenchData.DT * invTau;
        for (int j = 0; j < n; j++) {
            int r = 3 * j;
            double xj = x[j];
            x[j] = xj + h * (b[j] - xj + u[r] * a0 + u[r + 1] * a1 + u[r + 2] * a2);
        }
    }
}
