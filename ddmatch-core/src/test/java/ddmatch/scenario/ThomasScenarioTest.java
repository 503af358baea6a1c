package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.solve.ProgressListener;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The quick chaotic scenario's Thomas claims (the CI sizes N = 200, 400), in their own class to keep each class short.
 *
 * <p>The quick Thomas network is fragile from seed to seed. Measured λmax at N = 400 (target, same estimator, 0.416)
 * for seeds 1–8 with the ridge fit of the tridiagonal form: pure-Java kernels 0.596, 0.493, 0.446, 0.529, 0.485, 0.477,
 * 0.499, 0.492 (6 of 8 within ±25%); native LAPACK 0.466, 0.536, 0.513, 0.468, 0.471, 0.474, 0.425, 0.461 (7 of 8).
 * GCV picks λ/scale ≈ 1e-16 … 1e-14 there, where the Java kernels' scores are rounding noise (at seed 1 they jump
 * 1.79e-5, 1.73e-5, 2.32e-5 over three adjacent grid points, the native ones are smooth to 1e-16), so the two kernels
 * choose different λ and different networks. A single seed therefore checks the claim only to ±50%; the ±25% claim
 * of the scenario is checked over seeds 1–8 (slow).
 */
class ThomasScenarioTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> thomas(ScenarioResult r) {
        return (Map<String, Object>) r.numbers().get("thomas");
    }

    @SuppressWarnings("unchecked")
    private static double lambdaMaxAt400(Map<String, Object> sys) {
        List<Map<String, Object>> sizes = (List<Map<String, Object>>) sys.get("sizes");
        return (double) sizes.get(1).get("lambdaMaxNetwork");
    }

    @Test
    void thomasNetworkAtTheQuickSizesIsChaoticNearTheTargetsExponent() {
        ScenarioResult r = Scenario.CHAOTIC.run(new Plan(1, true, List.of("thomas"), List.of()), ProgressListener.NONE);
        Map<String, Object> sys = thomas(r);
        double target = (double) sys.get("lambdaMaxTarget");
        // A strange attractor: the target's Kaplan–Yorke dimension lies between 2 and 3.
        assertThat((double) sys.get("kaplanYorkeTarget")).isBetween(2.0, 3.0);
        // ±50% for one seed: the measured per-seed spread above reaches +43% (see the class comment).
        assertThat(lambdaMaxAt400(sys)).isCloseTo(target, within(0.5 * target));
        assertThat(r.claims()).hasSize(2);
        Claim stsp = r.claims().get(1);
        assertThat(stsp.statement()).contains("D_stsp");
        assertThat(stsp.holds()).as(stsp.statement() + " = " + stsp.value()).isTrue();
    }

    /** About 1 min: the quick scenario for seeds 1–8. */
    @Test
    @Tag("slow")
    void thomasNetworkExponentMatchesTheTargetOverSeeds() {
        double[] top = new double[8];
        double target = Double.NaN;
        int within = 0;
        for (int seed = 1; seed <= 8; seed++) {
            ScenarioResult r = Scenario.CHAOTIC.run(new Plan(seed, true, List.of("thomas"), List.of()), ProgressListener.NONE);
            Map<String, Object> sys = thomas(r);
            target = (double) sys.get("lambdaMaxTarget");
            top[seed - 1] = lambdaMaxAt400(sys);
            within += Math.abs(top[seed - 1] - target) <= 0.25 * target ? 1 : 0;
        }
        double[] sorted = top.clone();
        Arrays.sort(sorted);
        double median = 0.5 * (sorted[3] + sorted[4]);
        assertThat(median).as(Arrays.toString(top)).isCloseTo(target, within(0.25 * target));
        assertThat(within).as(Arrays.toString(top)).isGreaterThanOrEqualTo(6);
    }
}
