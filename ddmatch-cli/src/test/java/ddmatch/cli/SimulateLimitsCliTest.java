package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that could never finish, outputs that cannot fit or be written, and steps too large for the target are refused
 * or stopped with a message naming the option, the value and the limit (findings of the input and README audits).
 */
class SimulateLimitsCliTest {
    @TempDir
    static Path dir;
    static Path dw;
    static Path lorenz;

    @BeforeAll
    static void trainModels() {
        dw = dir.resolve("dw");
        CliTest.Run a = CliTest.run("train", "double-well", "--neurons", "30", "--samples", "300", "-o", dw.toString());
        assertThat(a.code()).as(a.err()).isZero();
        lorenz = dir.resolve("lorenz");
        CliTest.Run b = CliTest.run("train", "lorenz", "--neurons", "200", "--samples", "2000", "-o", lorenz.toString());
        assertThat(b.code()).as(b.err()).isZero();
    }

    private static boolean noFilesIn(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void stepCountsThatCanNeverFinishAreRefusedUpFront() throws Exception {
        Path work = Files.createDirectories(dir.resolve("steps"));
        Path out = work.resolve("x.npy");
        CliTest.Run huge = CliTest.run("simulate", dw.toString(), "--time", "1e300", "-o", out.toString());
        assertThat(huge.code()).as(huge.err()).isEqualTo(2);
        assertThat(huge.err()).contains("--time = 1.0E300").contains("1.00e+302 steps").contains("2^53");
        CliTest.Run tiny = CliTest.run("simulate", dw.toString(), "--time", "10", "--dt", "1e-300", "-o", out.toString());
        assertThat(tiny.code()).as(tiny.err()).isEqualTo(2);
        assertThat(tiny.err()).contains("--dt = 1.0E-300").contains("2^53").contains("increase --dt");
        assertThat(noFilesIn(work)).isTrue();
    }

    @Test
    void anOutputLargerThanTheFreeSpaceIsRefusedWithItsSize() throws Exception {
        Path work = Files.createDirectories(dir.resolve("space"));
        Path out = work.resolve("x.npy");
        // 10^14 steps (under 2^53), one row each of 2 doubles: 1.6 PB, more than any test machine has.
        CliTest.Run r = CliTest.run("simulate", dw.toString(), "--time", "1e12", "--dt", "0.01", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--output = " + out).contains("would take 1.60 PB").contains("free")
                .contains("--every");
        assertThat(noFilesIn(work)).isTrue();
    }

    @Test
    void aStepLargerThanTheTimeIsRefused() throws Exception {
        Path out = dir.resolve("dt-time.npy");
        CliTest.Run r = CliTest.run("simulate", dw.toString(), "--time", "10", "--dt", "20", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--dt = 20.0 is larger than --time = 10.0");
        assertThat(out).doesNotExist();
    }

    @Test
    void aStepTooLargeForTheTargetWarnsAndARunOffTheTrainingRegionStops() throws Exception {
        Path out = dir.resolve("lorenz-03.npy");
        // Lorenz at dt = 0.3 (RK4) used to run to z ≈ (−1030, 5172, 7115) with exit 0 and no warning.
        CliTest.Run r = CliTest.run("simulate", lorenz.toString(), "--time", "50", "--dt", "0.3", "-o", out.toString());
        assertThat(r.err()).contains("warning: dt = 0.300000 times the fastest rate").contains("of 'lorenz'")
                .contains("stiff for this step");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("standard deviations of the training data").contains("try a smaller --dt than 0.3");
        assertThat(out).doesNotExist();
        // An ensemble of such runs stops alike, naming the trajectory, and writes nothing.
        Path many = dir.resolve("lorenz-03-ensemble.npy");
        CliTest.Run e = CliTest.run("simulate", lorenz.toString(), "--time", "50", "--dt", "0.3", "--trajectories", "3",
                "-o", many.toString());
        assertThat(e.code()).as(e.err()).isEqualTo(1);
        assertThat(e.err()).contains("trajectory 0's readout is").contains("try a smaller --dt than 0.3");
        assertThat(many).doesNotExist();
        // At the system's own step neither happens.
        Path ok = dir.resolve("lorenz-ok.npy");
        CliTest.Run fine = CliTest.run("simulate", lorenz.toString(), "--time", "50", "-o", ok.toString());
        assertThat(fine.code()).as(fine.err()).isZero();
        assertThat(fine.err()).doesNotContain("warning");
    }

    @Test
    void unwritableOutputsAreRefusedBeforeTheRunNamingThePathAndTheReason() throws Exception {
        Path work = Files.createDirectories(dir.resolve("write"));
        Path file = Files.writeString(work.resolve("afile"), "x");
        Path under = file.resolve("x.npy");
        CliTest.Run r = CliTest.run("simulate", dw.toString(), "--time", "1", "-o", under.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--output = " + under).contains(file + " is not a directory");

        // Only the last missing directory is created: a typo in a path must not create a tree.
        Path deep = work.resolve("no/such/x.npy");
        CliTest.Run d = CliTest.run("simulate", dw.toString(), "--time", "1", "-o", deep.toString());
        assertThat(d.code()).as(d.err()).isEqualTo(2);
        assertThat(d.err()).contains("--output = " + deep).contains("does not exist").contains("only the last missing");
        assertThat(work.resolve("no")).doesNotExist();
        Path one = work.resolve("new/x.npy");
        CliTest.Run ok = CliTest.run("simulate", dw.toString(), "--time", "1", "-o", one.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(one).exists();

        // A checkpoint that could not be written would lose the run at its first period: checked up front as well.
        CliTest.Run c = CliTest.run("simulate", dw.toString(), "--time", "1", "-o", work.resolve("c.npy").toString(),
                "--checkpoint", file.resolve("c.ckpt").toString());
        assertThat(c.code()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).contains("--checkpoint = " + file.resolve("c.ckpt"));
        assertThat(work.resolve("c.npy")).doesNotExist();

        // analyze checks before its (long) analysis.
        CliTest.Run a = CliTest.run("analyze", dw.toString(), "--time", "50", "-o", file.resolve("a.json").toString());
        assertThat(a.code()).as(a.err()).isEqualTo(2);
        assertThat(a.err()).contains("--output = " + file.resolve("a.json")).contains("is not a directory");
        assertThat(a.out()).doesNotContain("analysis of");
    }

    @Test
    void osFailuresNameTheUsersFileAndTheReasonNotTheTemporaryFile() {
        Path temp = dir.resolve("ro").resolve(".m.tmp-3gep52mqx0ema");
        assertThat(Failures.describe(new AccessDeniedException(temp.toString())))
                .isEqualTo(dir.resolve("ro").resolve("m") + ": permission denied");
        assertThat(Failures.describe(new FileSystemException(dir.resolve(".x.npy.partial-abc").toString(), null,
                "Not a directory"))).isEqualTo(dir.resolve("x.npy") + ": not a directory");
        assertThat(Failures.describe(new FileSystemException("/d/.c.ckpt.tmp-1z", null, "No space left on device")))
                .isEqualTo("/d/c.ckpt: no space left on device");
    }

    @Test
    void aSpecWhoseStepCouldNeverFinishTrainingIsRefused() throws Exception {
        Path spec = Files.writeString(dir.resolve("dttiny.yaml"), String.join("\n",
                "name: t", "state: [x, y, z]", "parameters: {sigma: 10, rho: 28, beta: 8/3}",
                "drift: {x: \"sigma*(y - x)\", y: \"x*(rho - z) - y\", z: \"x*y - beta*z\"}",
                "initial_state: [-8, 7, 27]", "dt: 1e-300", ""));
        Path out = dir.resolve("never-trained");
        CliTest.Run r = CliTest.run("train", spec.toString(), "--neurons", "50", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("dt = 1.0E-300").contains("steps").contains("larger dt");
        assertThat(out).doesNotExist();
    }
}
