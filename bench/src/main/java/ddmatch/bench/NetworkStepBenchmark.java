package ddmatch.bench;

import ddmatch.rnn.RateNetwork;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Stepper;
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
 * One deterministic Euler step {@code x += dt·drift(x)} of a tanh rate network with d = 3, N ∈ {250, 1000, 4000}.
 * The measured methods allocate nothing (check with {@code -prof gc}: gc.alloc.rate.norm ≈ 0 B/op).
 * ns per neuron-step = score / N.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NetworkStepBenchmark {
    @Param({"250", "1000", "4000"})
    public int n;

    private RateNetwork net;
    private RateNetwork noisyNet;
    private double[] x0;
    private double[] x;
    private double[] f;
    private double[] noDw;
    private Stepper stepper;
    private Stepper noisyStepper;
    private double[] dW;

    @Setup(Level.Trial)
    public void setUp() {
        net = BenchData.network(n, 20240601L);
        x0 = BenchData.state(net, 99L);
        x = x0.clone();
        f = new double[n];
        noDw = new double[1];
        stepper = EulerMaruyama.INSTANCE.stepper(net);
        noisyNet = BenchData.noisyNetwork(n, 20240601L, 0.1);
        noisyStepper = EulerMaruyama.INSTANCE.stepper(noisyNet);
        dW = new double[] {0.01, -0.02, 0.005};   // fixed increments: the cost does not depend on their values
        int d = BenchData.LATENT;
        double[] w = net.readInWeights();
        legacyWt = new double[n * d];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < n; j++) legacyWt[j * d + k] = w[k * n + j];
        }
        legacyU = net.embedding().u();
        legacyB = net.embedding().tonic();
        legacyA = new double[d];
    }

    private double[] legacyWt, legacyU, legacyB, legacyA;

    /**
     * The step as {@code RateNetwork.drift} computed it before the NetworkKernels rewrite (commit 8877d2d): one fused
     * loop with the exp-form tanh and a generic d-loop, kept here as the in-run "before" figure.
     */
    @Benchmark
    public void eulerStepLegacyDrift() {
        final int d = BenchData.LATENT;
        double[] a = legacyA;
        for (int k = 0; k < d; k++) a[k] = 0.0;
        for (int j = 0; j < n; j++) {
            double p = 1.0 - 2.0 / (Math.exp(2.0 * x[j]) + 1.0);
            int row = j * d;
            for (int k = 0; k < d; k++) a[k] += legacyWt[row + k] * p;
        }
        double inv = 1.0 / BenchData.TAU;
        for (int j = 0; j < n; j++) {
            int row = j * d;
            double r = legacyB[j] - x[j];
            for (int k = 0; k < d; k++) r += legacyU[row + k] * a[k];
            f[j] = r * inv;
        }
        final double dt = BenchData.DT;
        for (int j = 0; j < n; j++) x[j] += dt * f[j];
    }

    /** Restart from the same state every iteration so that every iteration measures the same trajectory segment. */
    @Setup(Level.Iteration)
    public void reset() {
        System.arraycopy(x0, 0, x, 0, n);
    }

    /** {@code RateNetwork.drift} followed by the Euler update written out. */
    @Benchmark
    public void eulerStep() {
        net.drift(0.0, x, f);
        final double dt = BenchData.DT;
        for (int j = 0; j < n; j++) x[j] += dt * f[j];
    }

    /** The same step through the library's {@link EulerMaruyama} stepper (m = 0, so no noise term). */
    @Benchmark
    public void eulerMaruyamaStepper() {
        stepper.step(0.0, BenchData.DT, x, noDw);
    }

    /**
     * One Euler–Maruyama step of the same network with additive noise U S dW (m = 3) through the library's stepper:
     * drift, x += f·dt and the three noise columns (with the Vector API kernels: the update pass, then one pass adding
     * the three columns).
     */
    @Benchmark
    public void eulerMaruyamaStepperNoisy() {
        noisyStepper.step(0.0, BenchData.DT, x, dW);
    }

    /**
     * 100 steps of the noisy network as a user's simulation runs them: {@link Integrator} with Euler–Maruyama, Gaussian
     * increments drawn per step, the divergence check after every step, every 10th state handed to a sink that
     * ignores it. Score / 100 = time per step.
     */
    @Benchmark
    public double[] integratorNoisy100Steps() {
        return integrator.run(noisyNet, x0, 0.0, BenchData.DT, 100, new GaussianIncrements(3, 7L), SAVE_EVERY_10, NO_SINK);
    }

    /** {@link #integratorNoisy100Steps} without noise (m = 0): the engine's cost around the deterministic step. */
    @Benchmark
    public double[] integrator100Steps() {
        return integrator.run(net, x0, 0.0, BenchData.DT, 100, null, SAVE_EVERY_10, NO_SINK);
    }

    private static final SaveAt SAVE_EVERY_10 = new SaveAt(10, false);
    private static final Integrator.Sink NO_SINK = (t, state) -> { };
    private final Integrator integrator = new Integrator(EulerMaruyama.INSTANCE);
}
