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
 * <p>The quick Thomas network is fragile from seed to seed, and even between the Java and the native kernels at the same
 * λ. Measured λmax at N = 400 (target, same estimator, 0.416; ±25% is [0.312, 0.520]) for seeds 1–8, with λ at the
 * rounding floor (λ/scale = 1e-11 at N = 400, the same grid point and the same held-out drift error on both kernels,
 * 7e-4 … 1.2e-3): pure-Java kernels 0.419, 0.466, 0.471, 0.522, 0.522, 0.401, 0.446, 0.463 (6 of 8 within ±25%, median
 * 0.465); native LAPACK 0.454, 0.504, 0.469, 0.430, 0.486, 0.409, 0.480, 0.521 (7 of 8, median 0.475). The misses are
 * by 0.5% or less of the target beyond the band; the kernel-to-kernel difference at one seed (up to 0.09) comes from the
 * last bits of W, which at the floor are determined only to κ·u, amplified by the chaotic network. At the scenario's
 * default seed 1 the claim holds on both kernels (+0.8% and +9%), so the fast test checks the scenario's ±25% claim
 * there; the slow test checks it over seeds 1–8 (median and ≥ 6 of 8).
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
        // The scenario's claims at its default seed: λmax within ±25% of the target's and D_stsp (see the class comment).
        assertThat(lambdaMaxAt400(sys)).isCloseTo(target, within(0.25 * target));
        assertThat(r.claims()).hasSize(3).allSatisfy(c -> assertThat(c.holds()).as(c.statement() + " = " + c.value()).isTrue());
        assertThat(r.claims().get(1).statement()).contains("D_stsp");
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
