package ddmatch.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ddmatch.sde.DoubleWell;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import org.junit.jupiter.api.Test;

class SchemeContractTest {

    /** A 2-d system with a full state-dependent diffusion matrix. */
    static final class General implements Sde {
        @Override public int dimension() { return 2; }
        @Override public int noiseDimension() { return 2; }
        @Override public void drift(double t, double[] z, double[] out) { out[0] = -z[0]; out[1] = -z[1]; }
        @Override public void diffusion(double t, double[] z, double[] out) { out[0] = 1; out[1] = z[0]; out[2] = z[1]; out[3] = 1; }
        @Override public NoiseType noiseType() { return NoiseType.GENERAL; }
        @Override public String name() { return "general"; }
        @Override public double[] initialState() { return new double[] {0, 0}; }
        @Override public double defaultTimeStep() { return 0.01; }
    }

    @Test
    void aSchemeRefusingANoiseTypeNamesTheAlternatives() {
        assertThatThrownBy(() -> Milstein.INSTANCE.stepper(new General()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("milstein").hasMessageContaining("GENERAL").hasMessageContaining("heun-stratonovich");
        assertThatThrownBy(() -> Sra1.INSTANCE.stepper(new TestSystems.Gbm(1, 1, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sra1").hasMessageContaining("DIAGONAL").hasMessageContaining("milstein");
    }

    @Test
    void registryListsEverySchemeByName() {
        for (String name : new String[] {"euler-maruyama", "milstein", "heun", "heun-stratonovich", "sra1", "rk4"}) {
            assertThat(Schemes.byName(name).name()).isEqualTo(name);
        }
        assertThat(Schemes.all()).hasSize(6);
    }

    @Test
    void sra1RefusesANoiseStreamWithoutIteratedIntegrals() {
        NoiseStream plain = new NoiseStream() {
            @Override public int dimension() { return 1; }
            @Override public void increment(double t0, double t1, double[] out) { out[0] = 0; }
        };
        DoubleWell well = new DoubleWell(0.5);
        assertThatThrownBy(() -> new Integrator(Sra1.INSTANCE).run(well, new double[] {1}, 0, 0.01, 10, plain,
                SaveAt.everyStep(), (t, x) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BrownianPath");
    }

    /** ∂/∂x of a√(1 + x²) is a x/√(1 + x²); the central difference must agree to its O(δ²) ≈ 1e-10 accuracy. */
    @Test
    void finiteDifferenceDiffusionDerivativeMatchesTheAnalyticOne() {
        TestSystems.Sinh sinh = new TestSystems.Sinh(0.7);
        double[] out = new double[1], zw = new double[1], gw = new double[1];
        for (double x : new double[] {-30, -1.3, 0, 0.2, 4, 1e3}) {
            double[] z = {x};
            sinh.diffusionDerivative(0, z, out, zw, gw);
            assertThat(out[0]).isCloseTo(0.7 * x / Math.sqrt(1 + x * x), within(1e-9));
            assertThat(z[0]).isEqualTo(x);
        }
    }

    /** With additive noise the Milstein correction vanishes: it must reproduce Euler–Maruyama bit for bit. */
    @Test
    void milsteinEqualsEulerMaruyamaForAdditiveNoise() {
        DoubleWell well = new DoubleWell(0.4);
        double[] em = new Integrator(EulerMaruyama.INSTANCE).run(well, new double[] {0.5}, 0, 0.01, 500,
                new GaussianIncrements(1, 8), SaveAt.everyStep(), (t, x) -> { });
        double[] mil = new Integrator(Milstein.INSTANCE).run(well, new double[] {0.5}, 0, 0.01, 500,
                new GaussianIncrements(1, 8), SaveAt.everyStep(), (t, x) -> { });
        assertThat(mil).isEqualTo(em);
    }

    /**
     * Heun converges to the Stratonovich solution; on multiplicative noise that is not the Itô equation an {@code Sde}
     * means, so plain {@code heun} refuses it and says why, and {@code heun-stratonovich} takes it.
     */
    @Test
    void plainHeunRefusesMultiplicativeNoiseAndPointsToTheStratonovichForm() {
        assertThatThrownBy(() -> StochasticHeun.INSTANCE.stepper(new TestSystems.Gbm(0.5, 0.8, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DIAGONAL").hasMessageContaining("Stratonovich solution")
                .hasMessageContaining("heun-stratonovich").hasMessageContaining("milstein");
        assertThat(StochasticHeun.STRATONOVICH.supports()).contains(NoiseType.DIAGONAL, NoiseType.GENERAL);
        assertThat(StochasticHeun.INSTANCE.supports()).containsExactlyInAnyOrder(NoiseType.NONE, NoiseType.ADDITIVE);
    }

    /** Heun (Stratonovich) and Milstein (Itô) converge to different limits on multiplicative noise, as documented. */
    @Test
    void heunSolvesTheStratonovichEquation() {
        TestSystems.Gbm gbm = new TestSystems.Gbm(0.5, 0.8, true);
        int n = 4096;
        BrownianPath path = new BrownianPath(1, 0, 1.0 / n, 3);
        double[] w = new double[1];
        path.increment(0, 1, w);
        path.reset();
        double heun = new Integrator(StochasticHeun.STRATONOVICH).run(gbm, new double[] {1}, 0, 1.0 / n, n, path,
                new SaveAt(n, false), (t, x) -> { })[0];
        assertThat(heun).isCloseTo(gbm.stratonovich(1, 1, w[0]), within(0.02 * heun));
        assertThat(Math.abs(heun - gbm.ito(1, 1, w[0]))).isGreaterThan(0.2 * heun); // e^{σ²/2} = 1.377 apart
    }
}
