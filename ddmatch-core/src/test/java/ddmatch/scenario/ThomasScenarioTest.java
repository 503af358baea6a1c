package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.solve.ProgressListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quick chaotic scenario's Thomas claims (the CI sizes N = 200, 400), in their own class to keep each class short. */
class ThomasScenarioTest {

    @Test
    @SuppressWarnings("unchecked")
    void thomasNetworkAtTheQuickSizesMatchesTheTargetsExponent() {
        ScenarioResult r = Scenario.CHAOTIC.run(new Plan(1, true, List.of("thomas"), List.of()), ProgressListener.NONE);
        Map<String, Object> sys = (Map<String, Object>) r.numbers().get("thomas");
        double target = (double) sys.get("lambdaMaxTarget");
        List<Map<String, Object>> sizes = (List<Map<String, Object>>) sys.get("sizes");
        // A strange attractor: the target's Kaplan–Yorke dimension lies between 2 and 3.
        assertThat((double) sys.get("kaplanYorkeTarget")).isBetween(2.0, 3.0);
        double top = (double) sizes.get(1).get("lambdaMaxNetwork");
        assertThat(top).isCloseTo(target, within(0.25 * target));
        assertThat(r.claims()).hasSize(2).allSatisfy(c -> assertThat(c.holds()).as(c.statement() + " = " + c.value()).isTrue());
    }
}
