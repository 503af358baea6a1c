package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.fit.MatchConfig;
import ddmatch.fit.Sampler;
import ddmatch.fit.SamplingConfig;
import ddmatch.fit.SparseConfig;
import ddmatch.fit.SparseMatcher;
import ddmatch.io.ModelFiles;
import ddmatch.io.TrajectoryFiles;
import ddmatch.rnn.DenseRateNetwork;
import ddmatch.sde.DoubleWell;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ddmatch train --connectivity sparse}: the saved model is the library's fit bit for bit, records how its mask
 * was made, is simulated bit for bit by {@code simulate}; bad values are refused in one line, exit 2, nothing written.
 */
class SparseTrainCliTest {
    @TempDir
    Path dir;

    @Test
    void aBoundedSparseModelEqualsTheLibraryFitAndIsSimulatedBitForBit() throws Exception {
        Path model = dir.resolve("sp");
        CliTest.Run t = CliTest.run("train", "double-well", "--neurons", "60", "--samples", "800", "--seed", "3",
                "--connectivity", "sparse", "--connection-probability", "0.5", "--weight-bound", "0.5",
                "--iterations", "300", "-o", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("sparse, p = 0.5").contains("mask seed");

        MatchConfig cfg = new MatchConfig(60, 1.0, ddmatch.rnn.Activation.byId("tanh"), 2.0,
                new SamplingConfig(800, 0.1, 20.0, 0.1, 0.0, SamplingConfig.Kind.TRAJECTORY), Double.NaN, 3);
        SparseMatcher.Result direct = SparseMatcher.train(new DoubleWell(0.7), cfg,
                SparseConfig.of(0.5).withWeightBound(0.5).withIterations(300), ProgressListener.NONE);
        ModelFiles.SavedDenseModel saved = ModelFiles.loadDense(model);
        DenseRateNetwork net = saved.network();
        double[] j = net.connectivity();
        assertThat(j).containsExactly(direct.network().connectivity());
        for (double v : j) assertThat(Math.abs(v)).isLessThanOrEqualTo(0.5);
        Map<String, Object> tr = saved.training();
        assertThat(tr).containsEntry("connectivity", "sparse").containsEntry("connectionProbability", 0.5)
                .containsEntry("weightBound", 0.5).containsEntry("density", direct.density())
                .containsEntry("maskSeed", direct.maskSeed()).containsEntry("iterations", 300);
        assertThat((List<?>) tr.get("lossCurve")).hasSize(150);

        Path traj = dir.resolve("z.npy");
        CliTest.Run s = CliTest.run("simulate", model.toString(), "--time", "20", "--every", "3", "--seed", "7",
                "-o", traj.toString());
        assertThat(s.code()).as(s.err()).isZero();
        Trajectory cli = TrajectoryFiles.read(traj);
        double dt = net.defaultTimeStep();
        long steps = Math.round(20 / dt);
        Trajectory run = new Integrator(Sampler.schemeFor(net)).solve(net, net.stateFor(new DoubleWell(0.7).initialState()),
                0, dt, steps, new GaussianIncrements(net.noiseDimension(), 7), new SaveAt(3, true), net.readoutObservable());
        assertThat(cli.values()).containsExactly(run.values());
    }

    private void assertRefused(Path model, String[] fragments, String... extra) {
        String[] base = {"train", "double-well", "--neurons", "30", "--samples", "200", "--connectivity", "sparse",
                "-o", model.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliTest.Run r = CliTest.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        for (String f : fragments) assertThat(r.err()).contains(f);
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(model)).isFalse();
    }

    @Test
    void badValuesAreRefusedNamingOptionValueAndRange() {
        Path m = dir.resolve("bad");
        assertRefused(m, new String[] {"--connection-probability = 0.0", "(0, 1]"}, "--connection-probability", "0");
        assertRefused(m, new String[] {"--connection-probability = 1.5", "(0, 1]"}, "--connection-probability", "1.5");
        assertRefused(m, new String[] {"--weight-bound = 0.0", "> 0"}, "--weight-bound", "0");
        assertRefused(m, new String[] {"--weight-bound = -1.0", "> 0"}, "--weight-bound", "-1");
        assertRefused(m, new String[] {"--transverse-scale = -0.1", "≥ 0"}, "--transverse-scale", "-0.1");
        // N = 30, p = 0.05: a row has ~1.5 allowed columns; the double well (d = 1) needs 4 in each.
        assertRefused(m, new String[] {"--connection-probability = 0.05", "--neurons = 30", "at least 4"},
                "--connection-probability", "0.05");
        CliTest.Run r = CliTest.run("train", "double-well", "--neurons", "30", "--samples", "200", "--connectivity",
                "full-rank", "--weight-bound", "1", "-o", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--weight-bound").contains("full-rank");
        assertThat(Files.exists(m)).isFalse();
    }
}
