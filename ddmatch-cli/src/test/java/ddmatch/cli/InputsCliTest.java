package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.io.Csv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Networks trained with inputs respond to input schedules given to {@code simulate --inputs}; bad training inputs
 * (too few samples, a drift that is NaN, a system that does not move) fail with a message naming the cause and write
 * nothing.
 */
class InputsCliTest {
    @TempDir
    Path dir;

    static final String TILTED = """
            name: tilted-well
            state: [z]
            parameters: {c: 1.0, sigma: 0.2}
            inputs:
              u: {type: piecewise_linear, points: [[0, 0], [25, 1], [75, -1], [125, 1], [175, -1], [225, 1], [275, -1], [325, 1], [375, -1], [425, 1], [475, -1], [525, 1], [575, -1]]}
            drift: {z: "z - z*z*z + c*u"}
            diffusion: sigma
            initial_state: [-1]
            dt: 0.01
            """;

    static UserSystemCliTest.Run run(String... args) {
        return UserSystemCliTest.run(args);
    }

    @Test
    void aPulseGivenToSimulateSwitchesTheTrainedNetworksWell() throws Exception {
        Path spec = dir.resolve("tilted.yaml");
        Files.writeString(spec, TILTED);
        Path model = dir.resolve("model");
        var t = run("train", spec.toString(), "-o", model.toString(), "--neurons", "100", "--samples", "3000",
                "--box-fraction", "0.2", "--seed", "7");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(Files.exists(model.resolve("B.npy"))).isTrue();
        assertThat(Files.readString(model.resolve("model.json"))).containsPattern("\"inputs\"\\s*:\\s*\\[\\s*\"u\"\\s*\\]");
        Path inputs = dir.resolve("pulse.yaml");
        Files.writeString(inputs, "inputs:\n  u: {type: pulses, period: 1000, width: 5, amplitude: 1.0, start: 20}\n");
        Path out = dir.resolve("z.csv");
        var s = run("simulate", model.toString(), "--time", "40", "--every", "100", "--inputs", inputs.toString(),
                "-o", out.toString());
        assertThat(s.code()).as(s.err()).isZero();
        Csv.CsvTable table = Csv.read(out);
        // Rows at t = 0, 1, …, 40 (columns t, z0): left well (from z = −1) before the pulse, right well after it.
        assertThat(table.data()[19 * table.cols() + 1]).isLessThan(-0.5);
        assertThat(table.data()[40 * table.cols() + 1]).isGreaterThan(0.5);

        // An inputs file naming an input the model does not have is refused, nothing written.
        Files.writeString(inputs, "inputs:\n  v: 1.0\n");
        Path out2 = dir.resolve("z2.csv");
        var bad = run("simulate", model.toString(), "--time", "1", "--inputs", inputs.toString(), "-o", out2.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("no schedule for input 'u'");
        assertThat(Files.exists(out2)).isFalse();
    }

    private void assertRefused(String specText, String[] extra, String... fragments) throws Exception {
        assertRefused(2, specText, extra, fragments);
    }

    private void assertRefused(int code, String specText, String[] extra, String... fragments) throws Exception {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, specText);
        Path model = dir.resolve("bad-model");
        String[] args = new String[4 + extra.length];
        args[0] = "train";
        args[1] = spec.toString();
        args[2] = "-o";
        args[3] = model.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        var r = run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
        assertThat(Files.exists(model)).isFalse();
    }

    static final String WELL = "name: w\nstate: [z]\ndrift: {z: \"DRIFT\"}\ndiffusion: 0.3\ninitial_state: [0.5]\n";

    @Test
    void tooFewSamplesAreRefusedNamingTheMinimum() throws Exception {
        assertRefused(WELL.replace("DRIFT", "z - z*z*z"), new String[] {"--samples", "5", "--neurons", "20"},
                "samples = 5", "at least 10");
    }

    @Test
    void aDriftThatIsNaNIsRefusedNamingTheSystemAndTheState() throws Exception {
        // NaN where the system starts: refused when the spec is read (a usage error), naming the field and expression.
        assertRefused(WELL.replace("DRIFT", "sqrt(z - 10)"), new String[] {"--samples", "100", "--neurons", "20"},
                "drift.z", "sqrt(z - 10)", "evaluates to NaN", "initial state [0.5]");
        // NaN only once the run gets there (noise carries z past 1): a run-time failure (exit 1), naming the system,
        // time and cause.
        assertRefused(1, WELL.replace("DRIFT", "sqrt(1 - z)"), new String[] {"--samples", "100", "--neurons", "20"},
                "'w' diverged", "non-finite");
    }

    @Test
    void aSystemThatDoesNotMoveIsRefusedAsSingular() throws Exception {
        String still = "name: still\nstate: [z]\ndrift: {z: \"0\"}\ninitial_state: [0.5]\n";
        assertRefused(still, new String[] {"--samples", "100", "--neurons", "20"}, "'still'", "zero spread");
    }
}
