package ddmatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The analyze page: one table per group, long arrays summarised, and the figures of the groups that have data. */
class AnalysisReportTest {

    private static double[] numbers(String csv) {
        return java.util.Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static Map<String, Map<String, Object>> groups() {
        Map<String, Map<String, Object>> g = new LinkedHashMap<>();
        Map<String, Object> drift = new LinkedHashMap<>();
        drift.put("mean", 2.5e-5);
        drift.put("points", 2000);
        g.put("drift", drift);
        Map<String, Object> lyap = new LinkedHashMap<>();
        lyap.put("network", new double[] {0.9, 0.0, -1.0, -1.0, -1.0});
        lyap.put("target", new double[] {0.906, 0.0, -14.57});
        lyap.put("networkStandardErrors", new double[] {0.01, 0.01, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001});
        g.put("lyapunov", lyap);
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("component", 2);
        component.put("mapDistance", 0.0019);
        component.put("targetMaxima", new double[] {40, 35, 42, 33, 44, 31, 45, 30});
        component.put("networkMaxima", new double[] {41, 34, 43, 32});
        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("components", List.of(component));
        g.put("returnMap", rm);
        Map<String, Object> noisy = new LinkedHashMap<>();
        noisy.put("note", "skipped: the target is noisy");
        g.put("forecast", noisy);
        return g;
    }

    @Test
    void everyGroupIsATableAndTheGroupsWithDataHaveFigures() {
        HtmlReport page = AnalysisReport.html("analysis of m", "lorenz, N = 500", groups());
        String html = page.html();
        assertThat(html).contains("<h2>drift</h2>").contains("2.500e-05").contains("<h2>forecast</h2>")
                .contains("skipped: the target is noisy");
        // A long array is summarised with its length; the return map's maxima are in the figure, not the table.
        assertThat(html).contains("… (8 values)]");
        assertThat(html).contains("<th>mapDistance</th>").doesNotContain("<th>targetMaxima</th>");
        // Two figures: the exponents (three series would be two here) and one return map; none for the noisy forecast.
        assertThat(page.figureCount()).isEqualTo(2);
        assertThat(html).contains("return map of the maxima of component 2");
        // The return map plots (mₙ, mₙ₊₁): 7 pairs of the target's 8 maxima (numbers as the page writes them, e.g. 4E+1).
        List<double[][]> traces = new java.util.ArrayList<>();
        var m = Pattern.compile("\"x\":\\[([^\\]]*)\\],\"y\":\\[([^\\]]*)\\]").matcher(html);
        while (m.find()) {
            traces.add(new double[][] {numbers(m.group(1)), numbers(m.group(2))});
        }
        assertThat(traces).anySatisfy(t -> {
            assertThat(t[0]).containsExactly(40, 35, 42, 33, 44, 31, 45);
            assertThat(t[1]).containsExactly(35, 42, 33, 44, 31, 45, 30);
        });
        // Each figure's static rendering: the exponents as two lines with markers (the target's 3 points, the
        // network's 5), the return map as 7 + 3 markers (the target's open), each legend entry with its symbol.
        Map<String, String> statics = HtmlReportTest.containers(html);
        assertThat(statics).hasSize(2);
        String exponents = statics.get("fig0"), map = statics.get("fig1");
        assertThat(exponents.split("<polyline ", -1).length - 1).isEqualTo(2);
        assertThat(exponents.split("<circle ", -1).length - 1).isEqualTo(3 + 5);
        assertThat(map.split("<circle ", -1).length - 1).isEqualTo(7 + 3 + 2);
        assertThat(map).contains("<g fill=\"none\" stroke=\"" + Figure.PALETTE[0] + "\" stroke-width=\"1.5\">");
    }
}
