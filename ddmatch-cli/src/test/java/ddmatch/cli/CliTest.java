package ddmatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ddmatch.io.TrajectoryFiles;
import ddmatch.solve.Trajectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, one-line errors that name the field, and nothing written on bad input. */
class CliTest {
    @TempDir
    static Path dir;
    static Path model;

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

    @BeforeAll
    static void trainSmallModel() {
        model = dir.resolve("dw");
        Run r = run("train", "double-well", "--neurons", "60", "--samples", "800", "--seed", "3", "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("λ = ").contains("GCV");
    }

    private static void assertUsageError(Run r, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        String line = r.err().strip();
        assertThat(line.lines().count()).as("one-line error: %s", line).isLessThanOrEqualTo(2);
        for (String f : fragments) {
            assertThat(line).contains(f);
        }
    }

    /** {@code --version} names the build, the runtime and the kernels this JVM runs (the test JVM's own decision). */
    @Test
    void versionSaysWhichKernelsRun() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ddmatch ").contains("(Java " + Runtime.version() + ")");
        String reason = ddmatch.linalg.VectorApi.scalarReason();
        assertThat(r.out()).contains(reason == null ? "kernels: Vector API" : "kernels: scalar, because " + reason);
        if (reason == null) {
            // the vector shape and the tanh's form of this JVM's kernels, as NetworkKernels reports them
            assertThat(r.out()).contains("kernels: " + ddmatch.rnn.NetworkKernels.inUse() + " (jdk.incubator.vector)")
                    .contains(" × double (");
        }
    }

    @Test
    void systemsListsTheCatalogAndShowsOne() {
        Run r = run("systems");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("lorenz").contains("double-well").contains("ou");
        Run one = run("systems", "ou");
        assertThat(one.out()).contains("theta").contains("epsilon");
    }

    @Test
    void systemsCanBeListedByDimensionKindAndText() {
        Run four = run("systems", "--dimension", "4");
        assertThat(four.code()).as(four.err()).isZero();
        assertThat(four.out()).contains("hyper-lorenz").contains("qi ").contains("lorenz96").doesNotContain("\nrossler ")
                .contains("13 of the 76 systems.");
        Run noisy = run("systems", "--kind", "stochastic");
        assertThat(noisy.out()).contains("double-well").contains("lorenz-noisy").doesNotContain("hyper-lorenz")
                .contains("8 of the 76 systems.");
        Run neurons = run("systems", "--grep", "NEURON");
        assertThat(neurons.out()).contains("hindmarsh-rose").contains("fitzhugh-nagumo").doesNotContain("lorenz ");
        Run chaotic = run("systems", "--kind", "chaotic", "--dimension", "3", "--grep", "sprott");
        assertThat(chaotic.out()).contains("sprott-a").contains("sprott-jerk").contains("20 of the 76 systems.");
        assertThat(run("systems").out()).contains("λ_max").contains("0.9060").doesNotContain(" of the ");
        assertUsageError(run("systems", "--kind", "noisy"), "--kind = noisy", "chaotic");
        assertUsageError(run("systems", "--dimension", "0"), "--dimension = 0");
        assertUsageError(run("systems", "lorenz", "--dimension", "3"), "do not apply");
    }

    @Test
    void systemsShowPrintsEquationsReferencesAndCitation() {
        Run r = run("systems", "show", "lorenz");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ẋ = σ(y − x)").contains("0.9060").contains("Wolf").contains("1963")
                .contains("constant, " + (-(10.0 + 1.0 + 8.0 / 3.0)));
        Run chua = run("systems", "chua");
        assertThat(chua.out()).contains("1.2301").contains("measured by ddmatch").contains("alpha");
        Run list = run("systems");
        assertThat(list.out()).contains("rotating-wells").contains("lorenz96").contains("none (noise=0)").contains("additive");
        assertUsageError(run("systems", "halvorson"), "halvorson", "did you mean 'halvorsen'");
    }

    @Test
    void unknownSystemListsTheKnownOnesAndWritesNothing() {
        Path out = dir.resolve("never1");
        Run r = run("train", "lorentz", "-o", out.toString());
        assertUsageError(r, "lorentz", "lorenz, lorenz-noisy, double-well, ou");
        assertThat(out).doesNotExist();
    }

    /** A dysts class name trains its catalog system, saved under the catalog's name; a left-out dysts flow says why. */
    @Test
    void dystsNamesTrainTheirSystemAndLeftOutFlowsAreExplained() throws Exception {
        Path model = dir.resolve("alias");
        Run r = run("train", "SprottG", "--neurons", "40", "--samples", "400", "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained sprott-g");
        assertThat(Files.readString(model.resolve("model.json"))).contains("\"system\": \"sprott-g\"");
        Path out = dir.resolve("never-hyper-lu");
        assertUsageError(run("train", "hyper-lu", "-o", out.toString()), "dysts flow HyperLu", "escapes", "spec file");
        assertThat(out).doesNotExist();
    }

