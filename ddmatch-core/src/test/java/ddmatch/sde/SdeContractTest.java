package ddmatch.sde;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Observable;
import org.junit.jupiter.api.Test;

/**
 * A system written in Java whose declarations contradict each other, or whose drift depends on time, is refused before
 * any work with a message naming the system and the declaration, instead of failing deep inside a solver (or, for the
 * time dependence, training on the t = 0 slice without a word).
 */
class SdeContractTest {

    /** A Duffing oscillator, optionally forced by a cos(ω t), with additive noise of the declared type and dimension. */
    static final class Duffing implements Sde {
        final double forcing;
        final NoiseType type;
        final int m;

        Duffing(double forcing, NoiseType type, int m) {
            this.forcing = forcing;
            this.type = type;
            this.m = m;
        }

        @Override public int dimension() { return 2; }
        @Override public int noiseDimension() { return m; }
        @Override public void drift(double t, double[] z, double[] out) {
            out[0] = z[1];
            out[1] = -0.3 * z[1] + z[0] - z[0] * z[0] * z[0] + forcing * Math.cos(1.2 * t);
        }
        @Override public void diffusion(double t, double[] z, double[] out) {
            java.util.Arrays.fill(out, 0.0);
            if (m > 0) out[out.length - 1] = 0.3;
        }
        @Override public NoiseType noiseType() { return type; }
        @Override public String name() { return "duffing"; }
        @Override public double[] initialState() { return new double[] {1, 0}; }
        @Override public double defaultTimeStep() { return 0.01; }
    }

    @Test
    void contradictoryDeclarationsAreRefusedByName() {
        assertThatThrownBy(() -> SdeContract.requireConsistent(new Duffing(0, NoiseType.ADDITIVE, 0)))
                .hasMessageContaining("system 'duffing'").hasMessageContaining("ADDITIVE").hasMessageContaining("noiseDimension() = 0");
        assertThatThrownBy(() -> SdeContract.requireConsistent(new Duffing(0, NoiseType.NONE, 1)))
                .hasMessageContaining("NONE").hasMessageContaining("noiseDimension() = 1");
        assertThatThrownBy(() -> SdeContract.requireConsistent(new Duffing(0, NoiseType.DIAGONAL, 3)))
                .hasMessageContaining("m ≤ d");
        assertThatCode(() -> SdeContract.requireConsistent(new Duffing(0, NoiseType.ADDITIVE, 1))).doesNotThrowAnyException();
        // The same refusal at the entry points, not an array index from inside them.
        Duffing broken = new Duffing(0, NoiseType.ADDITIVE, 0);
        assertThatThrownBy(() -> DriftMatcher.train(broken, MatchConfig.defaults(50, 1), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noiseDimension() = 0");
        assertThatThrownBy(() -> new Integrator(EulerMaruyama.INSTANCE).solve(broken, new double[] {1, 0}, 0, 0.01, 10,
                null, SaveAt.everyStep(), Observable.identity(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noiseDimension() = 0");
    }

    @Test
    void aForcedDriftIsRefusedForTrainingWithTheWayOut() {
        Duffing forced = new Duffing(0.5, NoiseType.ADDITIVE, 1);
        assertThatThrownBy(() -> DriftMatcher.train(forced, MatchConfig.defaults(100, 1), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("drift of system 'duffing' depends on time").hasMessageContaining("input");
        // The unforced oscillator trains, also with no progress listener at all (null means none).
        assertThatCode(() -> DriftMatcher.train(new Duffing(0, NoiseType.ADDITIVE, 1), MatchConfig.defaults(100, 1),
                null)).doesNotThrowAnyException();
    }

    @Test
    void integratorInputsAreCheckedBeforeTheRun() {
        Duffing sde = new Duffing(0, NoiseType.ADDITIVE, 1);
        Integrator em = new Integrator(EulerMaruyama.INSTANCE);
        GaussianIncrements noise = new GaussianIncrements(1, 1);
        assertThatThrownBy(() -> em.solve(sde, new double[] {1, 0}, 0, 0.01, -5, noise, SaveAt.everyStep(), Observable.identity(2)))
                .hasMessageContaining("steps = -5");
        assertThatThrownBy(() -> em.solve(sde, new double[] {1, 0}, 0, 0.01, 5, noise, SaveAt.everyStep(), Observable.identity(3)))
                .hasMessageContaining("reads states of length 3").hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> em.solve(sde, new double[] {Double.NaN, 0}, 0, 0.01, 5, noise, SaveAt.everyStep(), Observable.identity(2)))
                .hasMessageContaining("initial state[0] = NaN");
        assertThatThrownBy(() -> new Integrator(null)).hasMessageContaining("scheme is null").hasMessageContaining("euler-maruyama");
    }
}
