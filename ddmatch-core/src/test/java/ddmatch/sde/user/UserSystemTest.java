package ddmatch.sde.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ddmatch.sde.NoiseType;
import ddmatch.sde.input.Constant;
import ddmatch.sde.input.InputSchedule;
import ddmatch.sde.input.PulseTrain;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Compiled user systems against the tree interpreter, their Jacobians against finite differences, noise types. */
class UserSystemTest {
    private static final List<String> STATE = List.of("x", "y", "w");
    private static final List<String> PARAMS = List.of("a", "b");
    private static final List<String> INPUTS = List.of("u", "c");
    private static final Symbols SYMBOLS = Symbols.of(STATE, PARAMS, INPUTS);
    private static final double[] P = {1.3, -0.4};
    private static final List<InputSchedule> IN = List.of(new PulseTrain(2.0, 0.5, 1.5, 0.0), new Constant(0.25));

    /** Every function and operator appears in some component; smooth where the state is sampled. */
    private static final List<String> DRIFT = List.of(
            "a*(y - x) + u*sin(t) + x^3 - pow(w^2 + 1, b) + exp(-x*y)/(1 + w^2)",
            "x*(28 - w) - y + log(1 + x^2) + sqrt(2 + cos(y)) + tanh(a*w) + atan2(y, 2 + x^2)",
            "x*y - 8/3*w + sinh(x/3)*cosh(y/4) + tan(w/5) + abs(x) + c*min(x, y) + max(x, -y)*heaviside(t - 1) - sign(x)");

    private static UserSystem system(Diffusion g) {
        List<Expr> drift = DRIFT.stream().map(s -> ExpressionParser.parse(s, SYMBOLS)).toList();
        return UserSystem.compile(new UserSystemDefinition("test-system", "", SYMBOLS, P, IN, drift, g,
                new double[] {0.1, 0.2, 0.3}, 0.01));
    }

    private static Expr parse(String s) {
        return ExpressionParser.parse(s, SYMBOLS);
    }

    @Test
    void compiledDriftEqualsTheInterpretedTree() {
        UserSystem sys = system(new Diffusion.None());
        SplittableRandom rnd = new SplittableRandom(7);
        double[] z = new double[3];
        double[] out = new double[3];
        for (int k = 0; k < 200; k++) {
            for (int i = 0; i < 3; i++) {
                z[i] = rnd.nextDouble(-3, 3);
            }
            double t = rnd.nextDouble(0, 10);
            double[] u = {IN.get(0).value(t), IN.get(1).value(t)};
            sys.drift(t, z, out);
            for (int i = 0; i < 3; i++) {
                double ref = parse(DRIFT.get(i)).evaluate(t, z, P, u);
                // Same operations in the same order: bit-identical apart from JIT fused/strict differences (none in Java 17).
                assertThat(out[i]).isEqualTo(ref);
            }
        }
        assertThat(sys.noiseType()).isEqualTo(NoiseType.NONE);
        assertThat(sys.noiseDimension()).isZero();
    }

