package ddmatch.sde.user;

import java.util.List;

/**
 * Generates the Java source of a {@link Kernel} from syntax trees. The only text that reaches the source is this
 * class's fixed template, generated local names ({@code s0}, {@code p1}, {@code u2}, {@code t}), number literals
 * printed by {@link Double#toString(double)}, operators and {@link MathFunction} calls: never a user-written name or
 * character.
 */
final class JavaSource {
    static final String PACKAGE = "ddmatch.sde.user.generated";
    static final String CLASS = "UserKernel";

    private JavaSource() {}

    /**
     * @param d         state dimension
     * @param nParams   number of parameters
     * @param nInputs   number of inputs
     * @param drift     d expressions
     * @param diffusion d·m expressions, row-major; null entries are structural zeros
     * @param jacobian  d·d expressions, row-major
     */
    static String kernel(int d, int nParams, int nInputs, List<Expr> drift, List<Expr> diffusion, List<Expr> jacobian) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("public final class ").append(CLASS).append(" implements ddmatch.sde.user.Kernel {\n");
        method(sb, "drift", d, nParams, nInputs, drift, false);
        method(sb, "driftAt", d, nParams, nInputs, drift, true);
        method(sb, "diffusion", d, nParams, nInputs, diffusion, false);
        method(sb, "jacobian", d, nParams, nInputs, jacobian, false);
        sb.append("}\n");
        return sb.toString();
    }

    private static void method(StringBuilder sb, String name, int d, int nParams, int nInputs, List<Expr> out,
                               boolean inputValues) {
        // inputValues: the inputs are given as numbers (double[] in) rather than as schedules evaluated at t.
        sb.append("  public void ").append(name).append("(double t, double[] z, double[] p, ")
                .append(inputValues ? "double[] in, double[] out) {\n" : "ddmatch.sde.input.InputSchedule[] in, double[] out) {\n");
        for (int i = 0; i < d; i++) {
            sb.append("    final double s").append(i).append(" = z[").append(i).append("];\n");
        }
        for (int k = 0; k < nParams; k++) {
            sb.append("    final double p").append(k).append(" = p[").append(k).append("];\n");
        }
        for (int k = 0; k < nInputs; k++) {
            final int input = k;
            // Evaluate an input once per call, and only where it is used: a schedule may be a table lookup.
            if (out.stream().anyMatch(e -> e != null && e.usesInput(input))) {
                sb.append("    final double u").append(k).append(" = in[").append(k).append(inputValues ? "];\n" : "].value(t);\n");
            }
        }
        for (int i = 0; i < out.size(); i++) {
            Expr e = out.get(i);
            sb.append("    out[").append(i).append("] = ").append(e == null ? "0.0" : java(e)).append(";\n");
        }
        sb.append("  }\n");
    }

    /** The Java expression for a tree, fully parenthesised so that Java's precedence never matters. */
    static String java(Expr e) {
        if (e instanceof Expr.Num n) {
            String s = Double.toString(n.value()); // finite by construction of Num
            return n.value() < 0 || s.startsWith("-") ? "(" + s + ")" : s;
        } else if (e instanceof Expr.Var v) {
            return switch (v.kind()) {
                case STATE -> "s" + v.index();
                case PARAMETER -> "p" + v.index();
                case INPUT -> "u" + v.index();
                case TIME -> "t";
            };
        } else if (e instanceof Expr.Neg g) {
            return "(-" + java(g.arg()) + ")";
        } else if (e instanceof Expr.Binary b) {
            String l = java(b.left());
            String r = java(b.right());
            return switch (b.op()) {
                case ADD -> "(" + l + " + " + r + ")";
                case SUB -> "(" + l + " - " + r + ")";
                case MUL -> "(" + l + " * " + r + ")";
                case DIV -> "(" + l + " / " + r + ")";
                case POW -> "Math.pow(" + l + ", " + r + ")";
            };
        }
        Expr.Call c = (Expr.Call) e;
        String a = java(c.args().get(0));
        String b = c.args().size() > 1 ? java(c.args().get(1)) : null;
        return c.function().java(a, b);
    }
}
