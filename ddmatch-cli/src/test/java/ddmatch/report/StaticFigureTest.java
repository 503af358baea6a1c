package ddmatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The static twin of a {@link Figure} ({@link Figure#chart}, drawn by {@link SvgPlot}): every trace kind lands where the
 * axes put it, in pixels. The default size is 680 × 420 with the plot area at x 72 … 660 and y 44 … 368 (588 × 324);
 * automatic ranges are the data's, padded by 5% on each side.
 */
class StaticFigureTest {
    private static final double LEFT = 72, TOP = 44, PW = 588, PH = 324;

    private static String svg(Figure f) {
        return SvgPlot.render(f.chart());
    }

    /** The points of every polyline, in order: one double[2] per point. */
    private static List<List<double[]>> polylines(String svg) {
        List<List<double[]>> out = new ArrayList<>();
        Matcher m = Pattern.compile("<polyline [^>]*points=\"([^\"]*)\"").matcher(svg);
        while (m.find()) {
            List<double[]> pts = new ArrayList<>();
            for (String p : m.group(1).split(" ")) {
                String[] xy = p.split(",");
                pts.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
            }
            out.add(pts);
        }
        return out;
    }

    private static List<double[]> numbers(String svg, String regex) {
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(svg);
        while (m.find()) {
            double[] v = new double[m.groupCount()];
            for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(m.group(i + 1));
            out.add(v);
        }
        return out;
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aLineTraceIsOnePolylineWhosePointsSitAtTheirPixelsOfThePaddedRange() {
        double[] x = new double[11], y = new double[11];
        for (int i = 0; i <= 10; i++) {
            x[i] = i;
            y[i] = i * i;
        }
        String svg = svg(new Figure("f", "squares", "x", "y").scatter("x²", x, y, false));
        List<List<double[]>> lines = polylines(svg);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).hasSize(11);
        // x 0 … 10 padded to −0.5 … 10.5, y 0 … 100 to −5 … 105.
        for (int i = 0; i <= 10; i++) {
            double[] p = lines.get(0).get(i);
            assertThat(p[0]).isCloseTo(LEFT + (x[i] + 0.5) / 11 * PW, within(0.051));
            assertThat(p[1]).isCloseTo(TOP + PH - (y[i] + 5) / 110 * PH, within(0.051));
        }
        // Ticks every 2 in x (10/6 → step 2) and 20 in y, as plotly would place them.
        assertThat(svg).contains(">10<").contains(">100<").contains(">x²<");
    }

    @Test
    void aGapBreaksTheLineAndAnEmptyTraceDrawsNothing() {
        String svg = svg(new Figure("f", "t", "x", "y").scatter("a", new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, Double.NaN, 3, 4}, false)
                .scatter("none", new double[0], new double[0], false));
        assertThat(polylines(svg)).extracting(List::size).containsExactly(2, 2);
    }

    @Test
    void anOutlinedHistogramHasOneOpenBarPerNonEmptyBinWithHeightsInProportionToTheDensity() {
        // Range 0 … 3 in 4 bins of 0.75: counts 1, 2, 3, 4 of 10, densities count/(10 · 0.75).
        double[] v = {0, 1, 1, 2, 2, 2, 3, 3, 3, 3};
        String svg = svg(new Figure("h", "t", "x", "density").outlineHistogram("v", v, 4));
        List<double[]> bars = numbers(svg, "<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\" fill=\"none\" stroke=\"#1f77b4\"");
        assertThat(bars).hasSize(4);
        // y from 0 (histograms stand on zero) to 4/7.5, padded: −0.02667 … 0.56.
        double span = (4 / 7.5) * 1.1;
        for (int k = 0; k < 4; k++) {
            assertThat(bars.get(k)[3]).isCloseTo((k + 1) / 7.5 / span * PH, within(0.11));
            // Bins 0.75 wide; x spans the bins' edges 0 … 3, padded: −0.15 … 3.15.
            assertThat(bars.get(k)[2]).isCloseTo(0.75 / 3.3 * PW, within(0.11));
            assertThat(bars.get(k)[0]).isCloseTo(LEFT + (0.15 + 0.75 * k) / 3.3 * PW, within(0.11));
        }
        // Outlines in the trace's colour, no fill: two overlaid histograms stay two colours.
        assertThat(svg).contains("fill=\"none\" stroke=\"" + Figure.PALETTE[0] + "\" stroke-width=\"1.5\"");
        // A filled histogram's bars are translucent.
        assertThat(count(svg(new Figure("h", "t", "x", "d").histogram("v", v, 4)), "fill-opacity=\"0.45\" stroke=")).isEqualTo(4 + 1);
    }

    @Test
    void aHeatmapHasOneCellPerValueRowZeroAtTheBottom() {
        double[] z = {0.0, 0.5, 1.0, 0.25, 0.75, Double.NaN};
        String svg = svg(new Figure("hm", "t", "D", "A").heatmap("rate", new double[] {1, 2, 3}, new double[] {10, 20}, z));
        // Cells: the plot area less 70 px for the colour bar, 3 columns × 2 rows.
        double cw = (PW - 70) / 3, ch = PH / 2;
        List<double[]> cells = numbers(svg, "<rect x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"" + SvgPlot.f(cw) + "\" height=\"" + SvgPlot.f(ch) + "\"");
        assertThat(cells).hasSize(6);
        // Row 0 (A = 10) is the lower row: its cells start half the area further down.
        assertThat(cells.get(0)[1]).isCloseTo(TOP + ch, within(0.051));
        assertThat(cells.get(3)[1]).isCloseTo(TOP, within(0.051));
        assertThat(cells.get(2)[0]).isCloseTo(LEFT + 2 * cw, within(0.051));
        // z = 1 is Viridis' yellow end, the NaN cell grey and unlabelled; five values written in the cells.
        assertThat(svg).contains("fill=\"#fde725\" stroke=\"white\"").contains("fill=\"#dddddd\"");
        assertThat(numbers(svg, ">(\\d\\.\\d\\d)</text>")).hasSize(5);
    }

    @Test
    void barsAreGroupedSideBySideOverTheirCategories() {
        String[] cats = {"p", "q", "r"};
        String svg = svg(new Figure("b", "t", "case", "n").bars("a", cats, new double[] {1, 2, 3}).bars("b", cats, new double[] {3, 2, 1}));
        List<double[]> bars = numbers(svg, "<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\" fill=\"#");
        assertThat(bars).hasSize(6);
        // x from −0.5 to 2.5 (588 px for 3 categories); two traces share 0.8 of a category: 0.4 each, 78.4 px.
        double unit = PW / 3;
        assertThat(bars.get(0)[2]).isCloseTo(0.4 * unit, within(0.051));
        // Trace a's bar of p centred at p − 0.2, trace b's at p + 0.2.
        assertThat(bars.get(0)[0] + bars.get(0)[2] / 2).isCloseTo(LEFT + 0.3 * unit, within(0.051));
        assertThat(bars.get(3)[0] + bars.get(3)[2] / 2).isCloseTo(LEFT + 0.7 * unit, within(0.051));
        // Heights 1 : 2 : 3 from zero.
        assertThat(bars.get(2)[3] / bars.get(0)[3]).isCloseTo(3, within(0.01));
        assertThat(svg).contains(">p</text>").contains(">q</text>").contains(">r</text>");
    }

    @Test
    void logAxesSpaceDecadesEquallyAndGivenTicksSitAtTheirValues() {
        double[] n = {250, 500, 1000, 2000};
        String svg = svg(new Figure("l", "t", "N", "err").lineMarkers("e", n, new double[] {1e-2, 1e-3, 1e-4, 1e-5}).logX().logY().xTicks(n));
        List<double[]> pts = polylines(svg).get(0);
        assertThat(pts).hasSize(4);
        for (int i = 2; i < 4; i++) {
            assertThat(pts.get(i)[0] - pts.get(i - 1)[0]).isCloseTo(pts.get(1)[0] - pts.get(0)[0], within(0.11));
            assertThat(pts.get(i)[1] - pts.get(i - 1)[1]).isCloseTo(pts.get(1)[1] - pts.get(0)[1], within(0.11));
        }
        // log10 y from −5 to −2, padded: −5.15 … −1.85; 10⁻³ at 2.15/3.3 of the height from the bottom.
        assertThat(pts.get(1)[1]).isCloseTo(TOP + PH - 2.15 / 3.3 * PH, within(0.051));
        // Ticks at the sizes, written as such, and decades as powers of ten.
        for (double v : n) assertThat(svg).contains(">" + (int) v + "</text>");
        assertThat(svg).contains(">10⁻³<").contains("err (log scale)");
        // One marker per point.
        assertThat(numbers(svg, "<circle cx=\"([0-9.]+)\"")).hasSize(4);
    }

    @Test
    void equalAspectGivesOneUnitTheSameLengthOnBothAxes() {
        double[] x = new double[73], y = new double[73];
        for (int i = 0; i < 73; i++) {
            x[i] = Math.cos(2 * Math.PI * i / 72);
            y[i] = Math.sin(2 * Math.PI * i / 72);
        }
        List<double[]> circle = polylines(svg(new Figure("c", "t", "x", "y").scatter("c", x, y, false).equalAspect())).get(0);
        double w = circle.stream().mapToDouble(p -> p[0]).max().orElseThrow() - circle.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double h = circle.stream().mapToDouble(p -> p[1]).max().orElseThrow() - circle.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        assertThat(w).isCloseTo(h, within(0.2));
        // The height sets the scale (the plot area is wider than tall): the diameter of 2 padded to 2.2 fills it.
        assertThat(h).isCloseTo(2 / 2.2 * PH, within(0.2));
    }

    @Test
    void theReferenceIsWideAndTranslucentOrOpenCircles() {
        double[] v = {1, 2, 3};
        String svg = svg(new Figure("r", "t", "x", "y").scatter("target", v, v, false).asReference().scatter("network", v, v, false)
                .scatter("target samples", v, v, true).asReference().scatter("samples", v, v, true));
        assertThat(svg).contains("stroke-width=\"4\" stroke-opacity=\"0.45\"").contains("stroke-width=\"1.4\" points=");
        // The reference's markers are open circles 1.5 px larger than the filled ones (the legend's are larger still).
        assertThat(svg).contains("<g fill=\"none\" stroke=\"" + Figure.PALETTE[2] + "\" stroke-width=\"1.5\"><circle");
        assertThat(count(svg, "r=\"4.5\"/>")).isEqualTo(3);
        assertThat(count(svg, "r=\"3.0\"/>")).isEqualTo(3);
    }

    @Test
    void arrowsHaveOneShaftAndOneHeadEachAndErrorBarsOneCapPairPerFiniteError() {
        String svg = svg(new Figure("a", "t", "x", "y").segments("field", new double[] {0, 1, 0, 0}, new double[] {0, 0, 0, 1}));
        assertThat(count(svg, "stroke-width=\"1.3\"/>")).isEqualTo(2);
        assertThat(count(svg, " Z\" fill=")).isEqualTo(2);
        // The unit arrows are as long on the page in x as in y (equal aspect).
        List<double[]> shafts = numbers(svg, "<line x1=\"([0-9.]+)\" y1=\"([0-9.]+)\" x2=\"([0-9.]+)\" y2=\"([0-9.]+)\" stroke=\"#1f77b4\" stroke-width=\"1.3\"/>");
        assertThat(shafts).hasSize(2);
        assertThat(shafts.get(0)[2] - shafts.get(0)[0]).isCloseTo(shafts.get(1)[1] - shafts.get(1)[3], within(0.11));
        String bars = svg(new Figure("e", "t", "x", "y").lineMarkers("m", new double[] {1, 2, 3}, new double[] {1, 2, 3})
                .errorY(new double[] {0.1, Double.NaN, 0.2}).guide("g", new double[] {1, 3}, new double[] {2, 2})
                .band("b", new double[] {1, 3, 3, 1}, new double[] {1.5, 1.5, 2.5, 2.5}));
        assertThat(count(bars, " h8 M")).isEqualTo(2);
        assertThat(bars).contains("stroke-dasharray=\"6,4\" points=").contains("<polygon points=").contains("fill-opacity=\"0.15\"");
    }

    @Test
    void a3dLineIsProjectedAsTheCameraSeesItAndTheViewIsNamed() {
        // Seen from −y (eye (0, −2, 0)), with z up: the screen shows x to the right and z upwards.
        String svg = svg(new Figure("s", "helix", "", "").line3d("h", new double[] {0, 1, 2}, new double[] {5, 6, 7}, new double[] {0, 0, 10},
                new String[] {"a", "b", "c"}).camera(0, -2, 0));
        List<double[]> pts = polylines(svg).get(0);
        assertThat(pts).hasSize(3);
        // Each axis scaled to a unit cube; the cube's face fills 0.86 of the smaller side (height 420 − 44 − 16 = 360).
        double scale = 0.86 * Math.min(PW, 420 - TOP - 16);
        assertThat(pts.get(1)[0] - pts.get(0)[0]).isCloseTo(0.5 * scale, within(0.051));
        assertThat(pts.get(2)[0] - pts.get(1)[0]).isCloseTo(0.5 * scale, within(0.051));
        assertThat(pts.get(1)[1]).isCloseTo(pts.get(0)[1], within(0.051));
        assertThat(pts.get(0)[1] - pts.get(2)[1]).isCloseTo(scale, within(0.051));
        assertThat(svg).contains("camera at (0, −2, 0)").contains(">a: 0 to 2<").contains(">c: 0 to 10<");
        // The cube's 12 edges, three of them drawn again darker as the labelled axes.
        assertThat(count(svg, "stroke=\"#ccc\"/>")).isEqualTo(12);
        assertThat(count(svg, "stroke=\"#888\"/>")).isEqualTo(3);
        // Without a camera: plotly's default one, and the SVG's title says so too.
        String byDefault = svg(new Figure("d", "t", "", "").line3d("h", new double[] {0, 1}, new double[] {0, 1}, new double[] {0, 1},
                new String[] {"x", "y", "z"}));
        assertThat(byDefault).containsPattern("<title>t \\(static view: the 3-D curves projected as seen from the camera at \\(1.25, 1.25, 1.25\\)");
    }

    @Test
    void longTracesAreThinnedToWhatTheFigureCanShowAndSaySo() {
        int n = 100_000;
        double[] t = new double[n], x = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            x[i] = Math.sin(i * 0.37);
        }
        String svg = svg(new Figure("long", "t", "t", "x").line("noise", t, x, false));
        int points = polylines(svg).stream().mapToInt(List::size).sum();
        // Every 13th point (100 000 / 8000 rounded up) and the last; a few within half a pixel of the one before dropped.
        assertThat(points).isBetween(n / 13 - 20, n / 13 + 2);
        assertThat(svg).contains("every 13th of noise's 100000 points drawn");
        // 2000 markers on 100 distinct points: one circle per point (one pixel cell), no note.
        double[] a = new double[2000], b = new double[2000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 100;
            b[i] = (i % 100) * 2;
        }
        String cloud = svg(new Figure("cloud", "t", "a", "b").scatter("c", a, b, true));
        assertThat(count(cloud, "<circle")).isEqualTo(100 + 1);
        assertThat(cloud).doesNotContain("drawn");
    }

    @Test
    void theLegendGoesToTheCornerThatHidesLeastOfTheData() {
        // Points crowd the top right: the legend moves to the top left (x = 72 + 8).
        double[] x = new double[50], y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = 9 + (i % 10) / 10.0;
            y[i] = 9 + (i / 10) / 5.0;
        }
        x[0] = 0;
        y[0] = 0;
        String svg = svg(new Figure("g", "t", "x", "y").scatter("crowd", x, y, true));
        assertThat(numbers(svg, "<rect x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"[0-9.]+\" height=\"17\" fill=\"white\"")).singleElement()
                .satisfies(r -> {
                    assertThat(r[0]).isCloseTo(LEFT + 8, within(0.051));
                    assertThat(r[1]).isCloseTo(TOP + 3, within(0.51));
                });
    }

    @Test
    void whereEveryPlaceInsideWouldHideDataTheLegendGoesUnderThePlotAndTheFigureGrows() {
        // A zigzag over the whole plot area: 201 points, each segment from bottom to top.
        double[] x = new double[201], y = new double[201];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i % 2;
        }
        String svg = svg(new Figure("z", "t", "x", "y").scatter("zigzag", x, y, false).scatter("flat", new double[] {0, 200}, new double[] {0.5, 0.5}, false));
        assertThat(svg).doesNotContain("height=\"17\" fill=\"white\"");
        // One row of two entries, its baseline 10 px under the figure's 420, the figure 8 px taller than that.
        assertThat(svg).contains("<text x=\"" + SvgPlot.f(LEFT + 24) + "\" y=\"430\">zigzag</text>")
                .contains("<text x=\"" + SvgPlot.f(LEFT + 7.0 * 6 + 40 + 24) + "\" y=\"430\">flat</text>")
                .contains("viewBox=\"0 0 680 438\"");
    }

    @Test
    void chartsRefuseWhatTheyCannotDraw() {
        assertThatThrownBy(() -> Chart.Trace.of("a", Chart.Kind.LINE, new double[2], new double[3], "#000000")).hasMessageContaining("2 x and 3 y");
        assertThatThrownBy(() -> Chart.Trace.of("a", Chart.Kind.LINE, new double[2], new double[2], "red")).hasMessageContaining("#rrggbb");
        assertThatThrownBy(() -> new Chart("c", "t", new Chart.Axis("x"), new Chart.Axis("y"), false, null,
                List.of(new Chart.Trace("h", Chart.Kind.LINE3D, new double[1], new double[1], new double[1], null, null, "#000000", 0, false, false))))
                .hasMessageContaining("need a scene");
        assertThatThrownBy(() -> new Chart.Scene("x", "y", "z", 0, 0, 0)).hasMessageContaining("away from the centre");
    }
}
