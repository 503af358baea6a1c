package ddmatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.analysis.DriftError;
import ddmatch.check.Check;
import ddmatch.check.SystemReport;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
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
}
