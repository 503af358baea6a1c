package ddmatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.sde.Lorenz;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.sde.user.UserSystem;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.RungeKutta4;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec files: a YAML Lorenz against the built-in one, JSON, inputs, overrides, and every kind of bad spec. */
class SystemSpecsTest {
    @TempDir
    Path dir;

    static final String LORENZ = """
            name: lorenz-user
            description: Lorenz (1963) written as a spec
            state: [x, y, z]
            parameters: {sigma: 10, rho: 28, beta: "8/3"}
            drift:
              x: sigma*(y - x)
              y: x*(rho - z) - y
              z: x*y - beta*z
            initial_state: [-8, 7, 27]
            dt: 0.01
            """;

    private static UserSystem yaml(String text) throws Exception {
        return SystemSpecs.parse(text, false, "spec.yaml", Path.of("."), Map.of());
    }

    /** Largest absolute difference of two trajectories over all rows and components. */
    private static double maxDifference(Trajectory a, Trajectory b) {
        double worst = 0.0;
        for (int i = 0; i < a.values().length; i++) {
            worst = Math.max(worst, Math.abs(a.values()[i] - b.values()[i]));
        }
        return worst;
    }

    @Test
    void yamlLorenzAgreesWithTheBuiltInOverTenTimeUnits() throws Exception {
        UserSystem user = yaml(LORENZ);
        Lorenz ref = new Lorenz();
        assertThat(user.noiseType()).isEqualTo(NoiseType.NONE);
        assertThat(user.parameters()).containsEntry("beta", ref.beta());
        Integrator rk4 = new Integrator(RungeKutta4.INSTANCE);
        Trajectory a = rk4.solve(user, user.initialState(), 0.0, 0.01, 1000, null, SaveAt.everyStep(), Observable.identity(3));
        Trajectory b = rk4.solve(ref, ref.initialState(), 0.0, 0.01, 1000, null, SaveAt.everyStep(), Observable.identity(3));
        assertThat(a.rows()).isEqualTo(1001);
        // Measured: 0 (bit-identical; the generated code performs the same operations in the same order). 1e-9 is the
        // requirement, so a harmless reordering of either formula does not fail the test.
        assertThat(maxDifference(a, b)).isLessThanOrEqualTo(1e-9);
        double[] ja = new double[9];
        double[] jb = new double[9];
        double[] z = {1.5, -2.0, 20.0};
        user.jacobian(0.0, z, ja);
        ref.jacobian(0.0, z, jb);
        assertThat(ja).containsExactly(jb);
    }