    @Test
    void fewerNeuronsThanDimensionsIsRefused() {
        Path out = dir.resolve("never2");
        Run r = run("train", "lorenz", "--neurons", "2", "-o", out.toString());
        assertUsageError(r, "neurons", "2", "≥ 3");
        assertThat(out).doesNotExist();
    }

    @Test
    void nonFiniteParametersAreRefused() {
        Path out = dir.resolve("never3");
        assertUsageError(run("train", "lorenz", "--param", "rho=NaN", "-o", out.toString()), "rho", "NaN", "finite");
        assertUsageError(run("train", "lorenz", "--tau", "Infinity", "-o", out.toString()), "tau", "Infinity");
        assertUsageError(run("train", "lorenz", "--param", "gamma=1", "-o", out.toString()), "gamma", "sigma, rho, beta");
        assertThat(out).doesNotExist();
    }

    /**
     * Values the audit of 2026-12-06 found ending as "internal error" (exit 1) or silently changed: each is a one-line
     * usage error naming the option, with no Java class names.
     */
    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        Path out = dir.resolve("never-bad");
        assertUsageError(run("train", "lorenz96", "--param", "n=0", "-o", out.toString()), "'n' = 0", "≥ 4");
        assertUsageError(run("train", "lorenz", "--neurons", "50", "--tau", "1e300", "-o", out.toString()),
                "too large", "τ = 1.0E300", "--tau");
        assertUsageError(run("train", "lorenz", "--neurons", "50", "--lambda", "NaN", "-o", out.toString()), "--lambda = NaN");
        assertUsageError(run("train", "lorenz", "--neurons", "50", "--lambda-selection", "kfold", "--folds", "0",
                "-o", out.toString()), "--folds = 0");
        Run threads = run("train", "ou", "--threads", "-3", "-o", out.toString());
        assertUsageError(threads, "--threads = -3", "≥ 1");
        assertThat(threads.err()).doesNotContain("Could not invoke").doesNotContain("java.lang");
        Run shortRun = run("analyze", model.toString(), "--time", "0.001");
        assertUsageError(shortRun, "--time = 0.001", "too short", "100 steps");
        assertThat(shortRun.err()).doesNotContain("Config.").doesNotContain("java.lang");
        assertUsageError(run("train", "lorenz", "--neurons", "99999999999", "-o", out.toString()), "≤ 2147483647");
        assertUsageError(run("train", "lorenz-noisy", "--param", "noise=-1", "-o", out.toString()), "lorenz-noisy: parameter 'noise'");
        assertUsageError(run("train", "lorenz", "-o", ""), "empty path");
        assertUsageError(run("simulate", model.toString(), "--time", "1", "-o", dir.resolve("noext").toString()),
                "has no extension", ".npy");
        assertThat(out).doesNotExist();
    }

    /** A spec file is shown in full: its equations as written, its diffusion, inputs and initial state. */
    @Test
    void systemsShowsASpecFileWithItsEquations() {
        Run r = run("systems", "show", "../examples/systems/kicked-double-well.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("dz/dt = z - z^3 + u").contains("diffusion: sigma × identity")
                .contains("input u: PulseTrain[period=50.0").contains("initial state: [-1.0]");
        assertThat(run("systems", "show", "../examples/systems/lorenz.yaml").out()).contains("dy/dt = x*(rho - z) - y")
                .contains("diffusion: none (an ODE)");
    }

    /** The λ line says how λ was chosen, and a fit that learned little of the drift warns on stderr. */
    @Test
    void theLambdaLineSaysHowAndAPoorFitWarns() {
        Run kfold = run("train", "double-well", "--neurons", "40", "--samples", "400", "--lambda-selection", "kfold",
                "--folds", "4", "-o", dir.resolve("kfold").toString());
        assertThat(kfold.code()).as(kfold.err()).isZero();
        assertThat(kfold.out()).contains("by 4-fold CV").doesNotContain("by GCV");
        Run poor = run("train", "double-well", "--neurons", "40", "--samples", "400", "--lambda", "1e300",
                "-o", dir.resolve("poor").toString());
        assertThat(poor.code()).as(poor.err()).isZero();
        assertThat(poor.err()).contains("ddmatch train: warning: the training drift error is").contains("learned little");
    }

    @Test
    void nonPositiveTimeOrStepIsRefusedAndNothingWritten() {
        Path out = dir.resolve("never.csv");
        assertUsageError(run("simulate", model.toString(), "--time", "0", "-o", out.toString()), "--time", "0", "> 0");
        assertUsageError(run("simulate", model.toString(), "--time", "10", "--dt", "-0.1", "-o", out.toString()), "--dt", "-0.1", "> 0");
        assertUsageError(run("simulate", model.toString(), "--time", "10", "-o", dir.resolve("x.txt").toString()), ".npy", ".csv");
        assertThat(out).doesNotExist();
    }

    @Test
    void unreadableOrWrongVersionModelIsRefused() throws Exception {
        Path out = dir.resolve("never4.npy");
        assertUsageError(run("simulate", dir.resolve("no-such-model").toString(), "--time", "1", "-o", out.toString()), "no-such-model");
        Path bad = dir.resolve("bad-version");
        Files.createDirectories(bad);
        for (Path p : Files.list(model).toList()) {
            Files.copy(p, bad.resolve(p.getFileName()));
        }
        Path json = bad.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"formatVersion\": 1,", "\"formatVersion\": 9,"));
        assertUsageError(run("simulate", bad.toString(), "--time", "1", "-o", out.toString()), "9", "1");
        assertThat(out).doesNotExist();
    }

    @Test
    void divergingSimulationStopsWithTimeNormAndHint() {
        Path out = dir.resolve("never5.npy");
        // Euler–Maruyama on the double well at dt = 3 is unstable: |z| grows like z³·dt.
        Run r = run("simulate", model.toString(), "--time", "300", "--dt", "3", "-o", out.toString());
        assertThat(r.code()).isEqualTo(1);
        // The hint names what the user can change here (--dt), not a scheme no command lets them choose.
        assertThat(r.err()).contains("diverged at t =").contains("state norm").contains("try a smaller --dt than 3")
                .doesNotContain("scheme");
        assertThat(out).doesNotExist();
    }

    @Test
    void sameSeedGivesBitIdenticalTrajectoriesFromTheSavedModel() throws Exception {
        Path a = dir.resolve("a.npy");
        Path b = dir.resolve("b.npy");
        assertThat(run("simulate", model.toString(), "--time", "50", "--seed", "9", "-o", a.toString()).code()).isZero();
        assertThat(run("simulate", model.toString(), "--time", "50", "--seed", "9", "-o", b.toString()).code()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        Trajectory t = TrajectoryFiles.read(a);
        assertThat(t.rows()).isEqualTo(5001);
        Path c = dir.resolve("c.npy");
        run("simulate", model.toString(), "--time", "50", "--seed", "10", "-o", c.toString());
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    @Test
    void retrainingWithTheSameSeedWritesIdenticalModelFiles() throws Exception {
        Path again = dir.resolve("dw-again");
        Run r = run("train", "double-well", "--neurons", "60", "--samples", "800", "--seed", "3", "-o", again.toString());
        assertThat(r.code()).isZero();
        for (String f : new String[] {"model.json", "U.npy", "W.npy", "b.npy", "S.npy"}) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(model.resolve(f)));
        }
    }

    @Test
    void aFitThatCannotFitInTheHeapIsRefusedUpFrontWithTheEstimate() {
        Path out = dir.resolve("never6");
        // N = 200,000 neurons on 5000 samples: an 8 GB feature matrix, far beyond the test JVM's heap.
        Run r = run("train", "lorenz", "--neurons", "200000", "-o", out.toString());
        assertUsageError(r, "N = 200000", "GiB", "heap");
        assertThat(out).doesNotExist();
    }

    @Test
    void analyzeWritesEveryMetricToJsonWithNumbersThatMatchTheTarget() throws Exception {
        Path json = dir.resolve("analysis.json");
        Run r = run("analyze", model.toString(), "--time", "2000", "--seed", "2", "-o", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(root.get("format").asText()).isEqualTo("ddmatch-analysis");
        var m = root.get("metrics");
        assertThat(m.get("drift").get("mean").asDouble()).isLessThan(0.05);
        // The readout receives exactly S dW with S Sᵀ = σ² = 0.49; 10^5 increments give ~0.5% sampling error.
        assertThat(m.get("diffusion").get("relativeFrobeniusError").asDouble()).isLessThan(0.03);
        // Random-embedding null of ‖J_A‖/‖J‖ for J = UW: 1/√2.
        assertThat(m.get("connectivity").get("nullAntisymmetricFraction").asDouble()).isCloseTo(Math.sqrt(0.5),
                org.assertj.core.api.Assertions.within(0.05));
        // Double well: the noise-free drift relaxes into a well with V''(±1) = 2, so the target's exponent is −2; the
        // network's leading exponents are the transverse −1/τ = −1.
        assertThat(m.get("lyapunov").get("target").get(0).asDouble()).isCloseTo(-2.0, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(m.get("lyapunov").get("network").get(0).asDouble()).isCloseTo(-1.0, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(m.get("metastability").get("jumpsNetwork").asLong()).isGreaterThan(50);
        assertThat(m.get("epr").get("coarseGrainedNetwork").asDouble()).isLessThan(0.01);
        assertThat(r.out()).contains("drift:").contains("connectivity:");
        assertUsageError(run("analyze", model.toString(), "--metrics", "drift,nonsense"), "nonsense", "lyapunov");
        // The drift of a double well relaxes into a well from every start, the network's as the target's: no forecast
        // ever leaves them, at the default ε = 0.5 or at a stricter one.
        assertThat(m.get("forecast").get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(m.get("forecast").get("censored").asInt()).isEqualTo(20);
        Path strict = dir.resolve("forecast.json");
        Run f = run("analyze", model.toString(), "--time", "100", "--metrics", "forecast", "--forecast-threshold", "0.2",
                "-o", strict.toString());
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(strict.toFile()).get("metrics").get("forecast")
                .get("threshold").asDouble()).isEqualTo(0.2);
        assertUsageError(run("analyze", model.toString(), "--forecast-threshold", "0"), "--forecast-threshold = 0.0", "> 0");
        // The HTML page beside the JSON: every group as a table, the spectrum of J as a figure; none with --no-report.
        Path page = json.resolveSibling(json.getFileName().toString().replace(".json", ".html"));
        assertThat(page).exists();
        assertThat(Files.readString(page)).contains("<h2>connectivity</h2>").contains("eigenvalues of J").contains("<h2>drift</h2>");
        assertThat(strict.resolveSibling("forecast.html")).exists();
        // The return maps of maxima are for deterministic targets; a noisy one is skipped with a note, by its CLI name.
        Files.delete(strict.resolveSibling("forecast.html"));
        Run rm = run("analyze", model.toString(), "--time", "50", "--metrics", "return-map", "-o", strict.toString(),
                "--no-report");
        assertThat(strict.resolveSibling("forecast.html")).doesNotExist();
        assertThat(rm.code()).as(rm.err()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(strict.toFile()).get("metrics").get("returnMap")
                .get("note").asText()).startsWith("skipped: the target is noisy");
    }

    @Test
    void initialStateCanBeOverriddenAndIsValidated() throws Exception {
        Path out = dir.resolve("never7");
        assertUsageError(run("train", "double-well", "--initial", "1,2", "-o", out.toString()), "--initial", "2 values", "dimension 1");
        assertUsageError(run("train", "double-well", "--initial", "NaN", "-o", out.toString()), "NaN");
        assertThat(out).doesNotExist();
        // Another start gives another sample trajectory, hence other weights (same seed otherwise).
        Path other = dir.resolve("dw-other-start");
        assertThat(run("train", "double-well", "--neurons", "60", "--samples", "800", "--seed", "3", "--initial", "-1",
                "-o", other.toString()).code()).isZero();
        assertThat(Files.readAllBytes(other.resolve("W.npy"))).isNotEqualTo(Files.readAllBytes(model.resolve("W.npy")));
        assertThat(Files.readAllBytes(other.resolve("U.npy"))).isEqualTo(Files.readAllBytes(model.resolve("U.npy")));
    }

    @Test
    void simulateStartsFromAGivenInitialState() throws Exception {
        Path a = dir.resolve("start-minus.csv");
        assertThat(run("simulate", model.toString(), "--time", "1", "--initial", "-1.25", "-o", a.toString()).code()).isZero();
        Trajectory t = TrajectoryFiles.read(a);
        // The first row is the readout of the manifold point above z = −1.25.
        assertThat(t.get(0, 0)).isCloseTo(-1.25, org.assertj.core.api.Assertions.within(1e-9));
        assertUsageError(run("simulate", model.toString(), "--time", "1", "--initial", "1,2", "-o", dir.resolve("n.csv").toString()),
                "--initial", "2 values");
    }

    @Test
    void aDenseNetworkThatCannotFitInTheHeapIsRefusedUpFront() {
        Path out = dir.resolve("never8");
        // N = 100,000 dense: J alone is 80 GB.
        Run r = run("train", "double-well", "--connectivity", "full-rank", "--neurons", "100000", "-o", out.toString());
        assertUsageError(r, "N = 100000", "GiB");
        assertThat(out).doesNotExist();
    }
}
