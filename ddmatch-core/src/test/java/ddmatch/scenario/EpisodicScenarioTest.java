package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.solve.ProgressListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpisodicScenarioTest {

    @Test
    @SuppressWarnings("unchecked")
    void theIrreversibleConnectivityCarriesTheOrderOfTheMemories() {
        ScenarioResult r = Scenario.EPISODIC.run(Plan.of(1, true), ProgressListener.NONE);
        Map<String, Object> ab = (Map<String, Object>) r.numbers().get("alphaAblation");
        List<Map<String, Object>> runs = (List<Map<String, Object>>) ab.get("runs");
        Map<String, Object> a0 = (Map<String, Object>) runs.get(0).get("network");
        Map<String, Object> a1 = (Map<String, Object>) runs.get(runs.size() - 1).get("network");
        Map<String, Object> target = (Map<String, Object>) ab.get("target");
        // α = 0: order at chance (1/2 for K = 3), entropy production ≈ 0 while the wells still exchange.
        assertThat((double) a0.get("cyclicFraction")).isCloseTo(0.5, within(0.1));
        assertThat(((Number) a0.get("jumps")).longValue()).isGreaterThan(10);
        assertThat((double) a0.get("eprCoarseGrained")).isLessThan(0.1 * (double) target.get("eprCoarseGrained"));
        // α = 1: the order and the rate of the target (±20% at the quick size).
        assertThat((double) a1.get("cyclicFraction")).isGreaterThan(0.7)
                .isCloseTo((double) target.get("cyclicFraction"), within(0.2 * (double) target.get("cyclicFraction")));
        assertThat((double) a1.get("transitionRate")).isCloseTo((double) target.get("transitionRate"),
                within(0.2 * (double) target.get("transitionRate")));
        // Every J_α keeps the low-rank form U(·): on the manifold to rounding.
        for (Map<String, Object> run : runs) assertThat((double) run.get("maxManifoldDistance")).isLessThan(1e-10);
        // The γ sweep: the network follows the target's cyclic fraction, within 3 binomial standard errors of the
        // difference of two fractions (worst case p = 1/2) — a few tens of jumps per run at the quick size.
        List<Map<String, Object>> sweep = (List<Map<String, Object>>) r.numbers().get("gammaSweep");
        for (Map<String, Object> g : sweep) {
            Map<String, Object> t = (Map<String, Object>) g.get("target");
            Map<String, Object> n = (Map<String, Object>) g.get("network");
            double jt = ((Number) t.get("jumps")).doubleValue(), jn = ((Number) n.get("jumps")).doubleValue();
            double tol = 3 * 0.5 * Math.sqrt(1 / jt + 1 / jn);
            assertThat((double) n.get("cyclicFraction")).as("γ = %s", g.get("gamma"))
                    .isCloseTo((double) t.get("cyclicFraction"), within(tol));
        }
        assertThat(r.allClaimsHold()).as(r.claims().toString()).isTrue();
    }
}
