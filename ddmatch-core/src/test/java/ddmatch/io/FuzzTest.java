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
 * Feeds seeded, generated malformed inputs to every parser and loader (NPY, CSV, model files, YAML and JSON system
 * specs, expressions; about 14,000 cases, plus hostile structured inputs: deep nesting, 100,000 state variables, alias
 * bombs, NaN/Inf, non-UTF-8): each case must either parse or end in the
 * documented {@link DataFormatException} (an {@link IllegalArgumentException}) — never another exception, never a
 * hang (each case is timed), never an out-of-memory. Past failures are kept as files under
 * {@code src/test/resources/ddmatch/io/fuzz-regressions/} and replayed first.
 */
class FuzzTest {
    /** Per-case time bound in milliseconds: a hang guard, generous because a 2-core machine under a load average of 20 took 2.3 s for one YAML case. */
    private static final long CASE_MILLIS = 10_000;

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

    /** A valid YAML spec exercising parameters, inputs, drift, diffusion and initial state. */
    private static final String YAML_SPEC = """
            name: fuzzed
            state: [x, y]
            parameters: {a: 1.5, b: 0.2, s: 0.3}
            inputs:
              u: {type: pulses, period: 50, width: 2, amplitude: 1.5, start: 10}
            drift:
              x: a*x - x^3 + b*y + u
              y: -y + sin(x) * exp(-t/10)
            diffusion: s
            initial_state: [-1, 0.5]
            dt: 0.01
            """;

    private static final String JSON_SPEC = """
            {"name": "fuzzed", "state": ["x", "y"], "parameters": {"a": 1.5, "b": 0.2},
             "drift": {"x": "a*x - x^3 + b*y", "y": "-y + tanh(x)"}, "diffusion": 0.3,
             "initial_state": [-1, 0.5], "dt": 0.01}
            """;

