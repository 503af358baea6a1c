package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.solve.ProgressListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaoticScenarioTest {

    @Test
    @SuppressWarnings("unchecked")
    void lorenzNetworkReproducesLambdaMaxAndStaysNearTheNoiseFloor() {
        ScenarioResult r = Scenario.CHAOTIC.run(new Plan(1, true, List.of("lorenz"), List.of()), ProgressListener.NONE);
        Map<String, Object> lorenz = (Map<String, Object>) r.numbers().get("lorenz");
        // The target's own λmax against Wolf et al. (1985), 0.906 (short quick run: ±10%).
        assertThat((double) lorenz.get("lambdaMaxTarget")).isCloseTo(0.906, within(0.09));
        // Kaplan–Yorke dimension of Lorenz ≈ 2.06 (e.g. Sprott, Chaos and Time-Series Analysis, 2003).
        assertThat((double) lorenz.get("kaplanYorkeTarget")).isCloseTo(2.06, within(0.05));
        List<Map<String, Object>> sizes = (List<Map<String, Object>>) lorenz.get("sizes");
        // The quick sizes N = 200, 400: the drift error falls with N.
        assertThat(sizes).extracting(m -> m.get("neurons")).containsExactly(200, 400);
        double err200 = (double) sizes.get(0).get("driftErrorMean");
        double err400 = (double) sizes.get(1).get("driftErrorMean");
        assertThat(err400).isLessThan(err200).isLessThan(2e-3);
        // The network's own flow on its manifold has Lorenz's dimension (measured 2.063 at N = 400); the full network's
        // leading d + 1 exponents include a transverse one near −1/τ and give ≈ 2.9 instead (ManifoldFlowTest).
        assertThat((double) sizes.get(1).get("kaplanYorkeOnManifold")).isCloseTo(2.06, within(0.05));
        assertThat((double) sizes.get(1).get("kaplanYorkeNetwork")).isGreaterThan(2.5);
        // Every claim at N = 400 (λmax ±25% of the target's, D_stsp ≤ 3× the noise floor, Kaplan–Yorke dimension on the
        // manifold ±0.05) holds.
        assertThat(r.claims()).hasSize(3).allSatisfy(c -> assertThat(c.holds()).as(c.statement() + " = " + c.value()).isTrue());
        assertThat(r.plots()).hasSize(4);
        assertThat(r.tables().get(0).rows()).hasSize(2);
    }
}
