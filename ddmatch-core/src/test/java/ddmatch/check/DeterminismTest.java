package ddmatch.check;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.io.ModelFiles;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Lorenz;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.Trajectory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed ⇒ bit-identical model and trajectory; a saved and reloaded model simulates identically. */
class DeterminismTest {

    @Test
    void sameSeedSameModelAndReloadedModelSimulatesIdentically(@TempDir Path dir) throws Exception {
        Lorenz noisy = new Lorenz(10, 28, 8.0 / 3.0, 2.0);
        MatchConfig cfg = MatchConfig.defaults(120, 17).withSampling(MatchConfig.defaults(120, 17).sampling().withSamples(1500));
        TrainingResult a = DriftMatcher.train(noisy, cfg, ProgressListener.NONE);
        TrainingResult b = DriftMatcher.train(noisy, cfg, ProgressListener.NONE);
        assertThat(a.network().readInWeights()).isEqualTo(b.network().readInWeights());
        assertThat(a.network().embedding().u()).isEqualTo(b.network().embedding().u());
        assertThat(a.network().embedding().tonic()).isEqualTo(b.network().embedding().tonic());
        assertThat(a.ridge().lambda()).isEqualTo(b.ridge().lambda());

        TrainingResult other = DriftMatcher.train(noisy, cfg.withSeed(18), ProgressListener.NONE);
        assertThat(other.network().readInWeights()).isNotEqualTo(a.network().readInWeights());

        RateNetwork net = a.network();
        Trajectory t1 = EndToEndChecks.simulateReadout(net, net.stateFor(noisy.initialState()), 0.01, 3000, 1, 5);
        Trajectory t2 = EndToEndChecks.simulateReadout(b.network(), net.stateFor(noisy.initialState()), 0.01, 3000, 1, 5);
        assertThat(t1.values()).isEqualTo(t2.values());

        Path m = dir.resolve("model");
        ModelFiles.save(new ModelFiles.SavedModel(net, "lorenz-noisy", Map.of("noise", 2.0), ModelFiles.trainingMetadata(a)), m);
        RateNetwork loaded = ModelFiles.load(m).network();
        Trajectory t3 = EndToEndChecks.simulateReadout(loaded, loaded.stateFor(noisy.initialState()), 0.01, 3000, 1, 5);
        assertThat(t3.values()).isEqualTo(t1.values());
    }
}
