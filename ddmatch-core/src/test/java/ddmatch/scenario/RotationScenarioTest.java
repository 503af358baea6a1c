package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.solve.ProgressListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotationScenarioTest {

    @Test
    @SuppressWarnings("unchecked")
    void networkEntropyProductionFollowsThetaSquaredAndTheLimitCycleMatchesItsTarget() {
        ScenarioResult r = Scenario.OU_LIMIT_CYCLE.run(Plan.of(1, true), ProgressListener.NONE);
        List<Map<String, Object>> ou = (List<Map<String, Object>>) ((Map<String, Object>) r.numbers().get("ou")).get("runs");
        for (Map<String, Object> run : ou) {
            double theta = (double) run.get("theta");
            double phi = (double) run.get("eprNetwork");
            // Φ = θ² exactly (DESIGN §1.6); the network's linear-fit estimate within ±15% (+0.05 for estimator noise).
            assertThat(phi).as("θ = %s", theta).isCloseTo(theta * theta, within(0.15 * theta * theta + 0.05));
            // Circulation Q = BS − D: Q₁₂ = −θ/2.
            assertThat((double) run.get("circulationQ12Exact")).isCloseTo(-theta / 2, within(1e-12));
            assertThat((double) run.get("circulationQ12Network")).isCloseTo(-theta / 2, within(0.1 * theta + 0.03));
        }
        List<Map<String, Object>> sl = (List<Map<String, Object>>) ((Map<String, Object>) r.numbers().get("stuartLandau")).get("runs");
        for (Map<String, Object> run : sl) {
            double omega = (double) run.get("omega");
            if (omega >= 1) {
                // The density estimate of the target against the exact ω²⟨r²⟩/D (±15%), and the network against the target.
                assertThat((double) run.get("eprTargetDensity")).isCloseTo((double) run.get("eprExact"),
                        within(0.15 * (double) run.get("eprExact")));
                assertThat((double) run.get("eprNetworkDensity")).isCloseTo((double) run.get("eprTargetDensity"),
                        within(0.15 * (double) run.get("eprTargetDensity")));
            }
        }
        assertThat(r.allClaimsHold()).as(r.claims().toString()).isTrue();
        assertThat(r.plots().stream().filter(p -> p.series().get(0).style() == Plot.Style.SEGMENTS)).hasSize(3);
    }
}