    /** Structured hostile specs: deep nesting, huge dimensions, NaN/Inf, non-UTF-8, anchors and aliases. */
    private static List<byte[]> hostileSpecs(boolean json) {
        List<String> texts = new ArrayList<>();
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String deepMap = "{a: ".repeat(3000) + "1" + "}".repeat(3000);
        String deepExpr = "(".repeat(10_000) + "x" + ")".repeat(10_000);
        String longSum = "x" + "+x".repeat(4_999);
        StringBuilder manyStates = new StringBuilder();
        for (int i = 0; i < 100_000; i++) manyStates.append(i == 0 ? "" : ", ").append("s").append(i);
        if (json) {
            texts.add("{\"state\": " + deep + "}");
            texts.add("{\"state\": [\"x\"], \"drift\": {\"x\": \"" + deepExpr + "\"}}");
            texts.add("{\"state\": [\"x\"], \"drift\": {\"x\": \"" + longSum + "\"}}");
            texts.add("{\"state\": [" + manyStates.toString().replaceAll("(s\\d+)", "\"$1\"") + "], \"drift\": {}}");
            texts.add("{\"state\": [\"x\"], \"drift\": {\"x\": \"-x\"}, \"initial_state\": [NaN]}");
            texts.add("{\"state\": [\"x\"], \"drift\": {\"x\": \"-x\"}, \"dt\": 1e999}");
            texts.add("{\"state\": [\"x\"], \"parameters\": {\"a\": -Infinity}, \"drift\": {\"x\": \"a*x\"}}");
            texts.add("{\"state\": [\"x\"], \"drift\": {\"x\": \"-x\"}, \"diffusion\": [[1e308, 1e308], [1e308]]}");
        } else {
            texts.add("state: " + deep + "\n");
            texts.add("state: [x]\ndrift: " + deepMap + "\n");
            texts.add("state: [x]\ndrift:\n  x: '" + deepExpr + "'\n");
            texts.add("state: [x]\ndrift:\n  x: '" + longSum + "'\n");
            texts.add("state: [" + manyStates + "]\ndrift: {}\n");
            texts.add("state: [x]\ndrift: {x: -x}\ninitial_state: [.nan]\n");
            texts.add("state: [x]\ndrift: {x: -x}\ndt: .inf\n");
            texts.add("state: [x]\nparameters: {a: -.inf}\ndrift: {x: a*x}\n");
            texts.add("state: [x]\ndrift: {x: -x}\ninitial_state: [1e999]\n");
            // A billion laughs: aliases expanding exponentially.
            StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
            for (char c = 'b'; c <= 'j'; c++) {
                laughs.append(c).append(": &").append(c).append(" [");
                for (int k = 0; k < 9; k++) laughs.append(k == 0 ? "" : ",").append('*').append((char) (c - 1));
                laughs.append("]\n");
            }
            texts.add(laughs + "state: *j\n");
            texts.add("state: [x]\ndrift: {x: -x}\nname: !!java.io.File /etc/passwd\n");
            texts.add("state: [x]\ndrift: {x: -x}\ndiffusion: {x: {y: {z: 1}}}\n");
        }
        List<byte[]> out = new ArrayList<>();
        for (String t : texts) out.add(t.getBytes(StandardCharsets.UTF_8));
        // Non-UTF-8: Latin-1 bytes, a lone continuation byte, an overlong encoding, a UTF-16 BOM.
        out.add("state: [x\u00e9]\ndrift: {x\u00e9: -x\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
        out.add(new byte[] {'s', 't', 'a', 't', 'e', ':', ' ', (byte) 0x80, '\n'});
        out.add(new byte[] {(byte) 0xC0, (byte) 0xAF, '\n'});
        out.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 's', 0, 't', 0});
        return out;
    }

    @Test
    void specReaderRejectsEveryMalformedYamlSpecWithTheDocumentedError() throws Exception {
        String[] tokens = {"\n", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", ".nan", ".inf", "-.inf", "1e999",
                "x^^2", "((", "))", "sqrt(", "exp(1e9)", "  ", "\t", "'", "\"", "#", "state:", "drift:", "null", "~",
                "99999999999", "[x, x]", "pi", "t", "inputs:"};
        List<byte[]> cases = new ArrayList<>(regressions("yaml-"));
        cases.addAll(hostileSpecs(false));
        cases.addAll(mutate(YAML_SPEC.getBytes(StandardCharsets.UTF_8), 1000, 14, tokens));
        Path f = dir.resolve("fuzz.yaml");
        int rejected = runCases("yaml spec", cases, in -> {
            Files.write(f, in);
            SystemSpecs.load(f, Map.of());
        });
        assertThat(rejected).isGreaterThan(cases.size() / 2);
    }

    @Test
    void specReaderRejectsEveryMalformedJsonSpecWithTheDocumentedError() throws Exception {
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "null", "NaN", "-Infinity", "1e999", "\"x\"", "[[[[[[[[",
                "\\u0000", "\\ud800", "true", "\"state\": [],", "\"drift\": 1,", "//", "/*"};
        List<byte[]> cases = new ArrayList<>(regressions("json-"));
        cases.addAll(hostileSpecs(true));
        cases.addAll(mutate(JSON_SPEC.getBytes(StandardCharsets.UTF_8), 600, 15, tokens));
        Path f = dir.resolve("fuzz.json");
        int rejected = runCases("json spec", cases, in -> {
            Files.write(f, in);
            SystemSpecs.load(f, Map.of());
        });
        assertThat(rejected).isGreaterThan(cases.size() / 2);
    }

    @Test
    void expressionParserRejectsEveryMalformedExpressionWithTheDocumentedError() throws Exception {
        var symbols = ddmatch.sde.user.Symbols.of(List.of("x", "y"), List.of("a", "b"), List.of("u"));
        String valid = "a*x - x^3 + b*sin(y)*exp(-t/10) + u - 2.5e-3*(x - pi)^2 / (1 + abs(y))";
        String[] tokens = {"(", ")", "^", "^-", "**", "--", "+-", "1e999", "NaN", "Infinity", "0x1p3", "1e", ".", "..",
                "sin", "sin()", "atan2(x)", "max(x,y,", ",", "foo(", "t", "pi", "\u00b2", "\u2212", "\u0000", "x y",
                "9".repeat(400), "(".repeat(300), "-".repeat(300), "e", "E5", "_", "$", "\\"};
        List<byte[]> cases = new ArrayList<>(regressions("expr-"));
        cases.add(("(".repeat(100_000) + "x" + ")".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        cases.add(("-".repeat(100_000) + "x").getBytes(StandardCharsets.UTF_8));
        cases.add(("x" + "^x".repeat(3_000)).getBytes(StandardCharsets.UTF_8));
        cases.add(("sin(".repeat(199) + "x" + ")".repeat(199)).getBytes(StandardCharsets.UTF_8));
        cases.add(("sin(".repeat(201) + "x" + ")".repeat(201)).getBytes(StandardCharsets.UTF_8));
        cases.addAll(mutate(valid.getBytes(StandardCharsets.UTF_8), 2500, 16, tokens));
        int rejected = runCases("expression", cases, in -> {
            var e = ddmatch.sde.user.ExpressionParser.parse(new String(in, StandardCharsets.UTF_8), symbols);
            assertThat(e).isNotNull();
        });
        assertThat(rejected).isGreaterThan(cases.size() / 4);
    }
}
