package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.io.ModelFiles;
import ddmatch.rnn.RateNetwork;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ddmatch train --connectivity dale}: a low-rank Dale network saved as a factored model with its population
 * weights W0.npy and the loss curve, read back exactly, simulated by {@code simulate}.
 */
class DaleTrainCliTest {
    @TempDir
    Path dir;

    @Test
    void daleModelIsSignExactReloadsBitIdenticallyAndSimulates() throws Exception {
        Path out = dir.resolve("dale");
        CliTest.Run r = CliTest.run("train", "double-well", "--neurons", "60", "--samples", "800", "--seed", "3",
                "--connectivity", "dale", "--excitatory", "0.75", "--iterations", "300", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Dale's law, 45 excitatory of 60").contains("loss");
        ModelFiles.SavedModel m = ModelFiles.load(out);
        RateNetwork net = m.network();
        assertThat(net.hasPopulationMode()).isTrue();
        assertThat(m.training()).containsEntry("connectivity", "dale").containsEntry("excitatory", 45)
                .containsEntry("iterations", 300).containsEntry("balanceJitterRule", "noise-spread").containsEntry("lossCurveEvery", 2);
        // The loss curve (computed after every k-th iteration, k = ⌈300 / 200⌉ = 2: 150 entries) is stored and decreases.
        @SuppressWarnings("unchecked")
        List<Double> curve = (List<Double>) m.training().get("lossCurve");
        assertThat(curve).hasSize(150);
        assertThat(curve.get(149)).isLessThan(curve.get(0));
        // J = U W + 1 w₀ᵀ, entry by entry: column j ≥ 0 for the 45 excitatory units, ≤ 0 for the others.
        int n = 60;
        double[] u = net.embedding().u();
        double[] w = net.readInWeights();
        double[] w0 = net.populationWeights();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double jij = u[i] * w[j] + w0[j];
                if (j < 45) {
                    assertThat(jij).as("J[%d][%d]", i, j).isGreaterThanOrEqualTo(0.0);
                } else {
                    assertThat(jij).as("J[%d][%d]", i, j).isLessThanOrEqualTo(0.0);
                }
            }
        }
        // Round trip: the reloaded model drifts bit-identically.
        double[] x = net.stateFor(new double[] {0.3});
        double[] a = new double[n], b = new double[n];
        net.drift(0, x, a);
        ModelFiles.load(out).network().drift(0, x, b);
        assertThat(b).containsExactly(a);

        Path traj = dir.resolve("dw.csv");
        CliTest.Run s = CliTest.run("simulate", out.toString(), "--time", "5", "-o", traj.toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(java.nio.file.Files.readAllLines(traj).get(0)).isEqualTo("t,z0");

        // analyze reads it like any other model and reports the population mean next to the manifold distance.
        Path json = dir.resolve("analysis.json");
        CliTest.Run an = CliTest.run("analyze", out.toString(), "--time", "200", "--metrics", "drift", "-o", json.toString());
        assertThat(an.code()).as(an.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode sim = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile()).get("metrics").get("simulation");
        assertThat(sim.get("manifoldDistanceMax").asDouble()).isLessThan(1e-10);   // exact transverse decay
        assertThat(sim.get("populationMeanMax").asDouble()).isLessThan(0.5);
    }

    @Test
    void anExcitatoryFractionOutsideTheUnitIntervalIsAUsageError() {
        CliTest.Run r = CliTest.run("train", "double-well", "--neurons", "20", "--samples", "100",
                "--connectivity", "dale", "--excitatory", "1.5", "-o", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("excitatory").contains("1.5");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aNegativeBalanceJitterIsAUsageError() {
        CliTest.Run r = CliTest.run("train", "double-well", "--neurons", "20", "--samples", "100",
                "--connectivity", "dale", "--balance-jitter", "-0.5", "-o", dir.resolve("y").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--balance-jitter").contains("-0.5");
        assertThat(dir.resolve("y")).doesNotExist();
    }
}
