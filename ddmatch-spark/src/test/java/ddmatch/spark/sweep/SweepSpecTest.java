package ddmatch.spark.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.check.ModelAnalysis;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Spec parsing: the grid is the Cartesian product, ids are stable hashes, and every error names file:line:column. */
class SweepSpecTest {

    @Test
    void theGridIsTheCartesianProductOfEveryAxis() {
        SweepSpec s = SweepSpec.parse("""
                systems: [ring-wells, rotating-wells]
                neurons: [40, 60, 80]
                seeds: [1, 2]
                parameters: {noise: [0.5, 0.7]}
                lambda: [gcv, 1e-6]
                train:
                  tonic-std: [1, 2]
                analysis: {time: 10, metrics: [drift, epr], wells: 2}
                """, "s.yaml");
        assertThat(s.points()).hasSize(2 * 3 * 2 * 2 * 2 * 2);
        assertThat(s.points()).filteredOn(p -> p.system().equals("rotating-wells") && p.neurons() == 60
                && p.parameters().get("noise") == 0.7 && Double.isNaN(p.lambda()) && p.tonicStd() == 1.0).hasSize(2);
        assertThat(s.points().get(0).wells()).isEqualTo(2);
        assertThat(s.points().get(0).metrics()).containsExactly(ModelAnalysis.Metric.DRIFT, ModelAnalysis.Metric.EPR);
    }

    @Test
    void aPointIsTheSameConfigurationInEveryRunAndDifferentConfigurationsDiffer() {
        String text = "systems: [ou, double-well]\nneurons: [40, 60]\nseeds: [1, 2, 3]\n";
        SweepSpec a = SweepSpec.parse(text, "a.yaml");
        SweepSpec b = SweepSpec.parse(text.replace("[ou, double-well]", "[double-well, ou]"), "b.yaml");
        assertThat(a.points()).hasSize(12);
        // Order of values in the file does not matter: points are ordered by id.
        assertThat(b.points()).isEqualTo(a.points());
        Set<String> ids = new HashSet<>();
        for (PointConfig p : a.points()) ids.add(p.id());
        assertThat(ids).hasSize(12);
        PointConfig p = a.points().get(0);
        assertThat(p.id()).matches("[0-9a-f]{16}");
        // Defaults are those of ddmatch train and analyze.
        assertThat(p.samples()).isEqualTo(5000);
        assertThat(p.tonicStd()).isEqualTo(2.0);
        assertThat(Double.isNaN(p.lambda())).isTrue();
        assertThat(p.metrics()).containsExactly(ModelAnalysis.Metric.DRIFT);
        assertThat(p.canonicalJson()).startsWith("{\"analysis\":{").contains("\"lambda\":\"gcv\"");
    }

    @Test
    void theExampleSpecsAreValid() throws Exception {
        Path dir = Path.of("..", "examples", "sweeps");
        assertThat(SweepSpec.read(dir.resolve("small.yaml")).points()).hasSize(3 * 3 * 2);
        // σ (3) × N (2) × seeds (3) × λ (2) on one system.
        SweepSpec noise = SweepSpec.read(dir.resolve("noise-levels.yaml"));
        assertThat(noise.points()).hasSize(3 * 2 * 3 * 2);
        assertThat(noise.points()).allSatisfy(p -> assertThat(p.wells()).isEqualTo(2));
    }

    @Test
    void groupsOfTheCatalogExpandToTheirSystemsEachOnce() {
        SweepSpec four = SweepSpec.parse("systems: [chaotic-4d]\nneurons: [100]\nseeds: [1]\n", "s.yaml");
        assertThat(four.points()).hasSize(13);
        assertThat(four.points()).extracting(PointConfig::system).contains("hyper-lorenz", "qi", "lorenz96")
                .doesNotContain("lorenz");
        SweepSpec noisy = SweepSpec.parse("systems: [ou, stochastic, double-well]\nneurons: [40]\nseeds: [1]\n", "s.yaml");
        assertThat(noisy.points()).extracting(PointConfig::system).hasSize(8).containsOnlyOnce("ou", "double-well");
        assertThat(SweepSpec.parse("systems: [all]\nneurons: [100]\nseeds: [1]\n", "s.yaml").points())
                .hasSize(ddmatch.sde.SystemCatalog.names().size());
        assertThatThrownBy(() -> SweepSpec.parse("systems: [chaotic-0d]\nneurons: [40]\nseeds: [1]\n", "s.yaml"))
                .hasMessageContaining("field 'systems' = 'chaotic-0d' is not allowed").hasMessageContaining("no system of the catalog");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [chaotical]\nneurons: [40]\nseeds: [1]\n", "s.yaml"))
                .hasMessageContaining("unknown system").hasMessageContaining("groups all, chaotic, stochastic");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou, ou]\nneurons: [40]\nseeds: [1]\n", "s.yaml"))
                .hasMessageContaining("'ou' is not allowed; listed twice");
    }

    @Test
    void errorsNameTheFileLineColumnFieldValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou]\nneurons: [40]\nseeds: [1]\ncolour: red\n", "s.yaml"))
                .isInstanceOf(SweepSpecException.class)
                .hasMessageStartingWith("s.yaml:4:9: field 'colour' = 'red' is not allowed; unknown field; allowed fields are");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou, lorenz63]\nneurons: [40]\nseeds: [1]\n", "s.yaml"))
                .hasMessageStartingWith("s.yaml:1:15: field 'systems' = 'lorenz63' is not allowed; unknown system");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou]\nneurons: []\nseeds: [1]\n", "s.yaml"))
                .hasMessage("s.yaml:2:10: field 'neurons' = [] is not allowed; a grid axis needs at least one value");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou]\nneurons: [40, big]\nseeds: [1]\n", "s.yaml"))
                .hasMessage("s.yaml:2:15: field 'neurons' = 'big' is not allowed; expected a whole number, found a string");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou]\nneurons: [1]\nseeds: [1]\n", "s.yaml"))
                .hasMessageContaining("field 'neurons' = 1 is not allowed; system 'ou' has dimension 2");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou]\nneurons: [40]\nseeds: [1]\ntrain: {sampler: sobol}\n", "s.yaml"))
                .hasMessage("s.yaml:4:18: field 'train.sampler' = 'sobol' is not allowed; allowed are trajectory, box, lhs, grid and mixture");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou]\nneurons: [40]\nseeds: [1]\nparameters: {sigma: [1]}\n", "s.yaml"))
                .hasMessageContaining("field 'parameters.sigma' = 'sigma' is not allowed; not a parameter of system 'ou'");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou]\nneurons: [40]\n", "s.yaml"))
                .hasMessageContaining("field 'seeds' is missing");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou\n", "s.yaml"))
                .hasMessageStartingWith("s.yaml:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou]\nneurons: [40, 40]\nseeds: [1]\n", "s.yaml"))
                .hasMessageContaining("two grid points are the same configuration");
    }
}
