package ddmatch.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.SamplingConfig;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three wells on a ring with a circulating drift γ(−y, x): without rotation the coarse-grained entropy production is
 * ≈ 0 and transitions have no preferred direction; with rotation both grow — for the target and for the full network
 * alike (issue 6; DESIGN §1.6).
 */
class RotatingWellsTest {

    private static Map<String, Map<String, Object>> analyse(double gamma) {
        Sde s = SystemCatalog.create("rotating-wells", Map.of("gamma", gamma, "noise", 0.8));
        var cfg = MatchConfig.defaults(200, 1).withSampling(SamplingConfig.defaults().withBoxFraction(0.2));
        var net = DriftMatcher.train(s, cfg, ProgressListener.NONE).network();
        var plan = new ModelAnalysis.Plan(4000, 2, 3, 3,
                EnumSet.of(ModelAnalysis.Metric.EPR, ModelAnalysis.Metric.METASTABILITY));
        return ModelAnalysis.run(net, s, plan, ProgressListener.NONE);
    }

    private static double num(Map<String, Map<String, Object>> r, String group, String key) {
        return ((Number) r.get(group).get(key)).doubleValue();
    }

    @Test
    void entropyProductionAndCyclicOrderVanishWithoutRotationAndGrowWithIt() {
        var still = analyse(0.0);
        var turning = analyse(0.5);
        // ~500 transitions per run: the cyclic fraction's standard error is ≈ 0.02; chance is 1/2 for K = 3.
        assertThat(num(still, "metastability", "cyclicFractionTarget")).isCloseTo(0.5, within(0.08));
        assertThat(num(still, "metastability", "cyclicFractionNetwork")).isCloseTo(0.5, within(0.08));
        assertThat(num(still, "epr", "coarseGrainedTarget")).isLessThan(0.02);
        assertThat(num(still, "epr", "coarseGrainedNetwork")).isLessThan(0.02);

        double eprTarget = num(turning, "epr", "coarseGrainedTarget");
        assertThat(eprTarget).isGreaterThan(0.1);
        assertThat(num(turning, "epr", "coarseGrainedNetwork")).isCloseTo(eprTarget, within(0.2 * eprTarget));
        double cyc = num(turning, "metastability", "cyclicFractionTarget");
        assertThat(cyc).isGreaterThan(0.75);
        assertThat(num(turning, "metastability", "cyclicFractionNetwork")).isCloseTo(cyc, within(0.1 * cyc));
    }
}
