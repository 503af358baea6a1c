package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user-defined system goes through {@code train}, {@code simulate} and {@code systems} exactly like a built-in one:
 * the YAML double well (same formula, same noise) gives bit-identical network arrays and trajectories to the catalog's
 * {@code double-well}.
 */
class UserSystemCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Ddmatch.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The catalog's double well dz = (z − z³) dt + σ dW, written with the same floating-point operations. */
    static final String DOUBLE_WELL = """
            name: dw-user
            description: quartic double well with additive noise
            state: [z]
            parameters: {sigma: 0.7}
            drift: {z: "z - z*z*z"}
            diffusion: sigma
            initial_state: [1]
            dt: 0.01
            """;

    @Test
    void yamlDoubleWellTrainsAndSimulatesLikeTheBuiltIn() throws Exception {
        Path spec = dir.resolve("dw.yaml");
        Files.writeString(spec, DOUBLE_WELL);
        Path userModel = dir.resolve("user-model");
        Path refModel = dir.resolve("ref-model");
        String[] common = {"--neurons", "60", "--samples", "800", "--seed", "3"};
        Run u = run(concat(new String[] {"train", spec.toString(), "-o", userModel.toString()}, common));
        assertThat(u.code()).as(u.err()).isZero();
        assertThat(u.out()).contains("trained dw-user: N = 60, d = 1, m = 1");
        Run r = run(concat(new String[] {"train", "double-well", "-o", refModel.toString()}, common));
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : new String[] {"U.npy", "W.npy", "b.npy", "S.npy"}) {
            assertThat(Files.readAllBytes(userModel.resolve(f))).as(f).isEqualTo(Files.readAllBytes(refModel.resolve(f)));
        }
        String json = Files.readString(userModel.resolve("model.json"));
        assertThat(json).contains("\"systemSpec\"").contains(spec.toAbsolutePath().normalize().toString())
                .contains("\"systemSpecSha256\"").contains("\"sigma\": 0.7");

        Path a = dir.resolve("user.npy");
        Path b = dir.resolve("ref.npy");
        Run su = run("simulate", userModel.toString(), "--time", "20", "--seed", "5", "-o", a.toString());
        assertThat(su.code()).as(su.err()).isZero();
        assertThat(su.err()).isEmpty();
        assertThat(run("simulate", refModel.toString(), "--time", "20", "--seed", "5", "-o", b.toString()).code()).isZero();
        // Same network, same initial state (the spec's z = 1 mapped onto the manifold), same noise: same bytes.
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));

        // analyze runs on the user system exactly as on the built-in one: same numbers.
        Path ua = dir.resolve("user-analysis.json");
        Path ra = dir.resolve("ref-analysis.json");
        String[] an = {"--time", "300", "--seed", "4", "--metrics", "drift,divergence,diffusion,epr,connectivity"};
        Run au = run(concat(new String[] {"analyze", userModel.toString(), "-o", ua.toString()}, an));
        assertThat(au.code()).as(au.err()).isZero();
        assertThat(run(concat(new String[] {"analyze", refModel.toString(), "-o", ra.toString()}, an)).code()).isZero();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(mapper.readTree(ua.toFile()).get("metrics")).isEqualTo(mapper.readTree(ra.toFile()).get("metrics"));

        // Once the spec changes, simulate says so and starts from the network's own initial state instead.
        Files.writeString(spec, DOUBLE_WELL.replace("initial_state: [1]", "initial_state: [-1]"));
        Path c = dir.resolve("changed.npy");
        Run changed = run("simulate", userModel.toString(), "--time", "1", "-o", c.toString());
        assertThat(changed.code()).isZero();
        assertThat(changed.err()).contains("has changed since training");
    }

    @Test
    void systemsShowsASpecFile() throws Exception {
        Path spec = dir.resolve("dw.yml");
        Files.writeString(spec, DOUBLE_WELL);
        Run r = run("systems", spec.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("dw-user: quartic double well").contains("d = 1, noise dimension m = 1, noise type ADDITIVE")
                .contains("sigma").contains("0.7");
    }

    @Test
    void badSpecsExitTwoWithFileLineAndTokenAndWriteNothing() throws Exception {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, DOUBLE_WELL.replace("z - z*z*z", "z - zz*z"));
        Path out = dir.resolve("never");
        Run r = run("train", spec.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("bad.yaml:5:").contains("unknown symbol 'zz'").contains("('zz')");
        assertThat(out).doesNotExist();
        assertThat(out).doesNotExist();
        // State-dependent noise is a valid spec: the network gets a state-dependent noise gain S(x) = K φ(x) + k.
        Files.writeString(spec, DOUBLE_WELL.replace("diffusion: sigma", "diffusion: [\"sigma*sqrt(1 + z^2)\"]"));
        Path sdOut = dir.resolve("state-dependent");
        Run s = run("train", spec.toString(), "--neurons", "60", "--samples", "800", "-o", sdOut.toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(ddmatch.io.ModelFiles.load(sdOut).network().noiseType()).isEqualTo(ddmatch.sde.NoiseType.GENERAL);
        assertThat(run("train", dir.resolve("missing.yaml").toString(), "-o", out.toString()).code()).isEqualTo(2);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
