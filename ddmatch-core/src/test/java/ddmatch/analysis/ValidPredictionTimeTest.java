package ddmatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.RungeKutta4;
import ddmatch.solve.Stepper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Valid prediction time against the growth law of a perfect model started δ away from the target: on a chaotic
 * attractor the error grows as δ·e^{λt} once it has aligned with the unstable direction, so the valid time is
 * ln(ε/δ)/λ less a constant, and a thousandfold smaller δ adds ln 1000 ≈ 6.9 Lyapunov times.
 */
class ValidPredictionTimeTest {
    static final double LORENZ_LAMBDA = 0.906;   // Wolf et al. 1985
    static final double DT = 0.01;

    /** 40 states on the Lorenz attractor, 2.5 time units apart, and σᵢ over 2000 time units. */
    static final class Attractor {
        final Sde lorenz = SystemCatalog.create("lorenz", Map.of());
        final double[] starts = new double[40 * 3];
        final double[] scale = new double[3];

        Attractor() {
            Stepper st = RungeKutta4.INSTANCE.stepper(lorenz);
            double[] z = lorenz.initialState();
            double[] none = new double[0];
            for (int k = 0; k < 5000; k++) st.step(0, DT, z, none);
            double[] sum = new double[3], sq = new double[3];
            int rows = 200_000;
            for (int k = 0; k < rows; k++) {
                st.step(0, DT, z, none);
                if (k % 250 == 0 && k / 250 < 40) System.arraycopy(z, 0, starts, 3 * (k / 250), 3);
                for (int i = 0; i < 3; i++) { sum[i] += z[i]; sq[i] += z[i] * z[i]; }
            }
            for (int i = 0; i < 3; i++) scale[i] = Math.sqrt(sq[i] / rows - (sum[i] / rows) * (sum[i] / rows));
        }

        /** The valid times of the target itself started δ·σᵢ away in every component (initial NRMSE δ). */
        ValidPredictionTime.Result twin(double delta, double horizon) {
            return ValidPredictionTime.of(lorenz, lorenz, z -> {
                double[] x = z.clone();
                for (int i = 0; i < 3; i++) x[i] += delta * scale[i];
                return x;
            }, (x, out) -> System.arraycopy(x, 0, out, 0, 3), starts, scale, DT, ValidPredictionTime.Config.of(horizon));
        }
    }

    @Test
    void aPerfectModelStartedDeltaAwayLosesTheForecastAfterLnEpsilonOverDeltaLyapunovTimes() {
        Attractor a = new Attractor();
        ValidPredictionTime.Result near = a.twin(1e-9, 100);
        ValidPredictionTime.Result far = a.twin(1e-6, 100);
        // Measured: 18.54 and 11.93 Lyapunov times (medians of 40 starts); ln(0.5/1e-9) = 20.03, difference 6.61 against
        // ln 1000 = 6.91. The alignment with the unstable direction costs the constant (1.5 Lyapunov times here).
        assertThat(near.median() * LORENZ_LAMBDA).isBetween(Math.log(0.5 / 1e-9) - 3, Math.log(0.5 / 1e-9));
        assertThat((near.median() - far.median()) * LORENZ_LAMBDA).isBetween(0.9 * Math.log(1000), 1.1 * Math.log(1000));
        assertThat(near.censored()).isZero();
        assertThat(near.lowerQuartile()).isLessThanOrEqualTo(near.median());
        assertThat(near.upperQuartile()).isGreaterThanOrEqualTo(near.median());
        assertThat(near.times()).hasSize(40);
    }

    @Test
    void forecastsStillValidAtTheHorizonAreCensoredThere() {
        Attractor a = new Attractor();
        ValidPredictionTime.Result exact = a.twin(0.0, 30);   // the same arithmetic on both sides: NRMSE stays 0
        assertThat(exact.censored()).isEqualTo(40);
        assertThat(exact.median()).isCloseTo(30.0, org.assertj.core.api.Assertions.within(1e-9));
        ValidPredictionTime.Result shortHorizon = a.twin(1e-9, 5);   // valid for ~20 time units: all cut at 5
        assertThat(shortHorizon.censored()).isEqualTo(40);
        for (double t : shortHorizon.times()) assertThat(t).isCloseTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aConstantDriftErrorInOneOfTwoComponentsEndsTheForecastAtEpsilonSigmaRootTwoOverItsSize() {
        // Target ż = 0, model ż = (v, 0): NRMSE(t) = √(½ (v t/σ₀)²) = v t/(σ₀√2), valid until ε σ₀ √2 / v.
        double v = 0.1, sigma0 = 2.0;
        FieldFlowPair p = new FieldFlowPair(v);
        ValidPredictionTime.Result r = ValidPredictionTime.of(p.target, p.model, z -> z.clone(),
                (x, out) -> System.arraycopy(x, 0, out, 0, 2), new double[] {1, 2, -3, 4}, new double[] {sigma0, 1.0}, 1e-3,
                ValidPredictionTime.Config.of(100));
        double expected = 0.5 * sigma0 * Math.sqrt(2) / v;   // 14.142…
        for (double time : r.times()) assertThat(time).isBetween(expected, expected + 1e-3 + 1e-9);
        assertThat(r.censored()).isZero();
    }

    /** ż = 0 and ż = (v, 0) as catalog-style flows. */
    static final class FieldFlowPair {
        final Sde target;
        final Sde model;

        FieldFlowPair(double v) {
            target = new ddmatch.sde.FieldFlow("still", Map.of(), new ddmatch.sde.FieldFlow.Fields(
                    (z, f) -> { f[0] = 0; f[1] = 0; }, (z, j) -> java.util.Arrays.fill(j, 0.0)), 0.0, new double[2], 0.01);
            model = new ddmatch.sde.FieldFlow("drifting", Map.of("v", v), new ddmatch.sde.FieldFlow.Fields(
                    (z, f) -> { f[0] = v; f[1] = 0; }, (z, j) -> java.util.Arrays.fill(j, 0.0)), 0.0, new double[2], 0.01);
        }
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Attractor a = new Attractor();
        assertThatThrownBy(() -> new ValidPredictionTime.Config(0, 10)).hasMessageContaining("threshold = 0.0");
        assertThatThrownBy(() -> new ValidPredictionTime.Config(0.5, Double.POSITIVE_INFINITY)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> ValidPredictionTime.of(a.lorenz, a.lorenz, z -> z, (x, o) -> {}, new double[4], a.scale, DT,
                ValidPredictionTime.Config.of(1))).hasMessageContaining("starts has length 4");
        assertThatThrownBy(() -> ValidPredictionTime.of(a.lorenz, a.lorenz, z -> z, (x, o) -> {}, a.starts, new double[] {1, 0, 1}, DT,
                ValidPredictionTime.Config.of(1))).hasMessageContaining("scale[1] = 0.0");
        assertThatThrownBy(() -> ValidPredictionTime.of(a.lorenz, a.lorenz, z -> z, (x, o) -> {}, a.starts, a.scale, -DT,
                ValidPredictionTime.Config.of(1))).hasMessageContaining("dt = -0.01");
    }
}
