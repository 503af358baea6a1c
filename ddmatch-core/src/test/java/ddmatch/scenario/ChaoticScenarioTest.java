package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.solve.ProgressListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaoticScenarioTest {

    @Test
    @SuppressWarnings("unchecked")
    void lorenzNetworkReproducesLambdaMaxAndStaysNearTheNoiseFloor() {
        ScenarioResult r = Scenario.CHAOTIC.run(new Plan(1, true, List.of("lorenz"), List.of()), ProgressListener.NONE);
        Map<String, Object> lorenz = (Map<String, Object>) r.numbers().get("lorenz");
        // The target's own λmax against Wolf et al. (1985), 0.906, ±10%: over Chaotic.TARGET_LYAPUNOV_TIME (1000 units),
        // 0.9105 in every configuration measured (2026-12-06: JDK 17 and 25, pure Java and native OpenBLAS, 512- and
        // 256-bit vectors, scalar kernels); there the network's λmax at N = 400 was 0.900–0.916 (claim: ±25%) and its
        // Kaplan–Yorke dimension on the manifold 2.060–2.062.
        assertThat((double) lorenz.get("lambdaMaxTarget")).isCloseTo(0.906, within(0.09));
        // Kaplan–Yorke dimension of Lorenz ≈ 2.06 (e.g. Sprott, Chaos and Time-Series Analysis, 2003).
        assertThat((double) lorenz.get("kaplanYorkeTarget")).isCloseTo(2.06, within(0.05));
        List<Map<String, Object>> sizes = (List<Map<String, Object>>) lorenz.get("sizes");
        // The quick sizes N = 200, 400: the drift error falls with N.
        assertThat(sizes).extracting(m -> m.get("neurons")).containsExactly(200, 400);
        double err200 = (double) sizes.get(0).get("driftErrorMean");
        double err400 = (double) sizes.get(1).get("driftErrorMean");
        assertThat(err400).isLessThan(err200).isLessThan(2e-3);
        // The network's own flow on its manifold has Lorenz's dimension (measured 2.063 at N = 400); the full network's
        // leading d + 1 exponents include a transverse one near −1/τ and give ≈ 2.9 instead (ManifoldFlowTest).
        assertThat((double) sizes.get(1).get("kaplanYorkeOnManifold")).isCloseTo(2.06, within(0.05));
        assertThat((double) sizes.get(1).get("kaplanYorkeNetwork")).isGreaterThan(2.5);
        // Every claim at N = 400 (λmax ±25% of the target's, D_stsp ≤ 3× the noise floor, Kaplan–Yorke dimension on the
        // manifold ±0.05) holds.
        assertThat(r.claims()).hasSize(3).allSatisfy(c -> assertThat(c.holds()).as(c.statement() + " = " + c.value()).isTrue());
        assertThat(r.plots()).hasSize(4);
        // The plots against N have N on a log axis (the sizes are geometric); the attractor does not.
        assertThat(r.plots()).extracting(Plot::id, Plot::logX).containsExactly(org.assertj.core.groups.Tuple.tuple("lorenz-drift", true),
                org.assertj.core.groups.Tuple.tuple("lorenz-lambda", true), org.assertj.core.groups.Tuple.tuple("lorenz-divergence", true),
                org.assertj.core.groups.Tuple.tuple("lorenz-attractor", false));
        // The λmax plot shades exactly the λmax claim's allowed range and gives the network's estimates their standard
        // errors (the estimator's block spread, also in the numbers).
        Plot lambda = r.plots().get(1);
        Claim claim = r.claims().get(0);
        assertThat(claim.statement()).contains("λmax");
        Plot.Series band = lambda.series().stream().filter(s -> s.style() == Plot.Style.BAND).findFirst().orElseThrow();
        assertThat(band.y()).containsOnly(claim.lower(), claim.upper()).contains(claim.lower(), claim.upper());
        assertThat(band.x()).containsOnly(200.0, 400.0);
        Plot.Series net = lambda.series().stream().filter(s -> s.name().startsWith("network")).findFirst().orElseThrow();
        assertThat(net.yError()).containsExactly((double) sizes.get(0).get("lambdaMaxNetworkBlockSpread"),
                (double) sizes.get(1).get("lambdaMaxNetworkBlockSpread"));
        for (double e : net.yError()) assertThat(e).isPositive().isLessThan(0.1);
        assertThat(r.tables().get(0).rows()).hasSize(2);
    }
}
