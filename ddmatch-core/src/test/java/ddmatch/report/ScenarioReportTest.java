package ddmatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.scenario.Claim;
import org.junit.jupiter.api.Test;

class ScenarioReportTest {

    @Test
    void oneSidedBoundsAreWrittenAsInequalities() {
        assertThat(ScenarioReport.allowed(Claim.atMost("s", 1, 3.331, "b"))).isEqualTo("≤ 3.331");
        assertThat(ScenarioReport.allowed(Claim.atLeast("s", 1, 0.7, "b"))).isEqualTo("≥ 0.7000");
        assertThat(ScenarioReport.allowed(Claim.atMost("s", 0, 1e-12, "b"))).isEqualTo("≤ 1.000e-12");
        assertThat(ScenarioReport.allowed(new Claim("s", 1, 0.6828, 1.138, "b"))).isEqualTo("[0.6828, 1.138]");
    }
}
