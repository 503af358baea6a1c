package ddmatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.io.ModelFiles.SavedModel;
import ddmatch.rnn.Activation;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path tmp;

    private static RateNetwork network(int n, int d, int m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = rng.nextDouble(-1, 1) / Math.sqrt(n);
        double[] s = new double[d * m];
        for (int i = 0; i < s.length; i++) s[i] = rng.nextDouble(-0.5, 0.5);
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int k = 0; k < d; k++) {
            mean[k] = rng.nextDouble(-3, 3);
            scale[k] = rng.nextDouble(0.1, 10);
        }
        return new RateNetwork("network-test", Embedding.random(n, d, 2.0, 7), w, s, m, 0.1 + rng.nextDouble(),
                Activation.TANH, new Standardization(mean, scale), 0.01);
    }

    private static SavedModel model(RateNetwork net) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("seed", 42L);
        training.put("lambda", 1.25e-3);
        training.put("gcv", Double.NaN);
        training.put("form", "primal");
        training.put("samples", 500);
        training.put("atGridEdge", false);
        return new SavedModel(net, "lorenz", Map.of("sigma", 10.0, "rho", 28.0, "beta", 8.0 / 3), training);
    }

    private static void assertBitIdentical(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).as("element %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    @Test
    void roundTripSimulatesBitIdentically() throws IOException {
        RateNetwork net = network(20, 3, 3, 1);
        SavedModel saved = model(net);
        Path dir = tmp.resolve("model");
        ModelFiles.save(saved, dir);
        SavedModel loaded = ModelFiles.load(dir);
        RateNetwork back = loaded.network();

        assertThat(back.name()).isEqualTo(net.name());
        assertThat(back.neurons()).isEqualTo(20);
        assertThat(back.latentDimension()).isEqualTo(3);
        assertThat(back.noiseDimension()).isEqualTo(3);
        assertThat(back.activation()).isEqualTo(net.activation());
        assertThat(Double.doubleToRawLongBits(back.tau())).isEqualTo(Double.doubleToRawLongBits(net.tau()));
        assertThat(back.defaultTimeStep()).isEqualTo(net.defaultTimeStep());
        assertBitIdentical(back.readInWeights(), net.readInWeights());
        assertThat(loaded.system()).isEqualTo("lorenz");
        assertThat(loaded.systemParameters()).isEqualTo(saved.systemParameters());
        assertThat(loaded.training()).isEqualTo(saved.training());

        SplittableRandom rng = new SplittableRandom(99);
        for (int trial = 0; trial < 10; trial++) {
            double[] x = new double[20];
            for (int j = 0; j < x.length; j++) x[j] = rng.nextDouble(-4, 4);
            double[] f1 = new double[20];
            double[] f2 = new double[20];
            net.drift(0.0, x, f1);
            back.drift(0.0, x, f2);
            assertBitIdentical(f2, f1);
            double[] g1 = new double[20 * 3];
            double[] g2 = new double[20 * 3];
            net.diffusion(0.0, x, g1);
            back.diffusion(0.0, x, g2);
            assertBitIdentical(g2, g1);
            double[] z1 = new double[3];
            double[] z2 = new double[3];
            net.readout(x, z1);
            back.readout(x, z2);
            assertBitIdentical(z2, z1);
        }
    }

    @Test
    void deterministicNetworkWithEmptyNoiseGainRoundTrips() throws IOException {
        RateNetwork net = network(5, 2, 0, 3);
        Path dir = tmp.resolve("det");
        ModelFiles.save(new SavedModel(net, "double-well", Map.of(), Map.of()), dir);
        RateNetwork back = ModelFiles.load(dir).network();
        assertThat(back.noiseDimension()).isZero();
        assertThat(Npy.read(dir.resolve("S.npy")).shape()).containsExactly(2, 0);
        assertBitIdentical(back.readInWeights(), net.readInWeights());
    }

    @Test
    void savingTwiceGivesIdenticalBytesAndReplacesAModelDirectory() throws IOException {
        SavedModel m = model(network(20, 3, 3, 1));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ModelFiles.save(m, a);
        ModelFiles.save(m, b);
        for (String f : List.of("model.json", "U.npy", "W.npy", "b.npy", "S.npy")) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        String json = Files.readString(a.resolve("model.json"));
        assertThat(json).contains("\"format\": \"ddmatch-model\"", "\"formatVersion\": 1", "\"sha256\"")
                .doesNotContain("\r");

        // Overwrite an existing model directory with a different model: it must load as the new one.
        RateNetwork other = network(8, 2, 1, 5);
        ModelFiles.save(new SavedModel(other, "rotating-ou", Map.of(), Map.of()), a);
        SavedModel back = ModelFiles.load(a);
        assertThat(back.network().neurons()).isEqualTo(8);
        assertThat(back.system()).isEqualTo("rotating-ou");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void savingIntoAnEmptyDirectoryWorks() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        ModelFiles.save(model(network(6, 2, 2, 4)), dir);
        assertThat(ModelFiles.load(dir).network().neurons()).isEqualTo(6);
    }

    @Test
    void flippedByteInAnArrayIsDetected() throws IOException {
        Path dir = tmp.resolve("model");
        ModelFiles.save(model(network(20, 3, 3, 1)), dir);
        Path w = dir.resolve("W.npy");
        byte[] bytes = Files.readAllBytes(w);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(w, bytes);
        assertThatThrownBy(() -> ModelFiles.load(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("W.npy").hasMessageContaining("SHA-256 mismatch");
    }

    @Test
    void newerFormatVersionIsRefusedNamingBothVersions() throws IOException {
        Path dir = tmp.resolve("model");
        ModelFiles.save(model(network(20, 3, 3, 1)), dir);
        editJson(dir, "\"formatVersion\": 1", "\"formatVersion\": 99");
        assertThatThrownBy(() -> ModelFiles.load(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("model format version 99 is newer than this ddmatch supports (1); upgrade ddmatch");
    }

    @Test
    void truncatedJsonIsRefusedWithItsLocation() throws IOException {
        Path dir = tmp.resolve("model");
        ModelFiles.save(model(network(20, 3, 3, 1)), dir);
        Path json = dir.resolve("model.json");
        byte[] bytes = Files.readAllBytes(json);
        Files.write(json, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelFiles.load(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("model.json:").hasMessageContaining("not valid JSON")
                .hasMessageMatching("(?s).*model\\.json:\\d+:\\d+: .*");
    }

    @Test
    void missingFilesAreRefused() throws IOException {
        Path dir = tmp.resolve("model");
        ModelFiles.save(model(network(20, 3, 3, 1)), dir);
        Files.delete(dir.resolve("b.npy"));
        assertThatThrownBy(() -> ModelFiles.load(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("b.npy").hasMessageContaining("missing");
        Files.delete(dir.resolve("model.json"));
        assertThatThrownBy(() -> ModelFiles.load(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("model.json").hasMessageContaining("missing");
    }

    @Test
    void invalidFieldsAreRefusedWithTheFieldAndValue() throws IOException {
        Path dir = tmp.resolve("model");
        ModelFiles.save(model(network(20, 3, 3, 1)), dir);
        String original = Files.readString(dir.resolve("model.json"));
        String tau = original.replaceAll("\"tau\": [^,]+", "\"tau\": -1.5");
        String[][] cases = {
            {original.replace("\"ddmatch-model\"", "\"other\""), "\"format\""},
            {original.replace("\"formatVersion\": 1", "\"formatVersion\": 0"), "version 0 is unknown"},
            {tau, "\"tau\" = -1.5"},
            {original.replace("\"tanh\"", "\"relu\""), "\"relu\""},
            {original.replace("\"neurons\": 20", "\"neurons\": 2"), "N ≥ latentDimension"},
            {original.replace("\"neurons\": 20", "\"neurons\": \"20\""), "\"neurons\""},
            {original.replace("\"neurons\": 20,", "\"neurons\": 20, \"extra\": 1,"), "unknown field \"extra\""},
            {original.replace("\"noiseDimension\": 3", "\"noiseDimension\": 2"), "arrays.S.shape"},
            {original.replace("\"system\": \"lorenz\",", ""), "\"system\" is missing"},
            {original.replace("\"format\": \"ddmatch-model\",", "\"format\": \"ddmatch-model\", \"format\": 1,"), "model.json"},
            {"[1, 2]", "JSON object"},
            {"", "empty"},
        };
        for (String[] c : cases) {
            Files.writeString(dir.resolve("model.json"), c[0]);
            assertThatThrownBy(() -> ModelFiles.load(dir)).as(c[1]).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("model.json").hasMessageContaining(c[1]);
        }
    }

    @Test
    void nonFiniteArrayValueWithMatchingChecksumIsRefused() throws Exception {
        Path dir = tmp.resolve("model");
        ModelFiles.save(model(network(20, 3, 3, 1)), dir);
        double[] u = Npy.read(dir.resolve("U.npy")).data();
        u[5] = Double.NaN;
        Npy.write(dir.resolve("U.npy"), u, 20, 3);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("U.npy"))));
        String json = Files.readString(dir.resolve("model.json"));
        json = json.replaceFirst("(\"U\": \\{[^}]*\"sha256\": \")[0-9a-f]{64}", "$1" + sha);
        Files.writeString(dir.resolve("model.json"), json);
        assertThatThrownBy(() -> ModelFiles.load(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("U.npy").hasMessageContaining("element 5 = NaN");
    }

    @Test
    void savingOverUnrelatedFilesIsRefusedAndLeavesThemUntouched() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("photos"));
        Files.writeString(dir.resolve("holiday.txt"), "keep me");
        assertThatThrownBy(() -> ModelFiles.save(model(network(20, 3, 3, 1)), dir))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining(dir.toString())
                .hasMessageContaining("holiday.txt");
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactly("holiday.txt");
        }
        assertThat(Files.readString(dir.resolve("holiday.txt"))).isEqualTo("keep me");

        // A model.json that is not ours is not a licence to overwrite either.
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"someone-else\"}");
        assertThatThrownBy(() -> ModelFiles.save(model(network(20, 3, 3, 1)), dir))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(dir.resolve("model.json"))).isEqualTo("{\"format\": \"someone-else\"}");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void trainingValuesAreNormalisedAndChecked() {
        RateNetwork net = network(4, 1, 0, 2);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("i", 3L);
        t.put("f", 0.5f);
        t.put("inf", "Infinity");
        SavedModel m = new SavedModel(net, "x", Map.of(), t);
        assertThat(m.training()).containsEntry("i", 3).containsEntry("f", 0.5)
                .containsEntry("inf", Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> new SavedModel(net, "x", Map.of(), Map.of("bad", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad");
    }

    /** Temporary directories left next to the models. */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.map(p -> p.getFileName().toString()).filter(s -> s.contains(".tmp-")).toList();
        }
    }

    private static void editJson(Path dir, String from, String to) throws IOException {
        Path json = dir.resolve("model.json");
        String s = Files.readString(json, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        Files.writeString(json, s.replace(from, to), StandardCharsets.UTF_8);
    }
}
