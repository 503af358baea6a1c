package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.io.Csv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler, λ-selection and automatic-tuning options of {@code ddmatch train}. */
class TrainOptionsCliTest {
    @TempDir
    Path dir;

    static UserSystemCliTest.Run run(String... args) {
        return UserSystemCliTest.run(args);
    }

    @Test
    void aGridForMoreThanThreeDimensionsIsRefusedAndNothingWritten() {
        Path model = dir.resolve("m");
        var r = run("train", "lorenz96", "--sampler", "grid", "--neurons", "50", "-o", model.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--sampler = grid").contains("d ≤ 3");
        assertThat(Files.exists(model)).isFalse();
        var bad = run("train", "lorenz", "--sampler", "sobol", "-o", model.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--sampler = 'sobol'");
        var n = run("train", "lorenz", "--neurons", "many", "-o", model.toString());
        assertThat(n.code()).isEqualTo(2);
        assertThat(n.err()).contains("--neurons = 'many'").contains("'auto'");
        assertThat(Files.exists(model)).isFalse();
    }

    @Test
    void kFoldSelectionWritesItsCurveAndTheModelRecordsIt() throws Exception {
        Path model = dir.resolve("m");
        Path curve = dir.resolve("curve.csv");
        var r = run("train", "double-well", "--neurons", "40", "--samples", "600", "--sampler", "lhs",
                "--lambda-selection", "kfold", "--folds", "4", "--lambda-curve", curve.toString(), "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("λ curve (k_fold)");
        Csv.CsvTable t = Csv.read(curve);
        assertThat(t.rows()).isEqualTo(65);
        int evaluated = 0;
        for (int i = 0; i < t.rows(); i++) evaluated += Double.isNaN(t.data()[i * 2 + 1]) ? 0 : 1;
        assertThat(evaluated).isBetween(17, 24);
        String json = Files.readString(model.resolve("model.json"));
        assertThat(json).contains("\"sampler\": \"lhs\"").contains("\"lambdaSelection\": \"kfold\"");
    }

    @Test
    void autoNeuronsFindsASmallNetworkForTheDoubleWellAndReportsTheChoice() throws Exception {
        Path model = dir.resolve("m");
        var r = run("train", "double-well", "--neurons", "auto", "--drift-error", "1e-2", "--samples", "1000",
                "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained double-well: N = 25").contains("auto-tuned: σ_b = ");
        String json = Files.readString(model.resolve("model.json"));
        assertThat(json).contains("\"autoTuned\": true").contains("\"autoTuneCandidates\": ")
                .contains("\"autoTuneCandidate001\": \"round 0 seed 1 σ_b");
        // The table of simulated candidates and one progress line per simulation on stderr.
        assertThat(r.out()).contains("candidates fitted in").contains("verdict");
        assertThat(r.err()).contains("ddmatch train: auto-tune: round 0");
    }
}
