package ddmatch.analysis.metastability;

import ddmatch.sde.DoubleWell;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.SaveAt;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetastabilityTest {
    static final DoubleUnaryOperator QUARTIC = z -> z * z * z * z / 4 - z * z / 2;

    private static Transitions.Result doubleWellResidences(double sigma, double time, long seed) {
        DoubleWell dw = new DoubleWell(sigma);
        double dt = 0.01;
        double[] x = new Integrator(EulerMaruyama.INSTANCE).solve(dw, dw.initialState(), 0, dt, Math.round(time / dt),
                new GaussianIncrements(1, seed), SaveAt.everyStep(), Observable.identity(1)).values();
        // cores of radius 0.5 around ±1: the two-threshold rule at ±0.5
        int[] s = CoreSets.assign(x, 1, new double[] {-1, 1}, 0.5);
        return Transitions.of(s, 2, dt);
    }

    @Test
    void kramersFindsTheDoubleWellExtremaAndTheClosedForm() {
        Kramers.Result k = Kramers.of(QUARTIC, -2, 2, 0.5, 2001);
        assertThat(k.minima()).containsExactly(new double[] {-1, 1}, within(1e-7));
        assertThat(k.maxima()).containsExactly(new double[] {0}, within(1e-7));
        double closed = 2 * Math.PI / Math.sqrt(2) * Math.exp(2.0);  // 32.83
        assertThat(k.residenceTimes()[0]).isCloseTo(closed, within(1e-5 * closed));
        assertThat(k.residenceTimes()[1]).isCloseTo(new DoubleWell(0.5).kramersResidenceTime(), within(1e-5 * closed));
    }

    @Test
    void exactMeanFirstPassageTimeMatchesIndependentQuadrature() {
        // Reference values from an independent adaptive quadrature of the same double integral (SciPy quad):
        // σ = 0.5: 31.6828; σ = 0.7: 9.5534 (from −0.5 to 0.5, reflecting at −∞ ≈ −3).
        assertThat(Kramers.meanFirstPassageTime(QUARTIC, -3, -0.5, 0.5, 0.5, 20_000)).isCloseTo(31.6828, within(1e-3));
        assertThat(Kramers.meanFirstPassageTime(QUARTIC, -3, -0.5, 0.5, 0.7, 20_000)).isCloseTo(9.5534, within(1e-3));
    }

    @Test
    void doubleWellMeanResidenceMatchesKramersAtSigmaHalf() {
        Transitions.Result r = doubleWellResidences(0.5, 40_000, 7);
        double kramers = Kramers.of(QUARTIC, -2, 2, 0.5, 2001).residenceTimes()[0];
        double exact = Kramers.meanFirstPassageTime(QUARTIC, -3, -0.5, 0.5, 0.5, 20_000);
        double mean = r.meanResidenceTime(), se = r.meanResidenceTimeStandardError();
        assertThat(r.jumps()).isGreaterThan(1000);
        assertThat(mean).isCloseTo(kramers, within(0.10 * kramers));
        assertThat(mean).isCloseTo(exact, within(4 * se + 0.02 * exact)); // 2%: Euler–Maruyama bias at dt = 0.01
        // both wells alike, and the two-state jump chain alternates
        assertThat(r.meanResidenceTime(0)).isCloseTo(r.meanResidenceTime(1), within(0.15 * mean));
        assertThat(r.transitionMatrix()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void atSigmaPointSevenKramersOverestimatesTheResidenceTime() {
        // Barrier 2ΔV/σ² ≈ 1: the small-noise formula (12.33) is no longer accurate; the exact mean first-passage time
        // between the cores is 9.55, 22.5 % lower. The simulation must see the same sign and size.
        Transitions.Result r = doubleWellResidences(0.7, 12_000, 8);
        double kramers = Kramers.of(QUARTIC, -2, 2, 0.7, 2001).residenceTimes()[0];
        double exact = Kramers.meanFirstPassageTime(QUARTIC, -3, -0.5, 0.5, 0.7, 20_000);
        double mean = r.meanResidenceTime(), se = r.meanResidenceTimeStandardError();
        assertThat(mean).isCloseTo(exact, within(4 * se + 0.02 * exact));
        assertThat((kramers - mean) / kramers).isBetween(0.10, 0.30); // measured 0.18 (10.08 vs 12.33)
    }

    @Test
    void threeStateRingGivesExactCyclicFractionAndAffinity() {
        // Jump chain P = [[0, .8, .2], [.2, 0, .8], [.8, .2, 0]]; geometric holding (stay with prob. 0.9 per step).
        double[] p = {0, .8, .2, .2, 0, .8, .8, .2, 0};
        SplittableRandom rng = new SplittableRandom(5);
        int n = 400_000;
        int[] s = new int[n];
        int state = 0;
        for (int i = 0; i < n; i++) {
            s[i] = state;
            if (rng.nextDouble() >= 0.9) {
                double u = rng.nextDouble();
                double p0 = p[state * 3], p1 = p[state * 3 + 1];
                state = u < p0 ? 0 : (u < p0 + p1 ? 1 : 2);
            }
        }
        Transitions.Result r = Transitions.of(s, 3, 1.0);
        long jumps = r.jumps();
        // stationary distribution uniform: forward fraction 0.8 exactly; affinity 3 log 4.
        double fracSe = Math.sqrt(0.8 * 0.2 / jumps);
        assertThat(r.cyclicFraction()).isCloseTo(0.8, within(4 * fracSe));
        double perRow = jumps / 3.0;
        double affSe = Math.sqrt(3 * ((0.2 / (0.8 * perRow)) + (0.8 / (0.2 * perRow))));
        assertThat(r.cycleAffinity()).isCloseTo(3 * Math.log(4), within(4 * affSe));
        // holding time 1/(1 − 0.9) = 10 steps
        assertThat(r.meanResidenceTime()).isCloseTo(10.0, within(4 * r.meanResidenceTimeStandardError()));
    }

    @Test
    void transitionsOfAKnownSequence() {
        int[] s = {-1, -1, 0, 0, 1, 1, 1, 2, 0, 0, 0, 1};
        Transitions.Result r = Transitions.of(s, 3, 0.5);
        assertThat(r.count(0, 1)).isEqualTo(2);
        assertThat(r.count(1, 2)).isEqualTo(1);
        assertThat(r.count(2, 0)).isEqualTo(1);
        assertThat(r.jumps()).isEqualTo(4);
        // complete residences: state 1 for 3 samples, state 2 for 1, state 0 for 3
        assertThat(r.residenceTimes()[1]).containsExactly(1.5);
        assertThat(r.residenceTimes()[2]).containsExactly(0.5);
        assertThat(r.residenceTimes()[0]).containsExactly(1.5);
        assertThat(r.cyclicFraction()).isEqualTo(1.0);
        assertThat(r.cycleAffinity()).isInfinite();
        assertThatThrownBy(() -> Transitions.of(new int[] {0, -1}, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coreSetsKeepTheLastCoreAndKMeansFindsTheCentres() {
        double[] x = {0, 0, 0.1, 0, 2.5, 0, 4, 0.1, 2.5, 0, 0.2, 0.1, 4.5, 0};
        int[] s = CoreSets.assign(x, 2, new double[] {0, 0, 4, 0}, 1.0);
        assertThat(s).containsExactly(0, 0, 0, 1, 1, 0, 1);
        // two blobs at (0,0) and (4,0)
        SplittableRandom rng = new SplittableRandom(2);
        double[] y = new double[2 * 2000];
        for (int i = 0; i < 2000; i++) {
            y[2 * i] = (i % 2 == 0 ? 0 : 4) + 0.2 * (rng.nextDouble() - 0.5);
            y[2 * i + 1] = 0.2 * (rng.nextDouble() - 0.5);
        }
        CoreSets.Assignment a = CoreSets.fromKMeans(y, 2, 2, 0.5, 3);
        double[] c = a.centres();
        double lowX = Math.min(c[0], c[2]), highX = Math.max(c[0], c[2]);
        assertThat(lowX).isCloseTo(0, within(0.02));
        assertThat(highX).isCloseTo(4, within(0.02));
        assertThat(a.radius()).isCloseTo(1.0, within(0.02));
        assertThatThrownBy(() -> CoreSets.assign(x, 2, new double[] {0, 0, 1, 0}, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