    @Test
    void jacobianMatchesCentralFiniteDifferences() {
        UserSystem sys = system(new Diffusion.None());
        assertThat(sys.hasJacobian()).isTrue();
        SplittableRandom rnd = new SplittableRandom(11);
        double[] z = new double[3];
        double[] jac = new double[9];
        double[] fp = new double[3];
        double[] fm = new double[3];
        double h = 1e-6;
        double worst = 0.0;
        for (int k = 0; k < 50; k++) {
            for (int i = 0; i < 3; i++) {
                // Stay away from the kinks of abs/min/max/sign (|x| > 0.1, |x − y| > 0.1, |x + y| > 0.1).
                z[i] = (rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(0.2, 2.0);
            }
            if (Math.abs(z[0] - z[1]) < 0.1 || Math.abs(z[0] + z[1]) < 0.1) {
                continue;
            }
            double t = rnd.nextDouble(0, 10);
            sys.jacobian(t, z, jac);
            for (int j = 0; j < 3; j++) {
                double[] zp = z.clone();
                double[] zm = z.clone();
                zp[j] += h;
                zm[j] -= h;
                sys.drift(t, zp, fp);
                sys.drift(t, zm, fm);
                for (int i = 0; i < 3; i++) {
                    double fd = (fp[i] - fm[i]) / (2 * h);
                    double err = Math.abs(jac[i * 3 + j] - fd) / (1.0 + Math.abs(fd));
                    worst = Math.max(worst, err);
                }
            }
        }
        // Central differences with h = 1e-6 are accurate to O(h²·f''') + O(ε/h) ≈ 1e-9 here.
        assertThat(worst).isLessThan(1e-7);
    }

    @Test
    void noiseTypeFollowsTheDiffusionsDependence() {
        assertThat(system(new Diffusion.Scalar(parse("a*c"))).noiseType()).isEqualTo(NoiseType.ADDITIVE);
        assertThat(system(new Diffusion.Scalar(parse("u"))).noiseType()).isEqualTo(NoiseType.DIAGONAL); // u(t) varies
        assertThat(system(new Diffusion.Diagonal(List.of(parse("1"), parse("x"), parse("2")))).noiseType())
                .isEqualTo(NoiseType.DIAGONAL);
        UserSystem general = system(new Diffusion.Matrix(3, 2, List.of(parse("1"), parse("x"), parse("0"), parse("y*w"),
                parse("a"), parse("-b"))));
        assertThat(general.noiseType()).isEqualTo(NoiseType.GENERAL);
        assertThat(general.noiseDimension()).isEqualTo(2);
        double[] g = new double[6];
        java.util.Arrays.fill(g, 99.0);
        general.diffusion(0.0, new double[] {0.5, 2.0, 3.0}, g);
        assertThat(g).containsExactly(1.0, 0.5, 0.0, 6.0, 1.3, 0.4);
        UserSystem constantMatrix = system(new Diffusion.Matrix(3, 1, List.of(parse("1"), parse("a"), parse("c"))));
        assertThat(constantMatrix.noiseType()).isEqualTo(NoiseType.ADDITIVE);
    }

    @Test
    void scalarAndDiagonalDiffusionFillTheWholeMatrix() {
        UserSystem scalar = system(new Diffusion.Scalar(parse("2*a")));
        double[] g = new double[9];
        java.util.Arrays.fill(g, 99.0);
        scalar.diffusion(0.0, new double[3], g);
        assertThat(g).containsExactly(2.6, 0, 0, 0, 2.6, 0, 0, 0, 2.6);
        UserSystem diag = system(new Diffusion.Diagonal(List.of(parse("x"), parse("y^2"), parse("sqrt(1 + w^2)"))));
        java.util.Arrays.fill(g, 99.0);
        diag.diffusion(0.0, new double[] {-1.0, 3.0, 0.0}, g);
        assertThat(g).containsExactly(-1.0, 0, 0, 0, 9.0, 0, 0, 0, 1.0);
        assertThat(diag.noiseDimension()).isEqualTo(3);
    }

    @Test
    void generatedSourceContainsNoUserText() {
        UserSystem sys = system(new Diffusion.Scalar(parse("a")));
        String src = sys.generatedSource();
        for (String name : List.of("x", "y", "w", "a", "b", "u", "c")) {
            assertThat(src).doesNotContainPattern("\\b" + name + "\\b");
        }
        assertThat(src).contains("implements ddmatch.sde.user.Kernel");
        assertThat(sys.parameters()).containsEntry("a", 1.3).containsEntry("b", -0.4);
        double[] j = new double[9];
        double[] z = {0.5, -0.5, 0.5};
        sys.jacobian(0.0, z, j);
        // d/dy of component 0: a − x·exp(−x y)/(1 + w²)
        assertThat(j[1]).isCloseTo(1.3 - 0.5 * Math.exp(0.25) / 1.25, within(1e-14));
    }
}
