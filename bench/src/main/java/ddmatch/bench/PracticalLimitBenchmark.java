package ddmatch.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
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
 * With the Vector API ({@code --add-modules jdk.incubator.vector}, as {@code run-jmh.sh} starts JMH):
 * <ul>
 *   <li>{@code tanhKernel}: N tanh evaluations by {@code NetworkKernels.tanh} (the vector tanh the step uses);</li>
 *   <li>{@code multiplyAddsVector}: the 2·N·3 multiply-adds as vector fused multiply-adds (three vector reductions
 *       over W's rows, one update pass over U's columns), on precomputed φ.</li>
 * </ul>
 * The practical limit of a vectorised step is {@code tanhKernel + multiplyAddsVector}.
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
    private double[] wRows;  // 3 × N
    private double[] uCols;  // 3 × N
    private double[] lanes;
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

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
        wRows = w.clone();
        uCols = new double[3 * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < 3; k++) uCols[k * n + j] = u[3 * j + k];
        }
        lanes = new double[S.length()];
    }

    /** N evaluations of the tanh the network kernels use (the Vector API tanh when the module is present). */
    @Benchmark
    public void tanhKernel() {
        ddmatch.rnn.NetworkKernels.tanh(x, out, n);
    }

    /** The 2·N·3 multiply-adds as vector FMAs: three reductions over W's rows, then the update over U's columns. */
    @Benchmark
    public void multiplyAddsVector() {
        final int len = S.length();
        final int bound = S.loopBound(n);
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0;
        int j = 0;
        for (; j < bound; j += len) {
            DoubleVector p = DoubleVector.fromArray(S, t, j);
            a0 = p.fma(DoubleVector.fromArray(S, wRows, j), a0);
            a1 = p.fma(DoubleVector.fromArray(S, wRows, n + j), a1);
            a2 = p.fma(DoubleVector.fromArray(S, wRows, 2 * n + j), a2);
        }
        double s0 = sum(a0), s1 = sum(a1), s2 = sum(a2);
        for (; j < n; j++) {
            s0 += wRows[j] * t[j];
            s1 += wRows[n + j] * t[j];
            s2 += wRows[2 * n + j] * t[j];
        }
        DoubleVector b0 = DoubleVector.broadcast(S, s0), b1 = DoubleVector.broadcast(S, s1), b2 = DoubleVector.broadcast(S, s2);
        j = 0;
        for (; j < bound; j += len) {
            DoubleVector r = DoubleVector.fromArray(S, uCols, j).mul(b0);
            r = DoubleVector.fromArray(S, uCols, n + j).fma(b1, r);
            r = DoubleVector.fromArray(S, uCols, 2 * n + j).fma(b2, r);
            r.intoArray(out, j);
        }
        for (; j < n; j++) out[j] = uCols[j] * s0 + uCols[n + j] * s1 + uCols[2 * n + j] * s2;
    }

    private double sum(DoubleVector v) {
        v.intoArray(lanes, 0);
        double s = 0;
        for (double l : lanes) s += l;
        return s;
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
