package ddmatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.scenario.Plot;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgPlotTest {

    @Test
    void ticksAreNiceNumbersCoveringTheRange() {
        // Range 0..1: raw step 1/6 → 0.2; ticks 0, 0.2, ..., 1.
        List<Double> t = SvgPlot.ticks(0.0, 1.0, false);
        assertThat(t).hasSize(6);
        for (int i = 0; i < t.size(); i++) assertThat(t.get(i)).isCloseTo(0.2 * i, within(1e-12));
        // Range −3.7..12.1: raw 2.63 → step 2 (1, 2, 5 rule); first tick −2, last 12.
        List<Double> u = SvgPlot.ticks(-3.7, 12.1, false);
        assertThat(u.get(0)).isCloseTo(-2.0, within(1e-12));
        assertThat(u.get(u.size() - 1)).isCloseTo(12.0, within(1e-12));
        // A log axis in decades only; labels without trailing zeros.
        String svg = SvgPlot.render(new Plot("q", "q", "x", "y", false, List.of(Plot.Series.line("l", new double[] {0, 1}, new double[] {0, 1}))));
        assertThat(svg).contains(">0.2<").contains(">1<").doesNotContain("0.200000");
        assertThat(SvgPlot.ticks(-5.2, 0.3, true)).containsExactly(-5.0, -4.0, -3.0, -2.0, -1.0, 0.0);
    }

    @Test
    void histogramIsAProbabilityDensity() {
        double[] v = new double[10_000];
        for (int i = 0; i < v.length; i++) v[i] = Math.sin(0.37 * i);
        double[][] h = SvgPlot.histogram(v, 40);
        double width = h[0][1] - h[0][0];
        double integral = 0;
        for (double p : h[1]) integral += p * width;
        assertThat(integral).isCloseTo(1.0, within(1e-12));
        // sin of an equidistributed phase has the arcsine density 1/(π√(1 − x²)): ≈ 1/π = 0.318 at the centre.
        assertThat(h[1][20]).isCloseTo(1 / Math.PI, within(0.03));
    }

    @Test
    void everyStyleIsDrawnAndTextIsEscaped() {
        double[] x = {0, 1, 2, 3};
        double[] y = {1, 10, 100, 1000};
        Plot p = new Plot("p", "a < b & c", "x", "y", true, List.of(Plot.Series.line("line", x, y), Plot.Series.markers("m", x, y),
                Plot.Series.lineMarkers("lm", x, y), new Plot.Series("seg", Plot.Style.SEGMENTS, x, y)));
        String svg = SvgPlot.render(p);
        assertThat(svg).startsWith("<svg").contains("a &lt; b &amp; c").contains("<polyline").contains("<circle").contains("<path d=\"M");
        // Log axis: decade ticks 1 … 10³, written as powers of ten.
        assertThat(svg).contains(">10²<").contains(">10³<").doesNotContain(">1e");
        String hist = SvgPlot.render(new Plot("h", "h", "x", "density", false, List.of(Plot.Series.histogram("h", y))));
        assertThat(hist.split("<rect").length - 1).isEqualTo(2 + 1 + 40 + 1); // background, clip, frame, 40 bars, legend box
    }

    @Test
    void heatmapHasOneCellPerValueColouredOnViridis() {
        double[] z = {0.0, 0.5, 1.0, 0.25, 0.75, Double.NaN};
        Plot p = new Plot("hm", "hm", "D", "A", false, List.of(Plot.Series.heatmap("rate", new double[] {0.5, 1, 2}, new double[] {1, 2}, z)));
        String svg = SvgPlot.render(p);
        // background + 6 cells + 50 colour-bar steps.
        assertThat(svg.split("<rect").length - 1).isEqualTo(1 + 6 + 50);
        // Five finite cells are labelled; the NaN cell is grey and unlabelled.
        assertThat(svg).contains(">0.50<").contains(">0.75<").contains("#dddddd");
        // Viridis end points (#440154 at 0, #fde725 at 1) and its middle stop #21918c.
        assertThat(SvgPlot.viridis(0)).isEqualTo("#440154");
        assertThat(SvgPlot.viridis(0.5)).isEqualTo("#21918c");
        assertThat(SvgPlot.viridis(1)).isEqualTo("#fde725");
        // Rows × columns values are required, and a heatmap is its plot's only series.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Plot.Series.heatmap("bad", new double[] {1, 2}, new double[] {1}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Plot("two", "t", "x", "y", false,
                List.of(p.series().get(0), Plot.Series.line("l", new double[] {0}, new double[] {0})))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLogAxisSpanningLessThanTwoDecadesGetsTicksBetweenThemLabelledAsPowersOfTen() {
        // 5e-5 … 6e-4 (a drift error falling with N): one decade tick alone would not show the scale.
        List<Double> t = SvgPlot.ticks(Math.log10(5e-5), Math.log10(6e-4), true);
        assertThat(t).hasSize(4);
        assertThat(t.stream().map(v -> SvgPlot.label(v, true)).toList()).containsExactly("5×10⁻⁵", "10⁻⁴", "2×10⁻⁴", "5×10⁻⁴");
        // Within one decade with no 2 or 5 in it: every digit.
        assertThat(SvgPlot.ticks(Math.log10(300), Math.log10(450), true).stream().map(v -> SvgPlot.label(v, true)).toList())
                .containsExactly("3×10²", "4×10²");
        assertThat(SvgPlot.label(0, true)).isEqualTo("1");
        assertThat(SvgPlot.label(Math.log10(20), true)).isEqualTo("20");
    }

    @Test
    void aPlotAgainstNHasALogXAxisTickedAtTheSizesABandErrorBarsAndDashedGuides() {
        double[] n = {250, 500, 1000, 2000, 4000};
        double[] lam = {0.95, 0.93, 0.92, 0.915, 0.91};
        double[] se = {0.01, 0.01, 0.005, 0.005, 0.004};
        Plot p = new Plot("l", "λ vs N", "N", "λ", false, List.of(
                Plot.Series.band("allowed", new double[] {250, 4000}, new double[] {0.68, 0.68}, new double[] {1.14, 1.14}),
                Plot.Series.lineMarkers("network", n, lam, se),
                Plot.Series.guide("target", n, new double[] {0.91, 0.91, 0.91, 0.91, 0.91})), true);
        String svg = SvgPlot.render(p);
        // Ticks at the sizes, written as such; equal steps on the page for equal ratios.
        for (double v : n) assertThat(svg).contains(">" + (int) v + "<");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<circle cx=\"([0-9.]+)\"").matcher(svg);
        List<Double> cx = new java.util.ArrayList<>();
        while (m.find()) cx.add(Double.parseDouble(m.group(1)));
        assertThat(cx).hasSize(5);
        for (int i = 2; i < 5; i++) assertThat(cx.get(i) - cx.get(i - 1)).isCloseTo(cx.get(1) - cx.get(0), within(0.2));
        assertThat(svg).contains("<polygon").contains("fill-opacity=\"0.15\"").contains("stroke-dasharray");
        // One error bar (with caps) per point.
        assertThat(svg.split(" h8 M").length - 1).isEqualTo(5);
    }

    @Test
    void heatmapLabelsAreDarkOnLightCellsAndLightOnDarkOnes() {
        // Viridis' yellow end (1.00) and its light green: black text; its purple and blue: white.
        assertThat(SvgPlot.textOn(SvgPlot.viridis(1))).isEqualTo("#000");
        assertThat(SvgPlot.textOn(SvgPlot.viridis(0.8))).isEqualTo("#000");
        assertThat(SvgPlot.textOn(SvgPlot.viridis(0))).isEqualTo("#fff");
        assertThat(SvgPlot.textOn(SvgPlot.viridis(0.25))).isEqualTo("#fff");
        String svg = SvgPlot.render(new Plot("hm", "hm", "D", "A", false,
                List.of(Plot.Series.heatmap("rate", new double[] {1, 2}, new double[] {1}, new double[] {0.01, 1.0}))));
        assertThat(svg).contains("fill=\"#000\">1.00<").contains("fill=\"#fff\">0.01<");
    }
}
