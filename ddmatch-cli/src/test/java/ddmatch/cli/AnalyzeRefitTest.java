package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.fit.SamplingConfig;
import ddmatch.io.ModelFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ablation in {@code analyze} refits with exactly the sampling and λ choices the model was trained with. */
class AnalyzeRefitTest {
    @TempDir
    Path dir;

    @Test
    void refitUsesTheTrainedSamplerKindAndGivenLambda() throws Exception {
        Path model = dir.resolve("ou-box");
        CliTest.Run r = CliTest.run("train", "ou", "--neurons", "40", "--samples", "400", "--seed", "5",
                "--sampler", "box", "--lambda", "0.25", "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        var cfg = AnalyzeCommand.refitConfig(ModelFiles.load(model));
        assertThat(cfg).isNotNull();
        assertThat(cfg.sampling().kind()).isEqualTo(SamplingConfig.Kind.BOX);
        assertThat(cfg.sampling().samples()).isEqualTo(400);
        assertThat(cfg.lambda()).isEqualTo(0.25);
        assertThat(cfg.seed()).isEqualTo(5L);
        assertThat(cfg.neurons()).isEqualTo(40);
    }

    @Test
    void refitOfADefaultModelIsTrajectorySampledWithGcv() throws Exception {
        Path model = dir.resolve("ou-default");
        CliTest.Run r = CliTest.run("train", "ou", "--neurons", "40", "--samples", "400", "--seed", "5", "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        var cfg = AnalyzeCommand.refitConfig(ModelFiles.load(model));
        assertThat(cfg.sampling().kind()).isEqualTo(SamplingConfig.Kind.TRAJECTORY);
        assertThat(cfg.lambda()).isNaN();
    }
}
