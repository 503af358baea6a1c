package ddmatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.solve.ProgressListener;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryScenarioTest {

    @Test
    @SuppressWarnings("unchecked")
    void networkRecallsAndSwitchesLikeTheTargetAndHopfieldCapacityIsNearTheKnownLimit() {
        ScenarioResult r = Scenario.MEMORY.run(Plan.of(1, true), ProgressListener.NONE);
        double[] net = (double[]) r.numbers().get("recallNetwork");
        double[] target = (double[]) r.numbers().get("recallTarget");
        for (int i = 0; i < net.length; i++) assertThat(net[i]).isCloseTo(target[i], within(0.15));
        assertThat(net[0]).isEqualTo(1.0);

        // Switching: ≥ 100 trials per target memory and cell; every cell's pooled z within the Bonferroni bound
        // Φ⁻¹(1 − 0.005/36) = 3.635 (family-wise 1% under equal switching probabilities).
        Map<String, Object> sw = (Map<String, Object>) r.numbers().get("switching");
        assertThat((int) sw.get("trialsPerCell")).isGreaterThanOrEqualTo(100);
        assertThat(sw.get("inputMode")).isEqualTo("additive");
        double[] z = (double[]) sw.get("zScores");
        assertThat(z).hasSize(36);
        assertThat((double) sw.get("bonferroniBound")).isCloseTo(3.635, within(1e-3));
        for (double v : z) assertThat(Math.abs(v)).isLessThanOrEqualTo((double) sw.get("bonferroniBound"));
        // The pooled success over all cells and memories (3600 trials each): within 3.3σ of each other.
        double[] ft = (double[]) sw.get("fractionTarget"), fn = (double[]) sw.get("fractionNetwork");
        double mt = java.util.Arrays.stream(ft).average().orElseThrow(), mn = java.util.Arrays.stream(fn).average().orElseThrow();
        double p = 0.5 * (mt + mn);
        assertThat(Math.abs(mn - mt)).isLessThan(3.3 * Math.sqrt(2 * p * (1 - p) / 3600));
        // Monotone in amplitude and in duration (the target, 400 trials per cell; grid 3 × 3).
        for (int a = 0; a < 3; a++) for (int d = 0; d < 2; d++) assertThat(ft[a * 3 + d + 1]).isGreaterThan(ft[a * 3 + d]);

        // Hopfield capacity α_c ≈ 0.138 (Amit, Gutfreund, Sompolinsky 1985): near-perfect retrieval at 0.05, lost at 0.3,
        // and the mean retrieval overlap crosses the critical 0.967 within 20% of 0.138 at N = 500.
        double[] retrieved = (double[]) r.numbers().get("hopfieldRetrieved");
        assertThat(retrieved[1]).isGreaterThan(0.9);
        assertThat(retrieved[retrieved.length - 1]).isLessThan(0.5);
        double alphaC = (double) ((Map<String, Object>) r.numbers().get("hopfieldCapacity")).get("alphaC");
        assertThat(alphaC).isCloseTo(0.138, within(0.2 * 0.138));
        assertThat((double) r.numbers().get("hopfieldCouplingAsymmetry")).isEqualTo(0.0);
        // The rotating-wells network runs through the memories in order; the reversible one does not prefer a direction.
        Map<String, Object> asym = (Map<String, Object>) r.numbers().get("asymmetry");
        assertThat(Episodic.num((Map<String, Object>) asym.get("rotatingNetwork"), "cyclicFraction")).isGreaterThan(0.8);
        assertThat(r.plots().stream().filter(pl -> pl.series().get(0).style() == Plot.Style.HEATMAP).count()).isEqualTo(2);
        // The capacity plot marks the overlap threshold the α_c claim uses and the α_c measured there, both as in the
        // numbers, besides the theoretical 0.138.
        Map<String, Object> cap = (Map<String, Object>) r.numbers().get("hopfieldCapacity");
        Plot capacity = r.plots().stream().filter(pl -> pl.id().equals("memory-capacity")).findFirst().orElseThrow();
        java.util.List<Plot.Series> guides = capacity.series().stream().filter(s -> s.style() == Plot.Style.GUIDE).toList();
        assertThat(guides).hasSize(3);
        assertThat(guides.get(1).y()).containsOnly((double) cap.get("criticalOverlap"));
        assertThat(guides.get(2).x()).containsOnly(alphaC);
        assertThat(guides.get(2).name()).contains(Runs.fmt(alphaC));
        assertThat(r.claims().stream().filter(c -> c.statement().contains("capacity α_c")).findFirst().orElseThrow().statement())
                .contains(String.valueOf(cap.get("criticalOverlap")));
        assertThat(r.allClaimsHold()).as(r.claims().toString()).isTrue();
    }
}
