package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.FusedEulerStep;
import ddmatch.solve.Stepper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The restructured hot paths of a recorded simulation against the straightforward loops they replaced: the fused
 * Euler–Maruyama step of a rate network (the same update up to rounding), Euler–Maruyama's column-wise additive-noise
 * update and the d = 3 readout projection (the same bits).
 */
class StepPathsTest {
    /**
     * The fused step ({@code RateNetwork.eulerStep}: the Vector API kernel's one update pass for d ≤ 4, the noise
     * {@code U S ΔW} entering as {@code S ΔW} in its multiply-adds on U's columns) against drift followed by the generic
     * update {@code x + f·h + G ΔW} from the same state, step by step, with noise (m = 1 … 7) and without, for N with
     * and without a vector tail: every component agrees to within 8 units of rounding of the largest term the two
     * groupings add (any wrong coefficient — τ, h, S or Sᵀ — is off by far more), and the returned Σx² is that of the
     * new state (a compensated sum here). It is taken exactly when the vector kernels are in use and d ≤ 4, and
     * declined (x untouched) otherwise.
     */
    @Test
    void fusedEulerStepEqualsDriftThenUpdateToRounding() {
        for (int[] ndm : new int[][] {{1000, 3, 3}, {203, 3, 0}, {7, 3, 3}, {97, 2, 2}, {1000, 2, 0}, {203, 1, 1},
                                       {13, 1, 0}, {5, 2, 2}, {64, 4, 2}, {203, 3, 5}, {31, 2, 7}, {1000, 1, 6}, {1000, 4, 4}, {203, 4, 0},
                                       {7, 4, 3}, {64, 5, 2}}) {
            int n = ndm[0], d = ndm[1], m = ndm[2];
            SplittableRandom r = new SplittableRandom(n);
            double[] w = new double[d * n];
            for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-1, 1) / Math.sqrt(n);
            double[] s = new double[d * m];
            for (int i = 0; i < s.length; i++) s[i] = r.nextDouble(-1, 1);
            RateNetwork net = new RateNetwork("p", Embedding.random(n, d, 2.0, n), w, s, m, 0.7, Activation.TANH,
                    Standardization.identity(d), 0.01);
            compareFusedWithGeneric(net, 0.7, NetworkKernels.vectorApiInUse() && d <= 4, r, "N = " + n + ", d = " + d
                    + ", m = " + m);
        }
    }

    /**
     * The same with a population mode ({@code J = U W + 1 w₀ᵀ}: the kernels run on [U, 1], the noise only on U's
     * columns), d = 2, m = 2.
     */
    @Test
    void fusedEulerStepOfAPopulationNetworkEqualsDriftThenUpdateToRounding() {
        int n = RateNetworkPopulationTest.N, d = RateNetworkPopulationTest.D;
        RateNetwork pop = RateNetworkPopulationTest.network(5);
        double[] s = {0.4, -0.3, 0.2, 0.5};   // S, d × m with m = 2
        RateNetwork net = new RateNetwork("pop", pop.embedding(), pop.readInWeights(), pop.populationWeights(), s, null, 2,
                0.7, Activation.TANH, Standardization.identity(d), 0.01, new double[0], java.util.List.of(), java.util.List.of());
        compareFusedWithGeneric(net, 0.7, NetworkKernels.vectorApiInUse() && d + 1 <= 4, new SplittableRandom(3),
                "population mode, N = " + n);
    }

    /**
     * 20 steps: each from the state the fused step reached, the fused step against drift, then {@code x + f·h + G ΔW}
     * row by row, component by component to within 8 units of rounding of the largest term the two groupings add, and
     * the returned Σx² against a compensated sum of the new state.
     */
    private static void compareFusedWithGeneric(RateNetwork net, double tau, boolean fusedExpected, SplittableRandom r,
                                                String what) {
        int n = net.neurons(), m = net.noiseDimension();
        double h = 0.01;
        double[] g = new double[n * m], b = net.embedding().tonic();
        net.diffusion(0, new double[n], g);
        double[] x = NetworkKernelsTest.state(n, 6), f = new double[n];
        for (int step = 0; step < 20; step++) {
            double[] dW = new double[m];
            for (int k = 0; k < m; k++) dW[k] = 0.1 * r.nextGaussian();
            double[] expected = new double[n], scale = new double[n];
            net.drift(0, x, f);
            for (int i = 0; i < n; i++) {
                double xi = x[i] + f[i] * h, noise = 0;
                for (int k = 0; k < m; k++) {
                    xi += g[i * m + k] * dW[k];
                    noise += Math.abs(g[i * m + k] * dW[k]);
                }
                expected[i] = xi;
                // the terms either grouping adds: x, (b − x)·h/τ, J φ·h/τ = f·h − (b − x)·h/τ, the noise
                scale[i] = Math.abs(x[i]) + 2 * Math.abs(b[i] - x[i]) * h / tau + Math.abs(f[i] * h) + 2 * noise;
            }
            double[] before = x.clone();
            double squares = net.eulerStep(0, h, x, dW);
            boolean taken = squares != FusedEulerStep.DECLINED;
            assertThat(taken).as(what).isEqualTo(fusedExpected);
            if (!taken) {
                assertThat(x).containsExactly(before);
                x = expected;
                continue;
            }
            for (int i = 0; i < n; i++) {
                assertThat(Math.abs(x[i] - expected[i])).as("%s, step %d, neuron %d", what, step, i)
                        .isLessThanOrEqualTo(8 * Math.ulp(scale[i]));
            }
            assertThat(squares).as("Σx², %s, step %d", what, step)
                    .isCloseTo(kahanSumOfSquares(x), org.assertj.core.data.Percentage.withPercentage(1e-12));
        }
    }

    /**
     * Euler–Maruyama's generic additive-noise update (column by column over Gᵀ) gives the bits of the row loop
     * {@code (x + f·h) + G_i0 ΔW_0 + G_i1 ΔW_1 + …}. The network is wrapped so that the scheme cannot take its fused step.
     */
    @Test
    void additiveEulerMaruyamaStepEqualsTheRowLoopBitForBit() {
        int n = 203, d = 3, m = 3;
        SplittableRandom r = new SplittableRandom(4);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-1, 1) / Math.sqrt(n);
        double[] s = {0.5, 0.1, 0.0, -0.2, 0.7, 0.05, 0.0, 0.3, 0.9};
        RateNetwork net = new RateNetwork("p", Embedding.random(n, d, 2.0, 4), w, s, m, 0.7, Activation.TANH,
                Standardization.identity(d), 0.01);
        ddmatch.sde.Sde plain = new ddmatch.sde.Sde() {   // the network's drift and diffusion, no fused step
            @Override public int dimension() { return net.dimension(); }
            @Override public int noiseDimension() { return net.noiseDimension(); }
            @Override public void drift(double t, double[] z, double[] out) { net.drift(t, z, out); }
            @Override public void diffusion(double t, double[] z, double[] out) { net.diffusion(t, z, out); }
            @Override public ddmatch.sde.NoiseType noiseType() { return net.noiseType(); }
            @Override public String name() { return "plain"; }
            @Override public double[] initialState() { return new double[n]; }
            @Override public double defaultTimeStep() { return 0.01; }
        };
        double[] x = NetworkKernelsTest.state(n, 5), expected = x.clone();
        Stepper stepper = EulerMaruyama.INSTANCE.stepper(plain);
        double[] f = new double[n], g = new double[n * m];
        net.diffusion(0, x, g);
        double dt = 0.01;
        for (int step = 0; step < 5; step++) {
            double[] dW = {r.nextGaussian() * 0.1, r.nextGaussian() * 0.1, r.nextGaussian() * 0.1};
            net.drift(0, expected, f);
            for (int i = 0; i < n; i++) {
                double xi = expected[i] + f[i] * dt;
                for (int k = 0; k < m; k++) xi += g[i * m + k] * dW[k];
                expected[i] = xi;
            }
            stepper.step(0, dt, x, dW);
            assertThat(stepper.lastSumOfSquares()).as("a generic step sums nothing").isNegative();
            assertThat(x).containsExactly(expected);
        }
    }

    @Test
    void projectionForD3EqualsTheGeneralLoopBitForBit() {
        int n = 301;
        Embedding e = Embedding.random(n, 3, 2.0, 9);
        double[] x = NetworkKernelsTest.state(n, 6), u = e.u(), b = e.tonic();
        double[] expected = new double[3];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < 3; k++) expected[k] += u[j * 3 + k] * (x[j] - b[j]);
        }
        for (int k = 0; k < 3; k++) expected[k] *= 1.0 / n;
        double[] z = new double[3];
        e.project(x, z);
        assertThat(z).containsExactly(expected);
    }

    /**
     * The {@link ddmatch.solve.Integrator}'s divergence check takes the sum of squares the fused step returns: a noisy
     * network whose state leaves a small bound stops at the step where an independent check of the same trajectory
     * (the stepper run by hand, Σx² summed here) first exceeds it, and reports that state's norm.
     */
    @Test
    void theIntegratorsDivergenceCheckUsesTheFusedStepsSum() {
        int n = 300, d = 1, m = 1;
        SplittableRandom r = new SplittableRandom(11);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = r.nextDouble(-1, 1) / Math.sqrt(n);
        RateNetwork net = new RateNetwork("p", Embedding.random(n, d, 2.0, 11), w, new double[] {3.0}, m, 1.0,
                Activation.TANH, Standardization.identity(d), 0.01);
        double[] x0 = NetworkKernelsTest.state(n, 3);
        double limit = 1.5 * Math.sqrt(kahanSumOfSquares(x0));
        long steps = 20_000, seed = 5;
        double dt = 0.01;
        Stepper stepper = EulerMaruyama.INSTANCE.stepper(net);
        ddmatch.solve.GaussianIncrements noise = new ddmatch.solve.GaussianIncrements(m, seed);
        double[] x = x0.clone(), dW = new double[m];
        long first = -1;
        double firstNorm = 0;
        for (long k = 1; k <= steps && first < 0; k++) {
            noise.increment((k - 1) * dt, k * dt, dW);
            stepper.step((k - 1) * dt, dt, x, dW);
            double norm = Math.sqrt(kahanSumOfSquares(x));
            if (norm > limit) {
                first = k;
                firstNorm = norm;
            }
        }
        assertThat(first).as("the noise must carry the state past the bound within the run").isPositive();
        var integrator = new ddmatch.solve.Integrator(EulerMaruyama.INSTANCE, limit, ddmatch.solve.ProgressListener.NONE);
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(ddmatch.solve.DivergenceException.class,
                () -> integrator.run(net, x0, 0.0, dt, steps, new ddmatch.solve.GaussianIncrements(m, seed),
                        new ddmatch.solve.SaveAt(100, false), (t, y) -> { }));
        assertThat(e).as("diverged").isNotNull();
        assertThat(e.step()).isEqualTo(first);
        assertThat(e.norm()).isCloseTo(firstNorm, org.assertj.core.data.Percentage.withPercentage(1e-12));
        if (NetworkKernels.vectorApiInUse()) {
            assertThat(stepper.lastSumOfSquares()).as("the fused step reports its sum").isNotNegative();
        }
    }

    static double kahanSumOfSquares(double[] x) {
        double sum = 0, c = 0;
        for (double v : x) {
            double y = v * v - c, t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }
}
