package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.fit.Sampler;
import ddmatch.io.Csv;
import ddmatch.io.ModelFiles;
import ddmatch.io.Npy;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.Ensemble;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ddmatch simulate --trajectories K}: every trajectory in the file is, bit for bit, the run of the loaded network
 * from the same start with the noise stream seeded by {@code Ensemble.trajectorySeed(--seed, k)}, for a d = 3 network
 * (stepped in lock step where the kernels have it) and a d = 1 one, on 1 and 2 threads, in .npy and .csv.
 */
class SimulateTrajectoriesCliTest {
    @TempDir
    Path dir;

    @Test
    void eachTrajectoryIsItsOwnRunBitForBitOnAnyThreadCount() throws Exception {
        for (String system : new String[] {"lorenz-noisy", "double-well"}) {
            Path model = dir.resolve(system);
            CliTest.Run t = CliTest.run("train", system, "--neurons", "80", "--samples", "600", "-o", model.toString());
            assertThat(t.code()).as(t.err()).isZero();
            RateNetwork net = ModelFiles.load(model).network();
            var target = SystemCatalog.get(system).create(Map.of());
            double dt = net.defaultTimeStep();
            long steps = Math.round(3.0 / dt);
            int k = 5, every = 4;
            int d = net.latentDimension();
            Trajectory[] direct = new Trajectory[k];
            for (int i = 0; i < k; i++) {
                direct[i] = new Integrator(Sampler.schemeFor(net)).solve(net, net.stateFor(target.initialState()), 0, dt,
                        steps, new GaussianIncrements(net.noiseDimension(), Ensemble.trajectorySeed(9, i)),
                        new SaveAt(every, true), net.readoutObservable());
            }
            int rows = direct[0].rows();
            byte[] first = null;
            for (String threads : new String[] {"1", "2"}) {
                Path npy = dir.resolve(system + "-" + threads + ".npy");
                CliTest.Run s = CliTest.run("simulate", model.toString(), "--time", "3", "--every", "" + every, "--seed", "9",
                        "--trajectories", "" + k, "--threads", threads, "-o", npy.toString());
                assertThat(s.code()).as(s.err()).isZero();
                assertThat(s.out()).contains(k + " trajectories on " + threads + " threads").contains("wrote " + k * rows + " rows");
                Npy.NpyArray a = Npy.read(npy);
                assertThat(a.shape()).containsExactly(k * rows, 2 + d);
                double[] data = a.data();
                for (int i = 0; i < k; i++) {
                    for (int r = 0; r < rows; r++) {
                        int o = (i * rows + r) * (2 + d);
                        assertThat(data[o]).isEqualTo(i);
                        // The step times on the decimal grid, r·every·dt rounded once (e.g. 1.4, not 1.4000000000000001).
                        assertThat(data[o + 1]).isEqualTo(new java.math.BigDecimal(Double.toString(dt))
                                .multiply(java.math.BigDecimal.valueOf((long) r * every)).doubleValue());
                        assertThat(data[o + 1]).isCloseTo(direct[i].time(r), org.assertj.core.api.Assertions.within(1e-12));
                        for (int c = 0; c < d; c++) {
                            assertThat(data[o + 2 + c]).as("%s, trajectory %d, row %d", system, i, r)
                                    .isEqualTo(direct[i].values()[r * d + c]);
                        }
                    }
                }
                byte[] bytes = Files.readAllBytes(npy);
                if (first == null) first = bytes;
                assertThat(bytes).as("the file for %s threads", threads).isEqualTo(first);
            }
            assertThat(direct[0].values()).isNotEqualTo(direct[1].values());
            Path csv = dir.resolve(system + ".csv");
            CliTest.Run c = CliTest.run("simulate", model.toString(), "--time", "3", "--every", "" + every, "--seed", "9",
                    "--trajectories", "" + k, "-o", csv.toString());
            assertThat(c.code()).as(c.err()).isZero();
            String header = Files.readAllLines(csv).get(0);
            assertThat(header).startsWith("trajectory,t,z0");
            Csv.CsvTable table = Csv.read(csv);
            assertThat(table.rows()).isEqualTo(k * rows);
            // The index is written as a whole number (the audit found "0.0"), the time on the decimal grid.
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(1)).startsWith("0,0.0,");
            assertThat(lines.get(1 + rows)).startsWith("1,0.0,");
            assertThat(lines.get(1 + rows - 1)).startsWith("0," + new java.math.BigDecimal(Double.toString(dt))
                    .multiply(java.math.BigDecimal.valueOf((long) (rows - 1) * every)).doubleValue() + ",");
            for (String line : lines.subList(1, lines.size())) {
                assertThat(line.split(",")[1]).as("a time of at most 3 on a grid of %s", dt).hasSizeLessThan(8);
            }
        }
    }

    @Test
    void badCountsAndCheckpointsAreRefused() throws Exception {
        Path model = dir.resolve("m");
        CliTest.Run t = CliTest.run("train", "double-well", "--neurons", "30", "--samples", "300", "-o", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        Path out = dir.resolve("z.npy");
        CliTest.Run zero = CliTest.run("simulate", model.toString(), "--time", "1", "--trajectories", "0", "-o", out.toString());
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--trajectories = 0 is not allowed; it must be ≥ 1");
        CliTest.Run ckpt = CliTest.run("simulate", model.toString(), "--time", "1", "--trajectories", "3", "--checkpoint",
                dir.resolve("c.json").toString(), "-o", out.toString());
        assertThat(ckpt.code()).isEqualTo(2);
        assertThat(ckpt.err()).contains("--trajectories = 3 is not allowed with --checkpoint");
        assertThat(Files.exists(out)).isFalse();
    }
}
