package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.solve.ProgressListener;
import org.junit.jupiter.api.Test;

class MemoryScenarioTest {

    @Test
    void networkRecallsWhereTheTargetDoesAndHopfieldCapacityIsBounded() {
        ScenarioResult r = Scenario.MEMORY.run(Plan.of(1, true), ProgressListener.NONE);
        double[] net = (double[]) r.numbers().get("recallNetwork");
        double[] target = (double[]) r.numbers().get("recallTarget");
        for (int i = 0; i < net.length; i++) assertThat(net[i]).isCloseTo(target[i], within(0.15));
        assertThat(net[0]).isEqualTo(1.0);
        // Hopfield capacity α_c ≈ 0.138 (Amit, Gutfreund, Sompolinsky 1985): near-perfect retrieval at 0.05, lost at 0.3.
        double[] retrieved = (double[]) r.numbers().get("hopfieldRetrieved");
        assertThat(retrieved[1]).isGreaterThan(0.9);
        assertThat(retrieved[retrieved.length - 1]).isLessThan(0.5);
        assertThat(r.allClaimsHold()).as(r.claims().toString()).isTrue();
    }
}
