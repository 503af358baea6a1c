package ddmatch.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.rnn.RateNetwork;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import org.junit.jupiter.api.Test;

/** Data-driven matching on one-dimensional data with known drift and diffusion. */
class DataDrivenMatcherTest {

    /** {@code dz = −z dt + 0.5 dW}. */
    static final class Ou implements Sde {
        @Override public int dimension() { return 1; }
        @Override public int noiseDimension() { return 1; }
        @Override public void drift(double t, double[] z, double[] out) { out[0] = -z[0]; }
        @Override public void diffusion(double t, double[] z, double[] out) { out[0] = 0.5; }
        @Override public NoiseType noiseType() { return NoiseType.ADDITIVE; }
        @Override public String name() { return "ou"; }
        @Override public double[] initialState() { return new double[] {0.0}; }
        @Override public double defaultTimeStep() { return 0.01; }
    }

    static Trajectory simulate(Sde sde, double time, long seed) {
        double dt = sde.defaultTimeStep();
        return new Integrator(EulerMaruyama.INSTANCE).solve(sde, sde.initialState(), 0, dt, Math.round(time / dt),
                new GaussianIncrements(sde.noiseDimension(), seed), SaveAt.everyStep(), Observable.identity(sde.dimension()));
    }

    /** The network's readout drift at the manifold point above z, in the target's coordinates (d = 1). */
    static double readoutDrift(RateNetwork net, double z) {
        double[] x = net.stateFor(new double[] {z});
        double[] f = new double[x.length];
        net.drift(0, x, f);
        double[] u = net.embedding().u();
        double p = 0;
        for (int j = 0; j < x.length; j++) p += u[j] * f[j];
        return net.standardization().scale(0) * p / x.length;
    }

    /** S(x)² in the target's coordinates at the manifold point above z (d = m = 1). */
    static double readoutVariance(RateNetwork net, double z) {
        double[] s = new double[1];
        net.noiseGainAt(net.stateFor(new double[] {z}), s);
        double v = s[0] * net.standardization().scale(0);
        return v * v;
    }

    @Test
    void ouDriftAndConstantNoiseFromData() {
        Trajectory data = simulate(new Ou(), 2000, 3);
        DataDrivenMatcher.DataTrainingResult r = DataDrivenMatcher.train(data, "ou", MatchConfig.defaults(100, 5),
                DataConfig.defaults(0.01), ProgressListener.NONE);
        RateNetwork net = r.training().network();
        assertThat(net.noiseType()).isEqualTo(NoiseType.ADDITIVE);
        assertThat(net.defaultTimeStep()).isEqualTo(0.01);
        // σ² = 0.25 from 2·10⁵ increments: sampling error √(2/2·10⁵) = 0.3%. Measured: 0.2513 (+0.5%).
        assertThat(readoutVariance(net, 0.0)).isCloseTo(0.25, within(0.25 * 0.02));
        // Drift −z within ±2 stationary standard deviations (σ_stat = 0.354). The slope estimate has standard
        // error √(σ²/(Σ z² Δt)) ≈ 0.03 for T = 2000. Measured
        // slopes: −0.94 (z = ±0.6), −0.92…−0.94 (z = ±0.3).
        for (double z : new double[] {-0.6, -0.3, 0.3, 0.6}) {
            assertThat(readoutDrift(net, z)).as("drift at %s", z).isCloseTo(-z, within(0.1 * Math.abs(z) + 0.02));
        }
    }

    @Test
    void multiplicativeNoiseFromData() {
        StateDependentDiffusionTest.Multiplicative1d target = new StateDependentDiffusionTest.Multiplicative1d();
        Trajectory data = simulate(target, 2000, 4);
        DataConfig cfg = new DataConfig(0.01, 0, DataConfig.NoiseModel.STATE_DEPENDENT);
        DataDrivenMatcher.DataTrainingResult r = DataDrivenMatcher.train(data, "mult", MatchConfig.defaults(100, 5), cfg,
                ProgressListener.NONE);
        RateNetwork net = r.training().network();
        assertThat(net.noiseType()).isEqualTo(NoiseType.GENERAL);
        // Measured: −4.1%, −0.2%, −0.7%, −2.2% at z = −1, 0, 0.5, 1.
        for (double z : new double[] {-1.0, 0.0, 0.5, 1.0}) {
            double ref = 0.2 + 0.5 * z * z;
            assertThat(readoutVariance(net, z)).as("S² at %s", z).isCloseTo(ref, within(0.1 * ref));
        }
    }

    @Test
    void invalidDataAndSettingsAreRefused() {
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) v[i] = Math.sin(i);
        v[17] = Double.NaN;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataDrivenMatcher.train(new Trajectory(0, 0.1, 1, v), "x",
                MatchConfig.defaults(20, 1), DataConfig.defaults(0.1), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 17");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DataConfig(0.1, 1, DataConfig.NoiseModel.CONSTANT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binsPerDimension = 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DataConfig(-1, 0, DataConfig.NoiseModel.CONSTANT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
