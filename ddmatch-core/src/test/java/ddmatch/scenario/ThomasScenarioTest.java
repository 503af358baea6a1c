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
 * <p>The quick Thomas network's λmax (N = 400, averaged over the quick scenario's 150 time units) is a finite-time
 * estimate on a chaotic orbit, and the orbit depends on the last bits of every step: the same network (same W, U, b)
 * simulated with two tanh forms that differ only in rounding gave 0.421 and 0.448 at seed 1. Until 2026-12-06 the
 * target's λmax was averaged over the same 150 units, 0.416, itself 12% below its value over 1000 units (0.4745), so
 * the claim's misses at some seeds came from a short reference; the target side now averages over
 * {@link Chaotic#TARGET_LYAPUNOV_TIME}. Measured against that reference (±25% is [0.356, 0.593]) for seeds 1–8, with
 * each of the two Gram/LAPACK back ends (pure Java, native OpenBLAS: different last bits of W at the rounding floor)
 * and each of the two tanh forms (Horner, Estrin): Java/Horner 0.421–0.540, native/Horner 0.424–0.544, Java/Estrin
 * 0.362–0.546, native/Estrin 0.459–0.569 — 32 of 32 within the band, every other claim of the scenario holding too.
 * The table form of the tanh (JDK 25 on AVX-512 since session 13, 2026-12-06) passed the slow test as well — but on a
 * later machine (Zen 5, no native BLAS, JDK 25) the network's 150-unit estimate at seed 1 was 0.350, just outside the
 * band, while the same model's λmax over 1000 units (`ddmatch analyze`) was 0.4655 ± 0.014. So the network's λmax now
 * averages over the target's 1000 units as well (the spectra keep 150): seeds 1–8 then gave 0.420–0.523 (JDK 25) and
 * 0.452–0.508 (JDK 17), all within ±12% of the target's. At seed 1 across configurations (2026-12-06: JDK 17 and 25,
 * pure Java and native OpenBLAS, 512- and 256-bit vectors, scalar kernels): 0.459–0.495.
 * The fast test checks the claim at the default seed, the slow test over seeds 1–8 (median, and ≥ 6 of 8 as a margin
 * for the estimator's spread on other machines' back ends).
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
