package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.solve.ProgressListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecompositionScenarioTest {

    @Test
    @SuppressWarnings("unchecked")
    void latentCouplingSeesTheRotationThatTheConnectivityAsymmetryDoesNot() {
        ScenarioResult r = Scenario.DECOMPOSITION.run(Plan.of(1, true), ProgressListener.NONE);
        List<Map<String, Object>> systems = (List<Map<String, Object>>) r.numbers().get("systems");
        Map<String, Map<String, Object>> by = new java.util.HashMap<>();
        for (Map<String, Object> s : systems) by.put((String) s.get("system"), s);
        // Linear rotating OU: L = B-like coupling; its antisymmetric fraction ‖A‖/‖L‖ with L ∝ τ(−B) + I.
        assertThat((double) by.get("rotating OU θ = 0 (reversible)").get("couplingAsymmetryIndex")).isLessThan(0.05);
        assertThat((double) by.get("rotating OU θ = 2").get("couplingAsymmetryIndex")).isGreaterThan(0.5);
        // ‖J_A‖/‖J‖ sits at its null for every target (DESIGN §1.6).
        for (Map<String, Object> s : systems) {
            assertThat((double) s.get("antisymmetricFraction")).isCloseTo((double) s.get("nullAntisymmetricFraction"), within(0.02));
            assertThat((boolean) s.get("symmetricPartLeavesManifold")).isTrue();
        }
        // OU θ = 2, D = I: EPR θ² = 4 with J_irr, ≈ 0 without.
        assertThat((double) by.get("rotating OU θ = 2").get("eprAlpha1")).isCloseTo(4.0, within(1.0));
        assertThat((double) by.get("rotating OU θ = 2").get("eprAlpha0")).isLessThan(0.1);
        assertThat(r.allClaimsHold()).as(r.claims().toString()).isTrue();
    }
}
