package ddmatch.sde.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The functions an expression may call, with their arity. All map to {@link Math}, except {@code sign} (which is
 * {@link Math#signum}) and {@code heaviside}, the unit step with {@code heaviside(0) = 1} (right continuous, like
 * {@link ddmatch.sde.input.Step}) and NaN for NaN.
 */
public enum MathFunction {
    SIN(1), COS(1), TAN(1), EXP(1), LOG(1), SQRT(1), TANH(1), SINH(1), COSH(1), POW(2), ABS(1), MIN(2), MAX(2),
    ATAN2(2), SIGN(1), HEAVISIDE(1);

    private final int arity;

    MathFunction(int arity) {
        this.arity = arity;
    }

    /** Number of arguments. */
    public int arity() {
        return arity;
    }

    /** The name used in expressions, e.g. {@code atan2}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function called {@code id} in expressions (exact, lower case), if any. */
    public static Optional<MathFunction> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }

    /** Evaluates the function; {@code b} is ignored for one-argument functions. Same semantics as the compiled code. */
    public double apply(double a, double b) {
        return switch (this) {
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case SQRT -> Math.sqrt(a);
            case TANH -> Math.tanh(a);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case POW -> Math.pow(a, b);
            case ABS -> Math.abs(a);
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            case ATAN2 -> Math.atan2(a, b);
            case SIGN -> Math.signum(a);
            case HEAVISIDE -> heaviside(a);
        };
    }

    /** The unit step: 1 for {@code a ≥ 0}, 0 for {@code a < 0}, NaN for NaN. */
    public static double heaviside(double a) {
        return a >= 0.0 ? 1.0 : a < 0.0 ? 0.0 : a;
    }

    /** The Java method the generated code calls, applied to the generated argument strings. */
    String java(String a, String b) {
        return switch (this) {
            case SIGN -> "Math.signum(" + a + ")";
            case HEAVISIDE -> "ddmatch.sde.user.MathFunction.heaviside(" + a + ")";
            default -> "Math." + id() + "(" + a + (arity == 2 ? ", " + b : "") + ")";
        };
    }
}
