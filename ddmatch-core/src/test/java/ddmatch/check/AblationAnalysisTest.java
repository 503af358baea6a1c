package ddmatch.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.sde.RotatingOrnsteinUhlenbeck;
import ddmatch.solve.ProgressListener;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The α-ablation of {@code analyze}: the entropy production is carried by J_irr (DESIGN §1.6). */
class AblationAnalysisTest {

    @Test
    @SuppressWarnings("unchecked")
    void rotatingOuEntropyProductionGrowsAsAlphaSquaredAndTheWellsStayOnTheManifold() {
        double theta = 2.0;
        RotatingOrnsteinUhlenbeck ou = new RotatingOrnsteinUhlenbeck(theta, 1.0);
        MatchConfig cfg = MatchConfig.defaults(150, 5);
        var net = DriftMatcher.train(ou, cfg, ProgressListener.NONE).network();
        var plan = new ModelAnalysis.Plan(4000, 6, 3, 0, EnumSet.of(ModelAnalysis.Metric.ABLATION));
        Map<String, Object> r = ModelAnalysis.run(net, ou, plan, cfg, ProgressListener.NONE).get("ablation");
        List<Map<String, Object>> runs = (List<Map<String, Object>>) r.get("runs");
        assertThat(runs).hasSize(5);
        double previous = -1;
        for (Map<String, Object> run : runs) {
            double alpha = (double) run.get("alpha");
            double epr = (double) run.get("eprLinear");
            // f_α = f_rev + α f_irr is the OU drift with B_α = 2I + αθA, whose EPR is (αθ)² (DESIGN §1.6). T = 4000 gives
            // a few per cent sampling error; the EM bias at dt = 0.01 adds up to +3.4% at θ = 2.
            double exact = alpha * alpha * theta * theta;
            assertThat(epr).as("EPR at α = %s", alpha).isCloseTo(exact, within(0.12 * exact + 0.03));
            assertThat(epr).isGreaterThan(previous);
            previous = epr;
            // Every variant's latent drift is linear with eigenvalues −2 ± iαθ, and the transverse rate is −1/τ = −1, so the
            // largest exponent of the full network is −1 for every α.
            assertThat((double) run.get("lambdaMax")).isCloseTo(-1.0, within(1e-3));
            assertThat((double) run.get("manifoldDistanceMax")).isLessThan(1e-9);
        }
        assertThat(ModelAnalysis.run(net, ou, plan, ProgressListener.NONE).get("ablation").get("note").toString()).contains("skipped");
    }
}
