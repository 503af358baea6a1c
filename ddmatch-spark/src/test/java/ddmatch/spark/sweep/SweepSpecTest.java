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

    @Test
    void parameterValuesAreCheckedForEverySystemBeforeAnythingRunsAndEveryProblemIsListed() {
        // The catalog refuses σ < 0 when the system is built: two of the three values, each at its place in the file.
        assertThatThrownBy(() -> SweepSpec.parse(
                "systems: [double-well]\nneurons: [40]\nseeds: [1]\nparameters: {sigma: [-1, 0.5, -2]}\n", "s.yaml"))
                .isInstanceOf(SweepSpecException.class)
                .hasMessage("s.yaml:4:22: field 'parameters.sigma' = -1 is not allowed; for system 'double-well' it must be"
                        + " finite and ≥ 0\n"
                        + "s.yaml:4:31: field 'parameters.sigma' = -2 is not allowed; for system 'double-well' it must be"
                        + " finite and ≥ 0");
        // A parameter that changes the dimension: N is checked against the dimension of the system as built.
        assertThatThrownBy(() -> SweepSpec.parse(
                "systems: [lorenz96]\nneurons: [6, 40]\nseeds: [1]\nparameters: {n: [4, 8]}\n", "s.yaml"))
                .hasMessage("s.yaml:2:11: field 'neurons' = 6 is not allowed; system 'lorenz96' with n = 8 has dimension 8;"
                        + " N must be ≥ 8");
        assertThat(SweepSpec.parse("systems: [lorenz96]\nneurons: [8, 40]\nseeds: [1]\nparameters: {n: [4, 8]}\n",
                "s.yaml").points()).hasSize(4);
    }

    @Test
    void aNetworkThatCannotFitInTheHeapIsRefusedUpFrontWithTrainingsOwnEstimate() {
        String text = "systems: [double-well]\nneurons: [40, 1000000]\nseeds: [1]\n";
        // 8·M·N for the features alone: 37 GiB at N = 10⁶, M = 5000, far beyond the test JVM's heap.
        assertThatThrownBy(() -> SweepSpec.parse(text, "s.yaml"))
                .isInstanceOf(SweepSpecException.class)
                .hasMessageStartingWith("s.yaml:2:15: field 'neurons' = 1000000 is not allowed; training N = 1000000 neurons"
                        + " on M = 5000 samples (system 'double-well') needs about 37.")
                .hasMessageContaining("use fewer neurons or train.samples")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
        // Without the check (a cluster's executors have their own heap) the same grid is valid.
        assertThat(SweepSpec.parse(text, "s.yaml", false).points()).hasSize(2);
    }

    @Test
    void anUnknownSystemGetsTheSuggestionTrainMakes() {
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou, double-wel]\nneurons: [40]\nseeds: [1]\n", "s.yaml"))
                .hasMessageStartingWith("s.yaml:1:15: field 'systems' = 'double-wel' is not allowed; unknown system "
                        + "(did you mean 'double-well'?); allowed are the catalog systems (");
        assertThatThrownBy(() -> ddmatch.sde.SystemCatalog.get("double-wel")).hasMessageContaining("did you mean 'double-well'");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithItsPlace() {
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou\nneurons: [40]\nseeds: [1]\n", "s.yaml"))
                .hasMessage("s.yaml:2:8: not valid YAML: expected ',' or ']', but got : (while parsing a flow sequence at 1:10)");
        assertThatThrownBy(() -> SweepSpec.parse("systems: [ou]\nneurons: 40: 50\nseeds: [1]\n", "s.yaml"))
                .hasMessage("s.yaml:2:12: not valid YAML: mapping values are not allowed here");
    }
}
