package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.solve.Trajectory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jump statistics of {@link Episodic#stats} on hand-made well sequences. */
class EpisodicStatsTest {

    /** A run sitting 10 samples in each well of {@code wells} in turn, at the well centres of the γ = 0.5 target. */
    private static Trajectory visiting(int... wells) {
        double[] c = Episodic.centres(Episodic.target(0.5));
        double[] v = new double[wells.length * 10 * 2];
        for (int k = 0, r = 0; k < wells.length; k++) {
            for (int i = 0; i < 10; i++, r++) {
                v[2 * r] = c[2 * wells[k]];
                v[2 * r + 1] = c[2 * wells[k] + 1];
            }
        }
        return new Trajectory(0, 0.05, 2, v);
    }

    @Test
    void everyJumpForwardIsNotEstimableRatherThanZero() {
        Map<String, Object> s = Episodic.stats(visiting(0, 1, 2, 0, 1, 2, 0, 1, 2, 0), Episodic.centres(Episodic.target(0.5)));
        assertThat(s.get("jumps")).isEqualTo(9L);
        assertThat((double) s.get("cyclicFraction")).isEqualTo(1.0);
        // The estimator would drop every pair and report 0, the value of a reversible run.
        assertThat((double) s.get("eprCoarseGrained")).isNaN();
        assertThat(s.get("everyJumpOneWay")).isEqualTo(true);
        assertThat(Episodic.eprCell(s)).isEqualTo("n/a (all forward)");
        assertThat(Episodic.affinityCell(s)).isEqualTo("∞ (all forward)");
    }

    @Test
    void oneReversedJumpMakesItEstimable() {
        Map<String, Object> s = Episodic.stats(visiting(0, 1, 2, 0, 1, 0, 1, 2, 0), Episodic.centres(Episodic.target(0.5)));
        assertThat(s.get("everyJumpOneWay")).isEqualTo(false);
        assertThat((double) s.get("eprCoarseGrained")).isPositive().isFinite();
        assertThat(Episodic.eprCell(s)).doesNotContain("n/a");
    }

    @Test
    void aRunWithoutJumpsKeepsZero() {
        Map<String, Object> s = Episodic.stats(visiting(1, 1), Episodic.centres(Episodic.target(0.5)));
        assertThat(s.get("jumps")).isEqualTo(0L);
        assertThat(s.get("everyJumpOneWay")).isEqualTo(false);
        assertThat((double) s.get("eprCoarseGrained")).isZero();
    }

    @Test
    void angleCurvesBreakWhereTheyCrossPlusMinusPi() {
        double[] a = {2.0, 3.0, -3.0, -2.0, -2.5, 0.1};
        Episodic.breakAtWraps(a);
        // 3 → −3 wraps round (|Δ| = 6 > π): a gap instead of a vertical line; the rest are ordinary moves.
        assertThat(a).containsExactly(2.0, 3.0, Double.NaN, -2.0, -2.5, 0.1);
    }
}
