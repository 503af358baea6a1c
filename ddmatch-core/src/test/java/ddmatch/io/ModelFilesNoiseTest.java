package ddmatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.rnn.Activation;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.sde.NoiseType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files of networks with state-dependent noise S(x) = K φ(x) + k, and old files without the "noise" field. */
class ModelFilesNoiseTest {
    @TempDir
    Path tmp;

    static RateNetwork network(int n, int d, int m, boolean stateDependent) {
        SplittableRandom rng = new SplittableRandom(5);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = rng.nextDouble(-1, 1) / Math.sqrt(n);
        double[] k = new double[d * m];
        for (int i = 0; i < k.length; i++) k[i] = rng.nextDouble(-0.5, 0.5);
        double[] kw = null;
        if (stateDependent) {
            kw = new double[d * m * n];
            for (int i = 0; i < kw.length; i++) kw[i] = rng.nextDouble(-0.1, 0.1);
        }
        return new RateNetwork("network-test", Embedding.random(n, d, 2.0, 7), w, k, kw, m, 0.5, Activation.TANH,
                new Standardization(new double[d], ones(d)), 0.01);
    }

    static double[] ones(int d) {
        double[] o = new double[d];
        java.util.Arrays.fill(o, 1.0);
        return o;
    }

    static ModelFiles.SavedModel model(RateNetwork net) {
        return new ModelFiles.SavedModel(net, "test", Map.of(), Map.of("seed", 1));
    }

    @Test
    void stateDependentNoiseRoundTripsBitIdentically() throws Exception {
        RateNetwork net = network(15, 2, 2, true);
        Path dir = tmp.resolve("m");
        ModelFiles.save(model(net), dir);
        assertThat(Files.readString(dir.resolve("model.json"))).contains("\"noise\": \"state-dependent\"", "\"K\"");
        RateNetwork back = ModelFiles.load(dir).network();
        assertThat(back.noiseType()).isEqualTo(NoiseType.GENERAL);
        double[] x = new double[15];
        for (int j = 0; j < 15; j++) x[j] = Math.sin(j);
        double[] a = new double[15 * 2], b = new double[15 * 2];
        net.diffusion(0, x, a);
        back.diffusion(0, x, b);
        assertThat(b).containsExactly(a);
        // S(x) differs between two states: the noise really depends on the state.
        double[] s1 = new double[4], s2 = new double[4];
        net.noiseGainAt(x, s1);
        net.noiseGainAt(new double[15], s2);
        assertThat(s1).isNotEqualTo(s2);
    }

    @Test
    void constantNoiseFilesHaveNoKAndOldFilesWithoutTheFieldLoad() throws Exception {
        RateNetwork net = network(12, 2, 2, false);
        Path dir = tmp.resolve("c");
        ModelFiles.save(model(net), dir);
        assertThat(dir.resolve("K.npy")).doesNotExist();
        String json = Files.readString(dir.resolve("model.json"));
        assertThat(json).contains("\"noise\": \"constant\"");
        Files.writeString(dir.resolve("model.json"), json.replace("  \"noise\": \"constant\",\n", ""));
        RateNetwork back = ModelFiles.load(dir).network();
        assertThat(back.noiseType()).isEqualTo(NoiseType.ADDITIVE);
        assertThat(back.noiseGain()).containsExactly(net.noiseGain());
    }

    @Test
    void corruptedOrMissingKIsRefused() throws Exception {
        Path dir = tmp.resolve("k");
        ModelFiles.save(model(network(10, 1, 1, true)), dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("K.npy"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(dir.resolve("K.npy"), bytes);
        assertThatThrownBy(() -> ModelFiles.load(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("K.npy").hasMessageContaining("SHA-256");
        Path dir2 = tmp.resolve("k2");
        ModelFiles.save(model(network(10, 1, 1, true)), dir2);
        String json = Files.readString(dir2.resolve("model.json"));
        Files.writeString(dir2.resolve("model.json"), json.replace("\"noise\": \"state-dependent\"", "\"noise\": \"wobbly\""));
        assertThatThrownBy(() -> ModelFiles.load(dir2)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("\"noise\"");
    }
}
