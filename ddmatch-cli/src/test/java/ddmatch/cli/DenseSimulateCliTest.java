package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ddmatch.fit.Sampler;
import ddmatch.io.ModelFiles;
import ddmatch.io.TrajectoryFiles;
import ddmatch.rnn.DenseRateNetwork;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dense (full-rank) models end to end through the CLI: train → simulate → analyze. */
class DenseSimulateCliTest {
    @TempDir
    Path dir;

    @Test
    void aFullRankModelIsSimulatedBitForBitAndAnalysed() throws Exception {
        Path model = dir.resolve("fr");
        CliTest.Run t = CliTest.run("train", "double-well", "--neurons", "60", "--samples", "800", "--seed", "3",
                "--connectivity", "full-rank", "--bulk-gain", "0.5", "-o", model.toString());
        assertThat(t.code()).as(t.err()).isZero();

        Path traj = dir.resolve("z.npy");
        CliTest.Run s = CliTest.run("simulate", model.toString(), "--time", "20", "--every", "3", "--seed", "7",
                "-o", traj.toString());
        assertThat(s.code()).as(s.err()).isZero();
        Trajectory cli = TrajectoryFiles.read(traj);

        // The same run done directly on the loaded DenseRateNetwork: same scheme, start, noise stream and sampling.
        DenseRateNetwork net = ModelFiles.loadDense(model).network();
        double dt = net.defaultTimeStep();
        long steps = Math.round(20 / dt);
        double[] z0 = SystemCatalog.get("double-well").create(Map.of()).initialState();
        Trajectory direct = new Integrator(Sampler.schemeFor(net)).solve(net, net.stateFor(z0), 0, dt, steps,
                new GaussianIncrements(net.noiseDimension(), 7), new SaveAt(3, true), net.readoutObservable());
        assertThat(cli.rows()).isEqualTo(direct.rows()).isEqualTo((int) (steps / 3) + 1);
        assertThat(cli.values()).containsExactly(direct.values());

        Path json = dir.resolve("a.json");
        CliTest.Run a = CliTest.run("analyze", model.toString(), "--time", "100", "--metrics", "drift,divergence,connectivity",
                "-o", json.toString());
        assertThat(a.code()).as(a.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("neurons").asInt()).isEqualTo(60);
        JsonNode m = root.get("metrics");
        // The full ΔJ cancels the bulk on the samples: the held-out drift error is that of a factored fit of this size
        // (≈1e-3 for the double well at N = 60) and the run stays on the manifold (‖(I − UP)(x − b)‖/√N).
        assertThat(m.get("drift").get("mean").asDouble()).isLessThan(0.02);
        assertThat(m.get("simulation").get("manifoldDistanceMax").asDouble()).isLessThan(1e-3);
        assertThat(m.get("simulation").get("rows").asInt()).isEqualTo((int) Math.round(100 / dt));
        assertThat(m.get("connectivity").get("note").asText()).contains("dense");
    }
}
