package ddmatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FigureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(Figure f) throws Exception {
        return JSON.readTree(f.json());
    }

    @Test
    void numbersAreWrittenToSixSignificantDigits() throws Exception {
        JsonNode fig = parse(new Figure("f", "t", "x", "y").line("a", new double[] {Math.PI, -1e-7 / 3, 123456789.0, 0.0, -0.0, Double.NaN},
                new double[] {1, 2, 3, 4, 5, 6}, false));
        JsonNode x = fig.get("data").get(0).get("x");
        assertThat(x.get(0).asText()).isEqualTo("3.14159");
        assertThat(x.get(1).asDouble()).isEqualTo(-3.33333e-8);
        assertThat(x.get(2).asDouble()).isEqualTo(1.23457e8);
        assertThat(x.get(3).asDouble()).isZero();
        assertThat(x.get(4).asText()).isEqualTo("0");
        assertThat(x.get(5).isNull()).isTrue();
        assertThat(fig.toString()).doesNotContain("3.141592");
    }

    @Test
    void arrowsHaveHeadsAndEqualAxes() throws Exception {
        // One arrow (0, 0) → (1, 0): shaft, gap, head barb (0.7, 0.15) → tip (1, 0) → barb (0.7, −0.15), gap.
        JsonNode fig = parse(new Figure("f", "t", "x", "y").segments("field", new double[] {0, 1}, new double[] {0, 0}));
        JsonNode x = fig.get("data").get(0).get("x"), y = fig.get("data").get(0).get("y");
        assertThat(x.size()).isEqualTo(7);
        assertThat(new double[] {x.get(3).asDouble(), x.get(4).asDouble(), x.get(5).asDouble()}).containsExactly(0.7, 1.0, 0.7);
        assertThat(new double[] {y.get(3).asDouble(), y.get(4).asDouble(), y.get(5).asDouble()}).containsExactly(0.15, 0.0, -0.15);
        assertThat(x.get(2).isNull() && x.get(6).isNull()).isTrue();
        assertThat(fig.get("layout").get("yaxis").get("scaleanchor").asText()).isEqualTo("x");
    }

    @Test
    void aZeroArrowHasNoHead() throws Exception {
        JsonNode fig = parse(new Figure("f", "t", "x", "y").segments("field", new double[] {1, 1}, new double[] {2, 2}));
        assertThat(fig.get("data").get(0).get("x").size()).isEqualTo(3);
    }

    @Test
    void theReferenceTraceIsWiderOrOpenSoThatACurveOnTopLeavesItVisible() throws Exception {
        double[] v = {1, 2, 3};
        JsonNode fig = parse(new Figure("f", "t", "x", "y").scatter("target", v, v, false).asReference().scatter("network", v, v, false)
                .scatter("target samples", v, v, true).asReference());
        JsonNode d = fig.get("data");
        assertThat(d.get(0).get("line").get("width").asDouble()).isGreaterThan(2 * d.get(1).get("line").get("width").asDouble());
        assertThat(d.get(2).get("marker").get("symbol").asText()).isEqualTo("circle-open");
    }

    @Test
    void logAxesAreLabelledInPowersOfTenAndTicksCanSitAtTheSizes() throws Exception {
        double[] n = {250, 500, 1000};
        JsonNode layout = parse(new Figure("f", "t", "N", "err").lineMarkers("network", n, new double[] {1e-3, 3e-4, 1e-4}).logY().logX()
                .xTicks(n)).get("layout");
        assertThat(layout.get("yaxis").get("type").asText()).isEqualTo("log");
        assertThat(layout.get("yaxis").get("exponentformat").asText()).isEqualTo("power");
        // One decade of data: the ticks between decades are labelled in full; three decades: plotly's small digits.
        assertThat(layout.get("yaxis").get("minorloglabels").asText()).isEqualTo("complete");
        assertThat(parse(new Figure("f", "t", "N", "err").lineMarkers("a", n, new double[] {1e-1, 1e-2, 1e-4}).logY()).at("/layout/yaxis")
                .has("minorloglabels")).isFalse();
        assertThat(layout.get("xaxis").get("type").asText()).isEqualTo("log");
        assertThat(java.util.stream.StreamSupport.stream(layout.get("xaxis").get("tickvals").spliterator(), false).map(JsonNode::asDouble))
                .containsExactly(250.0, 500.0, 1000.0);
        assertThat(layout.get("xaxis").get("ticktext").toString()).isEqualTo("[\"250\",\"500\",\"1000\"]");
    }

    @Test
    void bandsAreFilledGuidesDashedAndErrorBarsGoOnTheLastTrace() throws Exception {
        JsonNode d = parse(new Figure("f", "t", "x", "y").band("allowed", new double[] {1, 2, 2, 1}, new double[] {0, 0, 1, 1})
                .lineMarkers("network", new double[] {1, 2}, new double[] {0.5, 0.6}).errorY(new double[] {0.1, Double.NaN})
                .guide("threshold", new double[] {1, 2}, new double[] {0.9, 0.9})).get("data");
        assertThat(d.get(0).get("fill").asText()).isEqualTo("toself");
        assertThat(d.get(0).get("fillcolor").asText()).isEqualTo("rgba(31,119,180,0.15)");
        assertThat(d.get(1).get("error_y").get("array").toString()).isEqualTo("[0.1,null]");
        assertThat(d.get(2).get("line").get("dash").asText()).isEqualTo("dash");
    }

    @Test
    void outlinedHistogramsHaveNoFillSoThatOverlapsMakeNoThirdColour() throws Exception {
        double[] v = {1, 2, 2, 3};
        JsonNode d = parse(new Figure("f", "t", "x", "y").outlineHistogram("a", v, 10).outlineHistogram("b", v, 10)).get("data");
        for (int i = 0; i < 2; i++) {
            assertThat(d.get(i).get("marker").get("color").asText()).isEqualTo("rgba(0,0,0,0)");
            assertThat(d.get(i).get("marker").get("line").get("color").asText()).isEqualTo(Figure.PALETTE[i]);
        }
    }
}
