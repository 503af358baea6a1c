package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option checked by {@link OptionChecks}, through the command that reads it: exit code 2, stderr exactly the one
 * line the command printed before the checks were shared (the wording is part of the interface: scripts match it),
 * nothing on stdout and nothing written.
 */
class OptionChecksCliTest {
    @TempDir
    Path dir;

    private void assertRefusedWith(String command, String message, String... args) {
        Path out = dir.resolve("never-written");
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "-o";
        full[args.length + 1] = command.equals("simulate") ? out + ".csv" : out.toString();
        CliTest.Run r = CliTest.run(full);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("ddmatch " + command + ": " + message + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(out)).isFalse();
        assertThat(Files.exists(Path.of(out + ".csv"))).isFalse();
    }

    @Test
    void simulateOptions() {
        Path model = dir.resolve("no-model-needed");   // the values are checked before the model is read
        assertRefusedWith("simulate", "--checkpoint-every = 0.0 is not allowed; it must be finite and > 0",
                "simulate", model.toString(), "--time", "1", "--checkpoint-every", "0");
        assertRefusedWith("simulate", "--time = -1.0 is not allowed; it must be finite and > 0",
                "simulate", model.toString(), "--time", "-1");
        assertRefusedWith("simulate", "--time = Infinity is not allowed; it must be finite and > 0",
                "simulate", model.toString(), "--time", "Infinity");
        assertRefusedWith("simulate", "--dt = NaN is not allowed; it must be finite and > 0",
                "simulate", model.toString(), "--time", "1", "--dt", "NaN");
    }

    @Test
    void trainOptions() throws Exception {
        assertRefusedWith("train", "--drift-error = 0.0 is not allowed; it must be finite and > 0",
                "train", "lorenz", "--neurons", "auto", "--drift-error", "0");
        assertRefusedWith("train", "--balance-weight = -2.0 is not allowed; it must be finite and > 0",
                "train", "double-well", "--neurons", "40", "--connectivity", "dale", "--balance-weight", "-2");
        assertRefusedWith("train", "--mean-gain = -0.5 is not allowed; it must be finite and ≥ 0",
                "train", "double-well", "--neurons", "40", "--connectivity", "dale", "--mean-gain", "-0.5");
        assertRefusedWith("train", "--transverse-scale = Infinity is not allowed; it must be finite and ≥ 0",
                "train", "double-well", "--neurons", "40", "--connectivity", "sparse", "--transverse-scale", "Infinity");
        Path data = dir.resolve("z.csv");
        StringBuilder sb = new StringBuilder("t,z0\n");
        for (int i = 0; i < 50; i++) sb.append(i * 0.01).append(',').append(Math.sin(0.3 * i)).append('\n');
        Files.writeString(data, sb.toString());
        assertRefusedWith("train", "--dt-data = -0.01 is not allowed; it must be finite and > 0",
                "train", "--data", data.toString(), "--neurons", "20", "--dt-data", "-0.01");
    }

    @Test
    void valuesInRangePassAndBoundsAreExact() {
        OptionChecks.finitePositive("--x", Double.MIN_VALUE);
        OptionChecks.finiteNonNegative("--x", 0.0);
        OptionChecks.finiteNonNegative("--x", Double.MAX_VALUE);
        for (double bad : new double[] {0.0, -0.0, -1e-300, Double.NaN, Double.POSITIVE_INFINITY}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> OptionChecks.finitePositive("--x", bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (double bad : new double[] {-Double.MIN_VALUE, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> OptionChecks.finiteNonNegative("--x", bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