    @Test
    void jsonWithListDriftIsTheSameSystem() throws Exception {
        String json = """
                {"name": "lorenz-json", "state": ["x", "y", "z"],
                 "parameters": {"sigma": 10, "rho": 28, "beta": 2.6666666666666665},
                 "drift": ["sigma*(y - x)", "x*(rho - z) - y", "x*y - beta*z"],
                 "initial_state": {"x": -8, "y": 7, "z": 27}}
                """;
        Path file = dir.resolve("lorenz.json");
        Files.writeString(file, json);
        Sde user = SystemSpecs.resolve(file.toString(), Map.of("rho", 35.0));
        Sde ref = new Lorenz(10.0, 35.0, 8.0 / 3.0, 0.0);
        double[] fa = new double[3];
        double[] fb = new double[3];
        double[] z = {1.0, 2.0, 3.0};
        user.drift(0.0, z, fa);
        ref.drift(0.0, z, fb);
        assertThat(fa).containsExactly(fb);
        assertThat(user.defaultTimeStep()).isEqualTo(SystemSpecs.DEFAULT_DT);
        assertThat(user.initialState()).containsExactly(-8.0, 7.0, 27.0);
        assertThatThrownBy(() -> SystemSpecs.resolve(file.toString(), Map.of("gamma", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma").hasMessageContaining("[sigma, rho, beta]");
    }

    @Test
    void catalogNamesStillResolveAndMissingSpecFilesAreNamed() throws Exception {
        assertThat(SystemSpecs.resolve("lorenz", Map.of())).isInstanceOf(Lorenz.class);
        assertThatThrownBy(() -> SystemSpecs.resolve(dir.resolve("nope.yaml").toString(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.yaml");
    }

    @Test
    void inputsOfEveryTypeDriveTheDrift() throws Exception {
        Files.writeString(dir.resolve("stim.csv"), "time,amp\n0,0\n10,5\n20,5\n");
        String spec = """
                name: driven
                state: [v]
                inputs:
                  k: 2
                  c: {type: constant, value: 0.5}
                  s: {type: step, time: 5, value: 3}
                  p: {type: pulses, period: 50, width: 2, amplitude: 1.5, start: 10}
                  r: {type: piecewise_linear, points: [[0, 0], [4, 8]]}
                  tab: {type: table, file: stim.csv, column: amp}
                drift: {v: "-k*v + c + 10*s + 100*p + 1000*r + 10000*tab"}
                diffusion: "0.1*c"
                initial_state: [0]
                """;
        Path file = dir.resolve("driven.yml");
        Files.writeString(file, spec);
        UserSystem sys = SystemSpecs.load(file, Map.of());
        assertThat(sys.noiseType()).isEqualTo(NoiseType.ADDITIVE); // depends on a constant input only
        double[] out = new double[1];
        // t = 2: s = 0 (before the step), p = 0 (before the start), r = 4, tab = 1 → −2·1 + 0.5 + 4000 + 10000
        sys.drift(2.0, new double[] {1.0}, out);
        assertThat(out[0]).isEqualTo(-2.0 + 0.5 + 4000.0 + 10000.0);
        // t = 11: s = 3, p = 1.5, r = 8 (held), tab = 5
        sys.drift(11.0, new double[] {0.0}, out);
        assertThat(out[0]).isEqualTo(0.5 + 30.0 + 150.0 + 8000.0 + 50000.0);
        double[] g = new double[1];
        sys.diffusion(0.0, new double[] {0.0}, g);
        assertThat(g[0]).isEqualTo(0.05);
    }

    @Test
    void stateDependentDiagonalAndGeneralNoiseAreRecognised() throws Exception {
        UserSystem diag = yaml("""
                state: [a, b]
                drift: [a - a^3, -b]
                diffusion: ["0.5*sqrt(1 + a^2)", "0.2"]
                initial_state: [1, 0]
                """);
        assertThat(diag.noiseType()).isEqualTo(NoiseType.DIAGONAL);
        assertThat(diag.name()).isEqualTo("spec");
        UserSystem general = yaml("""
                state: [a, b]
                drift: [a - a^3, -b]
                diffusion: [["a", 0, 1], [0, 1, "b"]]
                noise_dimension: 3
                initial_state: [1, 0]
                """);
        assertThat(general.noiseType()).isEqualTo(NoiseType.GENERAL);
        assertThat(general.noiseDimension()).isEqualTo(3);
    }

    @Test
    void shippedExamplesLoad() throws Exception {
        UserSystem lorenz = SystemSpecs.load(Path.of("../examples/systems/lorenz.yaml"), Map.of());
        double[] fa = new double[3];
        double[] fb = new double[3];
        lorenz.drift(0.0, new double[] {1.0, 2.0, 3.0}, fa);
        new Lorenz().drift(0.0, new double[] {1.0, 2.0, 3.0}, fb);
        assertThat(fa).containsExactly(fb);
        UserSystem kicked = SystemSpecs.load(Path.of("../examples/systems/kicked-double-well.yaml"), Map.of());
        assertThat(kicked.noiseType()).isEqualTo(NoiseType.ADDITIVE);
        double[] f = new double[1];
        kicked.drift(11.0, new double[] {0.0}, f);   // inside the first pulse: drift = u = 1.5
        assertThat(f[0]).isEqualTo(1.5);
        kicked.drift(13.0, new double[] {0.0}, f);   // between pulses
        assertThat(f[0]).isEqualTo(0.0);
    }

    // ------------------------------------------------------------------------------------------------ bad specs

    /** Asserts a DataFormatException naming spec.yaml, the line and the offending token or name. */
    private static void assertBad(String spec, int line, String... fragments) {
        assertThatThrownBy(() -> yaml(spec)).isInstanceOfSatisfying(DataFormatException.class, e -> {
            assertThat(e.getMessage()).startsWith("spec.yaml:" + line + ":").doesNotContain("\n");
            for (String f : fragments) {
                assertThat(e.getMessage()).contains(f);
            }
        });
    }

    private static String lorenzWith(String from, String to) {
        assertThat(LORENZ).contains(from);
        return LORENZ.replace(from, to);
    }

    @Test
    void anExpressionThatIsNotFiniteWhereTheSystemStartsIsNamedWithItsText() {
        // line 8 is "  z: x*y - beta*z"; x = -8 at the start, so log(x) is NaN there
        assertBad(lorenzWith("x*y - beta*z", "x*y - beta*z + log(x)"), 8, "drift.z", "x*y - beta*z + log(x)",
                "evaluates to NaN", "initial state [-8.0, 7.0, 27.0]");
        assertBad(lorenzWith("sigma*(y - x)", "sigma*(y - x)/0"), 6, "drift.x", "evaluates to Infinity");
        assertBad(LORENZ + "diffusion: sqrt(x)\n", 11, "diffusion", "entry (0, 0) evaluates to NaN");
    }

    @Test
    void aMistypedFieldGetsASuggestion() {
        assertBad(lorenzWith("drift:", "drfit:"), 5, "drfit", "unknown field (did you mean 'drift'?)");
    }

    @Test
    void aZeroDiffusionIsAnOrdinaryDifferentialEquation() throws Exception {
        assertThat(yaml(LORENZ + "diffusion: 0\n").noiseType()).isEqualTo(NoiseType.NONE);
        assertThat(yaml(LORENZ + "diffusion: 0\n").noiseDimension()).isZero();
        assertThat(yaml(LORENZ + "diffusion: [0, 0, 0.0]\n").noiseType()).isEqualTo(NoiseType.NONE);
        assertThat(yaml(LORENZ + "diffusion: 0.1\n").noiseType()).isEqualTo(NoiseType.ADDITIVE);
    }

    @Test
    void unknownSymbolGivesLineColumnAndToken() {
        // line 7 is "  y: x*(rho - z) - y"
        assertBad(lorenzWith("x*(rho - z) - y", "x*(rho - q) - y"), 7, "drift.y", "unknown symbol 'q'", "column 10", "('q')");
    }

    @Test
    void syntaxErrorGivesLineAndToken() {
        assertBad(lorenzWith("x*y - beta*z", "x*y - beta*z)"), 8, "drift.z", "column 13", "(')')");
        assertBad(lorenzWith("sigma*(y - x)", "sigma*(y - x"), 6, "drift.x", "unclosed");
    }

    @Test
    void securityRejectionsCarryTheSpecLocation() {
        assertBad(lorenzWith("sigma*(y - x)", "\"java.lang.System.exit(1)\""), 6, "drift.x", "('java')", "member access");
        assertBad(lorenzWith("sigma*(y - x)", "\"x; System.exit(0)\""), 6, "drift.x", "(';')");
        assertBad(lorenzWith("sigma*(y - x)", "new int[9999999]"), 6, "drift.x", "('new')");
        assertBad(lorenzWith("sigma*(y - x)", "Runtime.getRuntime()"), 6, "drift.x", "('Runtime')");
    }

    @Test
    void wrongMatrixShapeIsRefused() {
        assertBad(LORENZ + "diffusion: [[1, 0], [0, 1], [0]]\n", 11, "diffusion[2]", "row of 1 entries", "row 0 has 2");
        assertBad(LORENZ + "diffusion: [[1, 0], [0, 1]]\n", 11, "diffusion", "2 rows for 3 state variables");
        assertBad(LORENZ + "diffusion: [1, 2]\n", 11, "diffusion", "diagonal of 2 entries for 3");
        assertBad(LORENZ + "diffusion: [[1], [1], [1]]\nnoise_dimension: 2\n", 12, "noise_dimension", "m = 1");
    }

    @Test
    void driftForUndeclaredVariableOrMissingDriftIsRefused() {
        assertBad(lorenzWith("  z: x*y - beta*z", "  w: x*y - beta*z"), 8, "drift.w", "'w' is not a state variable");
        assertBad(lorenzWith("  z: x*y - beta*z\n", ""), 6, "drift", "missing entry for state variable 'z'");
        assertBad(lorenzWith("initial_state: [-8, 7, 27]\n", ""), 1, "missing required field 'initial_state'");
        assertBad(lorenzWith("initial_state: [-8, 7, 27]", "initial_state: [-8, 7]"), 9, "initial_state", "2 numbers for 3");
    }

    @Test
    void duplicateNamesAreRefusedWithTheFirstPlace() {
        assertBad(lorenzWith("{sigma: 10, rho: 28, beta: \"8/3\"}", "{sigma: 10, rho: 28, beta: \"8/3\", y: 1}"), 4,
                "parameters.y", "duplicate name 'y'", "state variable at line 3");
        assertBad(lorenzWith("state: [x, y, z]", "state: [x, y, x]"), 3, "state[2]", "duplicate name 'x'");
        assertBad(lorenzWith("dt: 0.01", "dt: 0.01\ndt: 0.02"), 11, "key 'dt' appears twice");
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertBad(lorenzWith("initial_state: [-8, 7, 27]", "initial_state: [-8, .nan, 27]"), 9, "initial_state[1]", ".nan", "finite");
        assertBad(lorenzWith("rho: 28", "rho: .inf"), 4, "parameters.rho", ".inf", "finite");
        assertBad(lorenzWith("dt: 0.01", "dt: -0.01"), 10, "dt", "-0.01", "> 0");
        assertBad(lorenzWith("\"8/3\"", "\"8/0\""), 4, "parameters.beta", "Infinity", "finite");
        assertBad(lorenzWith("\"8/3\"", "\"8/rho\""), 4, "parameters.beta", "('rho')", "allowed names: pi");
    }

    @Test
    void otherMistakesNameTheField() {
        assertBad(lorenzWith("dt: 0.01", "dtt: 0.01"), 10, "dtt", "unknown field", "initial_state, dt");
        assertBad(lorenzWith("state: [x, y, z]", "state: [x, y, t]"), 3, "state[2]", "'t' is reserved");
        assertBad("name: a\nstate: [x\n", 2, "YAML syntax error", "expected ',' or ']'");
        assertBad(LORENZ + "inputs: {u: {type: sawtooth}}\n", 11, "inputs.u.type", "unknown input type 'sawtooth'", "pulses");
        assertBad(LORENZ + "inputs: {u: {type: pulses, period: 1, width: 2, amplitude: 1}}\n", 11, "inputs.u", "width");
    }
}
