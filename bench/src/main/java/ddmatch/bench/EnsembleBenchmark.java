package ddmatch.bench;

import ddmatch.rnn.RateNetwork;
import ddmatch.solve.Ensemble;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.SaveAt;
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
 * What a user's ensemble costs: 64 noisy trajectories (additive noise U S ΔW, m = 3; {@code -p noisy=false}: none) of
 * the d = 3 tanh network, 100
 * Euler–Maruyama steps each from the same state, through {@link Ensemble#finalStates} — every step drawn from its
 * own noise stream, divergence-checked, the ensemble's thread pool started and stopped per operation. Two paths, same
 * bits: the trajectories in lock step, groups of the kernels' tile through {@code LockStepIntegrator} (what
 * {@code Ensemble} does for a rate network), against each trajectory run alone by {@link Integrator} (what it did before,
 * and still does for other SDEs). Per step = score / 100; ns per neuron-step = score / (100 · 64 · N).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnsembleBenchmark {
    static final int COUNT = 64;
    static final int STEPS = 100;

    @Param({"1000"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    /** true: additive noise U S ΔW (S = 0.3 I, m = 3); false: the same network without noise (m = 0, nothing drawn). */
    @Param({"true"})
    public boolean noisy;

    private RateNetwork net;
    private double[] x0;
    private Ensemble ensemble;
    private Integrator single;

    @Setup
    public void setUp() {
        net = noisy ? BenchData.noisyNetwork(n, 20240601L, 0.3) : BenchData.network(n, 20240601L);
        x0 = BenchData.state(net, 1000L);
        ensemble = new Ensemble(threads);
        single = new Integrator(EulerMaruyama.INSTANCE);
    }

    /** 64 trajectories in lock step, tiles of the kernels' size (4 on JDK 25, 2 before), a tile per task. */
    @Benchmark
    public double[] lockStep() {
        return ensemble.finalStates(net, EulerMaruyama.INSTANCE, x0, 0, BenchData.DT, STEPS, COUNT, 7);
    }

    /** The same 64 trajectories, each run alone by the fused single step, a trajectory per task. */
    @Benchmark
    public double perTrajectory() {
        double[] sum = {0};
        ensemble.run(COUNT, 7, (i, seed) -> single.run(net, x0, 0, BenchData.DT, STEPS,
                new GaussianIncrements(net.noiseDimension(), seed), new SaveAt(1, false), (t, x) -> { }),
                (i, x) -> sum[0] += x[0]);
        return sum[0];
    }
}
