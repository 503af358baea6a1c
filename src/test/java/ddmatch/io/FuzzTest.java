package ddmatch.io;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.rnn.Activation;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds seeded, generated malformed inputs to every parser and loader: each case must either parse or end in the
 * documented {@link DataFormatException} (an {@link IllegalArgumentException}) — never another exception, never a
 * hang (each case is timed), never an out-of-memory. Past failures are kept as files under
 * {@code src/test/resources/ddmatch/io/fuzz-regressions/} and replayed first.
 */
class FuzzTest {
    /** Per-case time bound in milliseconds: generous for a loaded 2-core machine, tiny for a hang. */
    private static final long CASE_MILLIS = 2000;

    @TempDir
    Path dir;

    interface Parser {
        void parse(byte[] input) throws Exception;
    }

    private static int runCases(String what, List<byte[]> cases, Parser parser) {
        int rejected = 0;
        for (int i = 0; i < cases.size(); i++) {
            byte[] input = cases.get(i);
            long start = System.nanoTime();
            try {
                parser.parse(input);
            } catch (IllegalArgumentException expected) {
                rejected++;
                assertThat(expected.getMessage()).as("%s case %d: message", what, i).isNotBlank();
            } catch (Throwable t) {
                throw new AssertionError(what + " case " + i + " threw " + t + " instead of a DataFormatException; input (base64): "
                        + java.util.Base64.getEncoder().encodeToString(input), t);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).as("%s case %d took %d ms", what, i, ms).isLessThan(CASE_MILLIS);
        }
        return rejected;
    }

    /** Mutations of a valid input: truncation, byte flips, insertions, deletions, repeated chunks, garbage. */
    private static List<byte[]> mutate(byte[] valid, int count, long seed, String[] tokens) {
        SplittableRandom r = new SplittableRandom(seed);
        List<byte[]> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            byte[] b = valid.clone();
            int kind = r.nextInt(7);
            switch (kind) {
                case 0 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 1 -> {
                    int flips = 1 + r.nextInt(4);
                    for (int k = 0; k < flips; k++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                case 2 -> {
                    String t = tokens[r.nextInt(tokens.length)];
                    int at = r.nextInt(b.length + 1);
                    b = splice(b, at, at, t.getBytes(StandardCharsets.UTF_8));
                }
                case 3 -> {
                    int from = r.nextInt(b.length);
                    int to = Math.min(b.length, from + 1 + r.nextInt(16));
                    b = splice(b, from, to, new byte[0]);
                }
                case 4 -> {
                    String t = tokens[r.nextInt(tokens.length)];
                    int from = r.nextInt(b.length);
                    int to = Math.min(b.length, from + 1 + r.nextInt(8));
                    b = splice(b, from, to, t.getBytes(StandardCharsets.UTF_8));
                }
                case 5 -> {
                    byte[] g = new byte[r.nextInt(200)];
                    for (int k = 0; k < g.length; k++) g[k] = (byte) r.nextInt(256);
                    b = g;
                }
                default -> {
                    // Invalid UTF-8 sequences.
                    int at = r.nextInt(b.length + 1);
                    b = splice(b, at, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
                }
            }
            out.add(b);
        }
        return out;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    private static List<byte[]> regressions(String prefix) throws IOException {
        List<byte[]> out = new ArrayList<>();
        var url = FuzzTest.class.getResource("/ddmatch/io/fuzz-regressions");
        if (url == null) {
            return out;
        }
        try (Stream<Path> files = Files.list(Path.of(java.net.URI.create(url.toString())))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void npyReaderRejectsEveryMalformedFileWithTheDocumentedError() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Npy.write(bos, new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        String[] tokens = {"(100000000000,)", "(-1, 2)", "'<f8'", "'>f8'", "'|O'", "True", "{", "}", "(3, 2, 2)", "\u0000",
                "99999999999999999999", "'fortran_order': True", "NaN"};
        List<byte[]> cases = new ArrayList<>(regressions("npy-"));
        cases.addAll(mutate(bos.toByteArray(), 4000, 11, tokens));
        int rejected = runCases("npy", cases, in -> {
            try (InputStream s = new ByteArrayInputStream(in)) {
                Npy.read(s, "fuzz.npy");
            }
        });
        assertThat(rejected).isGreaterThan(cases.size() / 2);
    }

    @Test
    void csvReaderRejectsEveryMalformedFileWithTheDocumentedError() throws Exception {
        byte[] valid = "t,x,y\n0.0,1.5,-2\n0.1,1.25,NaN\n0.2,1e-3,4\n".getBytes(StandardCharsets.UTF_8);
        String[] tokens = {",", "\n", "\"", "Infinity", "-Inf", "1e999", "abc", ",,", "\r\n", "0x1p3", "  ", "\uFEFF"};
        List<byte[]> cases = new ArrayList<>(regressions("csv-"));
        cases.addAll(mutate(valid, 3000, 12, tokens));
        Path f = dir.resolve("fuzz.csv");
        runCases("csv", cases, in -> {
            Files.write(f, in);
            Csv.read(f);
        });
    }

    @Test
    void modelLoaderRejectsEveryMalformedModelFileWithTheDocumentedError() throws Exception {
        int n = 8, d = 2, m = 2;
        SplittableRandom r = new SplittableRandom(4);
        double[] w = new double[d * n];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-1, 1);
        RateNetwork net = new RateNetwork("fuzz", Embedding.random(n, d, 2.0, 5), w, new double[] {0.3, 0, 0, 0.3}, m, 1.0,
                Activation.TANH, Standardization.identity(d), 0.01);
        Path model = dir.resolve("model");
        ModelFiles.save(new ModelFiles.SavedModel(net, "ou", Map.of("theta", 1.0), Map.of("seed", 1L)), model);
        byte[] json = Files.readAllBytes(model.resolve("model.json"));
        String[] tokens = {"null", "\"x\"", "-1", "1e999", "NaN", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{}", "[]", "\"formatVersion\": 2,",
                "2147483648", "\"neurons\": 100000000,", "true", ",", "\"tau\": 0,", "\"activation\": \"relu\","};
        List<byte[]> cases = new ArrayList<>(regressions("model-"));
        cases.addAll(mutate(json, 3000, 13, tokens));
        Path target = model.resolve("model.json");
        runCases("model", cases, in -> {
            Files.write(target, in);
            ModelFiles.load(model);
        });
    }
}
