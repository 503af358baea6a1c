package ddmatch.bench;

import ddmatch.analysis.lyapunov.LyapunovSpectrum;
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
 * The leading k Lyapunov exponents (default k = d + 2 = 5; {@code -p k=2,5,10} for the k dependence) of the full N-neuron network: {@value #STEPS} RK4 steps of the state
 * and the N × k tangent frame (no transient), re-orthonormalised every step. Score / STEPS = cost per step; the
 * low-rank Jacobian path makes it O(N·d·k) for the tangent products plus O(N·k²) for the QR.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LyapunovBenchmark {
    static final int STEPS = 100;

    @Param({"250", "1000", "4000"})
    public int n;

    /** Number of exponents k (the case is k = d + 2 = 5). */
    @Param({"5"})
    public int k;

    private LyapunovSpectrum.Workspace workspace;
    private double[] x0;
    private LyapunovSpectrum.Config config;

    @Setup(Level.Trial)
    public void setUp() {
        RateNetwork net = BenchData.network(n, 20240601L);
        x0 = BenchData.state(net, 99L);
        workspace = new LyapunovSpectrum.Workspace(net, k);
        config = new LyapunovSpectrum.Config(BenchData.DT, 0.0, STEPS * BenchData.DT, 1, 10, 1L);
    }

    @Benchmark
    public LyapunovSpectrum.Result hundredSteps() {
        return LyapunovSpectrum.of(workspace, x0, config);
    }
}
