package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.io.ModelFiles;
import ddmatch.io.TrajectoryFiles;
import ddmatch.sde.DoubleWell;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ddmatch train --data}: a model from a trajectory file, its provenance, and usage errors. */
class DataTrainCliTest {
    @TempDir
    Path dir;

    Path writeData(String name) throws Exception {
        DoubleWell dw = new DoubleWell(0.7);
        Trajectory t = new Integrator(EulerMaruyama.INSTANCE).solve(dw, dw.initialState(), 0, 0.01, 20_000,
                new GaussianIncrements(1, 3), SaveAt.everyStep(), Observable.identity(1));
        Path file = dir.resolve(name);
        TrajectoryFiles.write(file, t, new String[] {"z"});
        return file;
    }

    @Test
    void trainsFromDataAndRecordsTheFileAndItsChecksum() throws Exception {
        Path data = writeData("dw.npy");
        Path model = dir.resolve("model");
        CliTest.Run r = CliTest.run("train", "--data", data.toString(), "--neurons", "50", "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        ModelFiles.SavedModel saved = ModelFiles.load(model);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(data)));
        assertThat(saved.training()).containsEntry("dataDriven", true).containsEntry("dataSha256", sha)
                .containsEntry("dataRows", 20_001).containsEntry("dataInterval", 0.01);
        assertThat(saved.system()).isEqualTo("data:dw.npy");
        // The network's noise, read out in z: σ² = 0.49 estimated from 2·10⁴ increments (sampling error 1%).
        double s = saved.network().noiseGain()[0] * saved.network().standardization().scale(0);
        assertThat(s * s).isCloseTo(0.49, org.assertj.core.api.Assertions.within(0.49 * 0.05));
        // It simulates like any other model.
        CliTest.Run sim = CliTest.run("simulate", model.toString(), "--time", "5", "-o", dir.resolve("out.csv").toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        assertThat(TrajectoryFiles.read(dir.resolve("out.csv")).rows()).isEqualTo(501);
    }

    @Test
    void usageErrors() throws Exception {
        Path out = dir.resolve("never");
        CliTest.Run none = CliTest.run("train", "-o", out.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("SYSTEM").contains("--data");
        Path data = writeData("d.csv");
        CliTest.Run bad = CliTest.run("train", "--data", data.toString(), "--noise", "pink", "-o", out.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--noise").contains("pink");
        CliTest.Run dim = CliTest.run("train", "lorenz", "--data", data.toString(), "-o", out.toString());
        assertThat(dim.code()).isEqualTo(2);
        assertThat(dim.err()).contains("dimension");
        assertThat(out).doesNotExist();
    }
}
