package ddmatch.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ddmatch.sde.DoubleWell;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import org.junit.jupiter.api.Test;

class SolveTest {

    /** ż = A z with A = [[0, 1], [−1, 0]]: the harmonic oscillator, exact solution a rotation. */
    static final class Oscillator implements Sde {
        @Override public int dimension() { return 2; }
        @Override public int noiseDimension() { return 0; }
        @Override public void drift(double t, double[] z, double[] out) { out[0] = z[1]; out[1] = -z[0]; }
        @Override public void diffusion(double t, double[] z, double[] out) { }
        @Override public NoiseType noiseType() { return NoiseType.NONE; }
        @Override public String name() { return "oscillator"; }
        @Override public double[] initialState() { return new double[] {1, 0}; }
        @Override public double defaultTimeStep() { return 0.01; }
    }

    /** dz = z² dt: blows up at t = 1/z0. */
    static final class BlowUp implements Sde {
        @Override public int dimension() { return 1; }
        @Override public int noiseDimension() { return 0; }
        @Override public void drift(double t, double[] z, double[] out) { out[0] = z[0] * z[0]; }
        @Override public void diffusion(double t, double[] z, double[] out) { }
        @Override public NoiseType noiseType() { return NoiseType.NONE; }
        @Override public String name() { return "blow-up"; }
        @Override public double[] initialState() { return new double[] {1}; }
        @Override public double defaultTimeStep() { return 0.01; }
    }

    private static double errorAt(Scheme scheme, double dt) {
        Oscillator osc = new Oscillator();
        long steps = Math.round(2.0 / dt);
        double[] end = new Integrator(scheme).run(osc, osc.initialState(), 0, dt, steps, null, new SaveAt(1, false), (t, x) -> { });
        return Math.hypot(end[0] - Math.cos(2.0), end[1] + Math.sin(2.0));
    }

