package ddmatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ddmatch.scenario.Claim;
import ddmatch.scenario.Plot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReportTest {

    @Test
    void oneSidedBoundsAreWrittenAsInequalities() {
        assertThat(ScenarioReport.allowed(Claim.atMost("s", 1, 3.331, "b"))).isEqualTo("≤ 3.331");
        assertThat(ScenarioReport.allowed(Claim.atLeast("s", 1, 0.7, "b"))).isEqualTo("≥ 0.7000");
        assertThat(ScenarioReport.allowed(Claim.atMost("s", 0, 1e-12, "b"))).isEqualTo("≤ 1.000e-12");
        assertThat(ScenarioReport.allowed(new Claim("s", 1, 0.6828, 1.138, "b"))).isEqualTo("[0.6828, 1.138]");
    }

    @Test
    void aLogXPlotWithErrorBarsAndABandSurvivesResultsJsonAndIsDrawnSo() throws Exception {
        double[] n = {200, 400};
        Plot p = new Plot("l", "t", "N", "λ", false, List.of(Plot.Series.band("allowed", n, new double[] {0.68, 0.68}, new double[] {1.14, 1.14}),
                Plot.Series.lineMarkers("network", n, new double[] {0.92, 0.93}, new double[] {0.01, 0.02})), true);
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Plot back = json.readValue(json.writeValueAsString(p), Plot.class);
        assertThat(back.logX()).isTrue();
        assertThat(back.series().get(1).yError()).containsExactly(0.01, 0.02);
        assertThat(back.series().get(0).style()).isEqualTo(Plot.Style.BAND);
        // A plot written before log x axes and error bars existed still reads: linear x, no error bars.
        Plot old = json.readValue("{\"id\":\"o\",\"title\":\"t\",\"xLabel\":\"x\",\"yLabel\":\"y\",\"logY\":false,"
                + "\"series\":[{\"name\":\"l\",\"style\":\"LINE\",\"x\":[0,1],\"y\":[1,2]}]}", Plot.class);
        assertThat(old.logX()).isFalse();
        assertThat(old.series().get(0).yError()).isEmpty();

        JsonNode fig = json.readTree(ScenarioReport.figure(back).json());
        assertThat(fig.at("/layout/xaxis/type").asText()).isEqualTo("log");
        assertThat(java.util.stream.StreamSupport.stream(fig.at("/layout/xaxis/tickvals").spliterator(), false).map(JsonNode::asDouble))
                .containsExactly(200.0, 400.0);
        assertThat(fig.at("/data/0/fill").asText()).isEqualTo("toself");
        assertThat(fig.at("/data/1/error_y/array").toString()).isEqualTo("[0.01,0.02]");
    }
}
