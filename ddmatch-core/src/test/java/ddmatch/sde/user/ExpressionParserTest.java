package ddmatch.sde.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expression language: values against Java arithmetic, precedence, and everything outside it rejected. */
class ExpressionParserTest {
    private static final Symbols SYMBOLS = Symbols.of(List.of("x", "y"), List.of("a", "b"), List.of("u"));
    private static final double[] Z = {0.7, -1.3};
    private static final double[] P = {2.0, 0.5};
    private static final double[] U = {3.0};

    private static double eval(String s) {
        return ExpressionParser.parse(s, SYMBOLS).evaluate(0.25, Z, P, U);
    }

    @Test
    void valuesMatchTheSameFormulaInJava() {
        double x = Z[0], y = Z[1], a = P[0], b = P[1], u = U[0], t = 0.25;
        assertThat(eval("a*(y - x)")).isEqualTo(a * (y - x));
        assertThat(eval("x - y - a")).isEqualTo(x - y - a);          // left associative
        assertThat(eval("x / y / a")).isEqualTo(x / y / a);
        assertThat(eval("-x^2")).isEqualTo(-(x * x), within(1e-15)); // unary minus binds looser than ^
        assertThat(eval("2^3^2")).isEqualTo(512.0);                  // ^ is right associative
        assertThat(eval("x^-2")).isEqualTo(Math.pow(x, -2), within(1e-15));
        assertThat(eval("1.5e-3*u + .5 + 2.")).isEqualTo(1.5e-3 * u + 0.5 + 2.0);
        assertThat(eval("sin(t)*exp(-x) + atan2(y, x) + pow(a, b) + max(x, y) - min(x, y)"))
                .isEqualTo(Math.sin(t) * Math.exp(-x) + Math.atan2(y, x) + Math.pow(a, b) + Math.max(x, y) - Math.min(x, y));
        assertThat(eval("sign(y) + heaviside(y) + heaviside(0) + abs(y) + sqrt(a) + log(a) + tanh(x) + cosh(x) + sinh(x)"
                + " + tan(x) + cos(x)"))
                .isEqualTo(Math.signum(y) + 0.0 + 1.0 + Math.abs(y) + Math.sqrt(a) + Math.log(a) + Math.tanh(x) + Math.cosh(x)
                        + Math.sinh(x) + Math.tan(x) + Math.cos(x));
        assertThat(eval("2*pi")).isEqualTo(2 * Math.PI);
    }

    /** What `systems show SPEC` prints parses back to the same value, bit for bit (an independent evaluation). */
    @Test
    void theInfixFormParsesBackToTheSameValue() {
        for (String text : List.of("a*(y - x)", "x - y - a", "x - (y - a)", "x / y / a", "x / (y / a)", "-x^2", "(-x)^2",
                "2^3^2", "(2^3)^2", "x^-2", "1.5e-3*u + .5 + 2.", "sin(t)*exp(-x) + atan2(y, x) + pow(a, b)",
                "-(x + y)*a", "a*(b*x)", "2*pi", "x*(28 - y) - -y")) {
            Expr e = ExpressionParser.parse(text, SYMBOLS);
            String shown = e.infix();
            double again = ExpressionParser.parse(shown, SYMBOLS).evaluate(0.25, Z, P, U);
            assertThat(again).as("%s shown as %s", text, shown).isEqualTo(e.evaluate(0.25, Z, P, U));
        }
        assertThat(ExpressionParser.parse("a*(y - x)", SYMBOLS).infix()).isEqualTo("a*(y - x)");
        assertThat(ExpressionParser.parse("-x^2", SYMBOLS).infix()).isEqualTo("-x^2");
        assertThat(ExpressionParser.parse("(-x)^2", SYMBOLS).infix()).isEqualTo("(-x)^2");
    }

    private static void assertRejected(String text, int column, String token, String fragment) {
        assertThatThrownBy(() -> ExpressionParser.parse(text, SYMBOLS))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
                    assertThat(e.token()).as(e.getMessage()).isEqualTo(token);
                    assertThat(e.getMessage()).contains(fragment);
                });
    }

    @Test
    void codeInjectionAttemptsAreRejectedBeforeAnyCompiler() {
        assertRejected("java.lang.System.exit(1)", 1, "java", "member access");
        assertRejected("Runtime.getRuntime()", 1, "Runtime", "member access");
        assertRejected("x; System.exit(0)", 2, ";", "';' is not allowed");
        assertRejected("new int[9999999]", 1, "new", "unknown symbol 'new'");
        assertRejected("\"abc\"", 1, "\"", "strings are not allowed");
        assertRejected("x + {}", 5, "{", "braces");
        assertRejected("getClass()", 1, "getClass", "unknown function 'getClass'");
        assertRejected("System", 1, "System", "unknown symbol 'System'");
        assertRejected("x = 1", 3, "=", "'=' is not allowed");
    }

    @Test
    void syntaxErrorsNameTheColumnAndToken() {
        assertRejected("a*(y - q)", 8, "q", "allowed names: x, y, a, b, u, t, pi");
        assertRejected("a*(y - x", 3, "(", "unclosed");
        assertRejected("2x", 1, "2x", "malformed number");
        assertRejected("x ** 2", 3, "**", "a^b");
        assertRejected("pow(x)", 1, "pow", "takes 2 arguments, not 1");
        assertRejected("sin x", 1, "sin", "parentheses");
        assertRejected("x +", 4, "", "ends too early");
        assertRejected("   ", 4, "", "empty expression");
        assertRejected("1e", 1, "1e", "exponent");
        assertRejected("1e999", 1, "1e999", "too large");
        assertRejected("(".repeat(300) + "x" + ")".repeat(300), 201, "(", "nested deeper");
    }

    @Test
    void declaredNamesMustBeValidAndDistinct() {
        assertThatThrownBy(() -> Symbols.of(List.of("x", "x"), List.of(), List.of())).hasMessageContaining("'x' is declared twice");
        assertThatThrownBy(() -> Symbols.of(List.of("x"), List.of("x"), List.of())).hasMessageContaining("as a state variable and as a parameter");
        assertThatThrownBy(() -> Symbols.of(List.of("t"), List.of(), List.of())).hasMessageContaining("reserved");
        assertThatThrownBy(() -> Symbols.of(List.of("sin"), List.of(), List.of())).hasMessageContaining("reserved");
        assertThatThrownBy(() -> Symbols.of(List.of("1x"), List.of(), List.of())).hasMessageContaining("not allowed");
    }
}
