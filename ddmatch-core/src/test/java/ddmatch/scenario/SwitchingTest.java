package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SwitchingTest {

    @Test
    void normalTailAndQuantileMatchTabulatedValues() {
        // Q(x) = 1 − Φ(x): Abramowitz & Stegun table 26.1.
        assertThat(Switching.upperTail(0.5)).isCloseTo(0.308537538726, within(1e-10));
        assertThat(Switching.upperTail(1.0)).isCloseTo(0.158655253931, within(1e-10));
        assertThat(Switching.upperTail(3.0)).isCloseTo(1.349898031630e-3, within(1e-12));
        // Φ⁻¹(0.975) = 1.959964, Φ⁻¹(0.995) = 2.575829, Φ⁻¹(1 − 5e-5) = 3.890592.
        assertThat(Switching.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Switching.normalQuantile(0.995)).isCloseTo(2.575829, within(1e-6));
        assertThat(Switching.normalQuantile(1 - 5e-5)).isCloseTo(3.890592, within(1e-6));
        // Bonferroni over 100 cells at family level 1%: Φ⁻¹(1 − 5e-5).
        assertThat(Switching.bonferroniBound(100, 0.01)).isCloseTo(3.890592, within(1e-6));
        assertThatThrownBy(() -> Switching.normalQuantile(0.4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zScoreIsThePooledTwoProportionStatistic() {
        Switching.Counts t = new Switching.Counts(new double[] {1}, new double[] {1}, 2, 100, new int[] {40, 0});
        Switching.Counts n = new Switching.Counts(new double[] {1}, new double[] {1}, 2, 100, new int[] {50, 0});
        double[] z = Switching.zScores(t, n);
        // p̄ = 0.45: z = 0.1/√(2·0.45·0.55/100) = 1.4213.
        assertThat(z[0]).isCloseTo(0.1 / Math.sqrt(2 * 0.45 * 0.55 / 100), within(1e-12)).isCloseTo(1.4213, within(1e-4));
        // Both never switch: z = 0, not NaN.
        assertThat(z[1]).isEqualTo(0.0);
        assertThat(t.fractionPerCell()).containsExactly(0.2);
    }

    @Test
    void aPushTowardsAWellSwitchesTheTargetOnlyWhenStrongAndLongEnough() {
        // Deterministic limit: the push A = 3 exceeds the largest restoring force of the angular barrier (h = 1) and
        // held for 2 time units carries every trial over; A = 0.5 for 0.5 time units (barrier ≈ 2h/K = 0.5 vs
        // noise D = σ²/2 = 0.08) almost never does.
        Switching.PushedWells w = Switching.target(4);
        Switching.Counts c = Switching.run(w, null, new double[] {0.5, 3.0}, new double[] {0.5, 2.0}, 100, 3);
        double[] f = c.fractionPerCell();
        assertThat(f[0]).isLessThan(0.05);
        assertThat(f[3]).isGreaterThan(0.97);
        // Same seed, same counts (trials run in parallel, each with its own seed).
        assertThat(Switching.run(w, null, new double[] {0.5, 3.0}, new double[] {0.5, 2.0}, 100, 3).successes()).containsExactly(c.successes());
    }
}
