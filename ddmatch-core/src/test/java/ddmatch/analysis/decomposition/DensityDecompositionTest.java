package ddmatch.analysis.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.sde.DoubleWell;
import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import ddmatch.sde.Sde;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.SaveAt;
import org.junit.jupiter.api.Test;

class DensityDecompositionTest {

    static double[] stationary(Sde sde, double duration, long seed) {
        double dt = sde.defaultTimeStep();
        Integrator in = new Integrator(EulerMaruyama.INSTANCE);
        GaussianIncrements noise = new GaussianIncrements(sde.noiseDimension(), seed);
        double[] x0 = in.run(sde, sde.initialState(), 0, dt, 1000, noise, new SaveAt(1, false), (t, x) -> { });
        return in.solve(sde, x0, 0, dt, Math.round(duration / dt), noise, new SaveAt(1, false),
                Observable.identity(sde.dimension())).values();
    }

    static DensityDecomposition.Result ou(double theta, long seed) {
        RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(theta, 1.0);
        double[] z = stationary(ou, 10000, seed);
        return DensityDecomposition.of(z, 2, (x, out) -> ou.drift(0, x, out), ou.diffusionMatrix(),
                DensityDecomposition.Config.defaults());
    }

    @Test
    void rotatingOuHasEntropyProductionThetaSquaredAndTheExactIrreversibleDrift() {
        double theta = 2;
        DensityDecomposition.Result r = ou(theta, 41);
        assertThat(r.entropyProduction()).isCloseTo(theta * theta, within(0.15 * theta * theta));
        // f_irr = θ(z₂, −z₁) exactly; compare where the density is well sampled (≥ 0.1 of its maximum).
        double pmax = 0;
        for (double p : r.density()) pmax = Math.max(pmax, p);
        double[] c = new double[2], irr = r.irreversible(), p = r.density();
        double num = 0, den = 0;
        for (int cell = 0; cell < r.cells(); cell++) {
            if (p[cell] < 0.1 * pmax) continue;
            r.center(cell, c);
            double e0 = irr[2 * cell] - theta * c[1], e1 = irr[2 * cell + 1] + theta * c[0];
            num += p[cell] * (e0 * e0 + e1 * e1);
            den += p[cell] * theta * theta * (c[0] * c[0] + c[1] * c[1]);
        }
        assertThat(Math.sqrt(num / den)).isLessThan(0.1);
    }

    @Test
    void reversibleOuHasNoEntropyProduction() {
        assertThat(ou(0, 42).entropyProduction()).isLessThan(0.1);
    }

    @Test
    void oneDimensionalDoubleWellHasNoEntropyProduction() {
        // The bandwidth is in units of the global standard deviation (≈ 1 here), so it must be chosen below the well
        // width √(D/V''(1)) ≈ 0.35; the default 0.25 smooths the wells and gives a spurious Φ ≈ 0.30 (measured).
        DoubleWell dw = new DoubleWell(0.7);
        double[] z = stationary(dw, 10000, 43);
        DensityDecomposition.Result r = DensityDecomposition.of(z, 1, (x, out) -> dw.drift(0, x, out),
                new double[] {0.5 * 0.7 * 0.7}, new DensityDecomposition.Config(100, 0.5, 0.08));
        assertThat(r.entropyProduction()).isLessThan(0.05);
    }
}
