package ddmatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.analysis.DriftError;
import ddmatch.check.Check;
import ddmatch.check.SystemReport;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.check.EndToEndChecks;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.Trajectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckReportTest {

    @Test
    void residenceTimeHistogramsAreOutlinedAndTheirAxesHaveUnits() {
        TrainingResult tr = DriftMatcher.train(SystemCatalog.get("double-well").create(Map.of()), MatchConfig.defaults(40, 1), ProgressListener.NONE);
        SystemReport r = new SystemReport("double-well", tr, new DriftError.Result(1e-3, 2e-3, 3e-3, 10),
                List.of(new Check("mean residence time", 10, 10, "target simulation", "±10%", true)), 0.1, Map.of(),
                Map.of("residence times, target", new double[] {1, 2, 3, 5, 8}, "residence times, network", new double[] {1, 2, 4, 6, 9}));
        String html = CheckReport.html("t", "c", List.of(r)).html();
        // Two outlined histograms (no fill: overlapping bars stay two colours, no unexplained third), time with its unit.
        assertThat(html.split("\"color\":\"rgba\\(0,0,0,0\\)\"", -1).length - 1).isEqualTo(2);
        assertThat(html).contains("residence time (time units)").contains("probability density (1/time units)")
                .contains("outlined histograms");
    }

    /** A run of {@code rows} samples of a {@code dimension}-vector, component k of row i = sin(0.1·i + k) + k. */
    private static Trajectory run(int rows, int dimension, double phase) {
        double[] v = new double[rows * dimension];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < dimension; k++) {
                v[i * dimension + k] = Math.sin(0.1 * i + k + phase) * (1 + 0.01 * i) + k;
            }
        }
        return new Trajectory(0, 0.01, dimension, v);
    }

    @Test
    void everyFigureContainerOfTheDemoPageHoldsExactlyOneStaticSvgOfItsData() {
        TrainingResult tr = DriftMatcher.train(SystemCatalog.get("double-well").create(Map.of()), MatchConfig.defaults(40, 1), ProgressListener.NONE);
        DriftError.Result drift = new DriftError.Result(1e-3, 2e-3, 3e-3, 10);
        List<Check> checks = List.of(new Check("q", 1, 1, "s", "±10%", true));
        Map<String, Trajectory> lorenz = new LinkedHashMap<>();
        lorenz.put("target", run(400, 3, 0));
        lorenz.put("network", run(400, 3, 0.01));
        lorenz.put(EndToEndChecks.Z_MAXIMA_TARGET, run(12, 1, 0));
        lorenz.put(EndToEndChecks.Z_MAXIMA_NETWORK, run(10, 1, 0.5));
        Map<String, Trajectory> ou = new LinkedHashMap<>();
        ou.put("target", run(30, 2, 0));
        ou.put("network", run(30, 2, 1));
        List<SystemReport> reports = List.of(
                new SystemReport("lorenz", tr, drift, checks, 0.1, lorenz, Map.of()),
                new SystemReport("double-well", tr, drift, checks, 0.1, Map.of("target", run(50, 1, 0), "network", run(50, 1, 2)),
                        Map.of("residence times, target", new double[] {1, 2, 3, 5, 8})),
                new SystemReport("ou", tr, drift, checks, 0.1, ou, Map.of()));
        HtmlReport page = CheckReport.html("t", "c", reports);
        Map<String, String> figures = HtmlReportTest.containers(page.html());
        // lorenz: attractor, x(t), return map; double-well: z(t), residence times; ou: samples.
        assertThat(figures).hasSize(6).hasSize(page.figureCount());
        for (String svg : figures.values()) {
            assertThat(svg.split("<svg class=\"static\"", -1).length - 1).isEqualTo(1);
        }
        // The attractor as the interactive view's camera sees it, two curves of 400 points.
        String attractor = figures.get("fig0");
        assertThat(attractor).contains("camera at (1.6, −1.6, 0.5)");
        assertThat(attractor.split("<polyline ", -1).length - 1).isEqualTo(2);
        // Return map: 11 and 9 pairs (mₙ, mₙ₊₁), the target's as open circles, plus one circle per legend entry.
        assertThat(figures.get("fig2").split("<circle ", -1).length - 1).isEqualTo(11 + 9 + 2);
        // z(t): one polyline per run, 50 points each (a sine sampled every 0.1 rad is never within half a pixel).
        assertThat(figures.get("fig3").split("<polyline ", -1).length - 1).isEqualTo(2);
        for (String line : figures.get("fig3").split("<polyline ")) {
            if (line.startsWith("fill")) {
                assertThat(line.substring(line.indexOf("points=\"") + 8, line.indexOf("\"/>")).split(" ")).hasSize(50);
            }
        }
        // Residence times: one outlined histogram of 40 bins on a log axis: the 5 bins with a value (each its own bin),
        // the 35 empty ones not drawn, and the legend's symbol.
        assertThat(figures.get("fig4").split("fill=\"none\" stroke=\"" + Figure.PALETTE[0] + "\" stroke-width=\"1.5\"/>", -1).length - 1)
                .isEqualTo(5 + 1);
        // The stationary samples: 30 + 30 markers and the legend's two.
        assertThat(figures.get("fig5").split("<circle ", -1).length - 1).isEqualTo(62);
    }
}
