package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs issue 5 names — d &gt; N, too few samples, singular systems, NaN in data — through {@code ddmatch
 * train}, for the paths not covered elsewhere (data files, dense connectivity): exit code 2, one line naming the cause,
 * no model directory.
 */
class TrainBadInputCliTest {
    @TempDir
    Path dir;

    private void assertRefused(CliTest.Run r, Path model, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(model)).isFalse();
    }

    private Path csv(String name, double[] values) throws Exception {
        StringBuilder sb = new StringBuilder("t,z0\n");
        for (int i = 0; i < values.length; i++) {
            sb.append(i * 0.01).append(',').append(values[i]).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void nanInTheDataIsRefusedNamingRowAndComponent() throws Exception {
        double[] v = new double[50];
        for (int i = 0; i < v.length; i++) v[i] = Math.sin(0.3 * i);
        v[20] = Double.NaN;
        Path model = dir.resolve("m");
        assertRefused(CliTest.run("train", "--data", csv("nan.csv", v).toString(), "--neurons", "20", "-o", model.toString()),
                model, "row 20", "component 0", "NaN", "finite");
    }

    @Test
    void dataThatDoNotMoveAreRefusedAsSingular() throws Exception {
        double[] v = new double[50];
        java.util.Arrays.fill(v, 0.5);
        Path model = dir.resolve("m");
        assertRefused(CliTest.run("train", "--data", csv("still.csv", v).toString(), "--neurons", "20", "-o", model.toString()),
                model, "scale[0] = 0.0", "constant");
    }

    @Test
    void tooFewDataRowsAreRefusedNamingTheMinimum() throws Exception {
        Path model = dir.resolve("m");
        assertRefused(CliTest.run("train", "--data", csv("short.csv", new double[] {0.1, 0.2, 0.3}).toString(), "--neurons",
                "20", "-o", model.toString()), model, "3 rows", "at least 10");
    }

    @Test
    void dataOccupyingTooFewBinsForTheFeaturesAreRefused() throws Exception {
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) v[i] = Math.sin(0.05 * i);
        Path model = dir.resolve("m");
        // --bins 4 gives at most 4 regression rows for 20 features.
        assertRefused(CliTest.run("train", "--data", csv("few.csv", v).toString(), "--bins", "4", "--neurons", "20",
                "-o", model.toString()), model, "occupy 4 bin(s) of 4", "at least 10", "--bins");
    }

    @Test
    void aDenseNetworkSmallerThanTheSystemIsRefused() {
        Path model = dir.resolve("m");
        assertRefused(CliTest.run("train", "lorenz", "--neurons", "2", "--connectivity", "full-rank", "-o", model.toString()),
                model, "--neurons = 2", "dimension 3", "N must be ≥ 3");
    }

    @Test
    void tooFewSamplesForADenseFitAreRefused() {
        Path model = dir.resolve("m");
        assertRefused(CliTest.run("train", "lorenz", "--neurons", "30", "--samples", "4", "--connectivity", "full-rank",
                "-o", model.toString()), model, "samples = 4", "at least 10");
    }
}