    /** The divergence check's sum of squares (four partial sums) against a serial sum, and its NaN/∞ behaviour. */
    @Test
    void sumOfSquaresMatchesTheSerialSumAndFlagsNonFiniteStates() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int n = 0; n <= 1001; n += (n < 12 ? 1 : 247)) {
            double[] x = new double[n];
            double serial = 0;
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian() * 10;
                serial += x[i] * x[i];
            }
            assertThat(Integrator.sumOfSquares(x)).as("n = %d", n).isCloseTo(serial, within(1e-14 * Math.max(serial, 1)));
        }
        double[] x = {1, 2, 3, 4, 5, 6};
        for (int i = 0; i < x.length; i++) {
            double[] y = x.clone();
            y[i] = Double.NaN;
            assertThat(Integrator.sumOfSquares(y)).isNaN();
            y[i] = Double.NEGATIVE_INFINITY;
            assertThat(Integrator.sumOfSquares(y)).isInfinite();
        }
    }

    @Test
    void odeSchemesConvergeAtTheirDeclaredOrder() {
        for (Scheme scheme : new Scheme[] {RungeKutta4.INSTANCE, EulerMaruyama.INSTANCE}) {
            double h1 = scheme == RungeKutta4.INSTANCE ? 0.1 : 0.001;
            double e1 = errorAt(scheme, h1);
            double e2 = errorAt(scheme, h1 / 4);
            double observed = Math.log(e1 / e2) / Math.log(4);
            assertThat(observed).as(scheme.name()).isCloseTo(scheme.strongOrder(NoiseType.NONE), within(0.1));
        }
    }

    @Test
    void sameSeedGivesBitIdenticalIncrementsAndResetReplays() {
        GaussianIncrements a = new GaussianIncrements(3, 42);
        GaussianIncrements b = new GaussianIncrements(3, 42);
        double[] x = new double[3], y = new double[3];
        double[] first = new double[300];
        for (int k = 0; k < 100; k++) {
            a.increment(0, 0.5, x);
            b.increment(0, 0.5, y);
            assertThat(x).isEqualTo(y);
            System.arraycopy(x, 0, first, 3 * k, 3);
        }
        a.reset();
        for (int k = 0; k < 100; k++) {
            a.increment(0, 0.5, x);
            assertThat(x).containsExactly(first[3 * k], first[3 * k + 1], first[3 * k + 2]);
        }
    }

    @Test
    void incrementsHaveVarianceDtAndGaussianTails() {
        GaussianIncrements g = new GaussianIncrements(1, 7);
        int n = 400_000;
        double dt = 0.25;
        double[] w = new double[1];
        double sum = 0, sum2 = 0, sum4 = 0;
        for (int i = 0; i < n; i++) {
            g.increment(0, dt, w);
            double v = w[0] / Math.sqrt(dt);
            sum += v;
            sum2 += v * v;
            sum4 += v * v * v * v;
        }
        // Standard errors: mean 1/√n ≈ 1.6e-3, variance √(2/n) ≈ 2.2e-3, fourth moment √(96/n) ≈ 1.5e-2.
        assertThat(sum / n).isCloseTo(0.0, within(0.008));
        assertThat(sum2 / n).isCloseTo(1.0, within(0.011));
        assertThat(sum4 / n).isCloseTo(3.0, within(0.08));
    }

    @Test
    void divergenceStopsWithTimeAndNorm() {
        BlowUp sde = new BlowUp();
        assertThatThrownBy(() -> new Integrator(RungeKutta4.INSTANCE).solve(sde, sde.initialState(), 0, 0.001, 5000, null,
                SaveAt.everyStep(), Observable.identity(1)))
                .isInstanceOfSatisfying(DivergenceException.class, e -> {
                    // The exact solution 1/(1 − t) passes the bound 1e6·(1 + 1) just before t = 1.
                    assertThat(e.time()).isCloseTo(1.0, within(0.01));
                    assertThat(e.norm()).isGreaterThan(2e6);
                    assertThat(e.getMessage()).contains("blow-up").contains("smaller time step");
                });
    }

    /**
     * An SDE with a fused Euler–Maruyama step (the OU process ż = −z, its own update) that reports four times the true
     * Σz² of each new state. The integrator's divergence check must use the reported sum, not a pass of its own: with
     * the bound between the true norm and twice it, the run stops at the first step and reports twice the true norm.
     */
    static final class ReportingOu implements FusedEulerStep {
        @Override public int dimension() { return 2; }
        @Override public int noiseDimension() { return 0; }
        @Override public void drift(double t, double[] z, double[] out) { out[0] = -z[0]; out[1] = -z[1]; }
        @Override public void diffusion(double t, double[] z, double[] out) { }
        @Override public NoiseType noiseType() { return NoiseType.NONE; }
        @Override public String name() { return "reporting-ou"; }
        @Override public double[] initialState() { return new double[] {3, 4}; }
        @Override public double defaultTimeStep() { return 0.01; }

        @Override
        public double eulerStep(double t, double h, double[] x, double[] dW) {
            x[0] = x[0] + (-x[0]) * h;
            x[1] = x[1] + (-x[1]) * h;
            return 4 * (x[0] * x[0] + x[1] * x[1]);
        }
    }

    @Test
    void theDivergenceCheckTakesTheSumOfSquaresAFusedStepReports() {
        ReportingOu sde = new ReportingOu();
        double trueNorm = 5 * 0.99;   // |(3, 4)| after one step of ż = −z with h = 0.01
        assertThatThrownBy(() -> new Integrator(EulerMaruyama.INSTANCE, 1.5 * trueNorm, ProgressListener.NONE)
                .run(sde, sde.initialState(), 0, 0.01, 10, null, SaveAt.everyStep(), (t, x) -> { }))
                .isInstanceOfSatisfying(DivergenceException.class, e -> {
                    assertThat(e.step()).isEqualTo(1);
                    assertThat(e.norm()).isCloseTo(2 * trueNorm, within(1e-12));
                });
        // The generic path of the same scheme (no fused step) sums the state itself: the true norm stays under the bound.
        Sde plain = new Sde() {
            @Override public int dimension() { return 2; }
            @Override public int noiseDimension() { return 0; }
            @Override public void drift(double t, double[] z, double[] out) { sde.drift(t, z, out); }
            @Override public void diffusion(double t, double[] z, double[] out) { }
            @Override public NoiseType noiseType() { return NoiseType.NONE; }
            @Override public String name() { return "ou"; }
            @Override public double[] initialState() { return sde.initialState(); }
            @Override public double defaultTimeStep() { return 0.01; }
        };
        double[] end = new Integrator(EulerMaruyama.INSTANCE, 1.5 * trueNorm, ProgressListener.NONE)
                .run(plain, plain.initialState(), 0, 0.01, 10, null, SaveAt.everyStep(), (t, x) -> { });
        assertThat(Math.hypot(end[0], end[1])).isCloseTo(5 * Math.pow(0.99, 10), within(1e-12));
    }

    @Test
    void schemeRefusesNoiseItCannotIntegrateAndNamesAlternatives() {
        assertThatThrownBy(() -> RungeKutta4.INSTANCE.stepper(new DoubleWell(0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rk4").hasMessageContaining("ADDITIVE").hasMessageContaining("euler-maruyama");
    }

    @Test
    void eulerMaruyamaOnOuHasTheExactDiscreteStationaryVariance() {
        // dz = −z dt + dW with EM: z' = (1 − h) z + √h ξ, whose stationary variance is h/(1 − (1 − h)²) = 1/(2 − h).
        Sde ou = new DoubleWellLinear();
        double h = 0.1;
        Trajectory tr = new Integrator(EulerMaruyama.INSTANCE).solve(ou, new double[] {0}, 0, h, 1_000_000,
                new GaussianIncrements(1, 3), new SaveAt(1, false), Observable.identity(1));
        double s2 = 0;
        for (double v : tr.values()) s2 += v * v;
        s2 /= tr.rows();
        // Correlation time 1/h steps → effective samples ≈ n·h/2; relative s.e. ≈ √(2/(n h/2)) ≈ 0.0045.
        assertThat(s2).isCloseTo(1.0 / (2.0 - h), within(0.03 / (2.0 - h)));
    }

    /** dz = −z dt + dW. */
    static final class DoubleWellLinear implements Sde {
        @Override public int dimension() { return 1; }
        @Override public int noiseDimension() { return 1; }
        @Override public void drift(double t, double[] z, double[] out) { out[0] = -z[0]; }
        @Override public void diffusion(double t, double[] z, double[] out) { out[0] = 1.0; }
        @Override public NoiseType noiseType() { return NoiseType.ADDITIVE; }
        @Override public String name() { return "ou-1d"; }
        @Override public double[] initialState() { return new double[] {0}; }
        @Override public double defaultTimeStep() { return 0.01; }
    }
}
