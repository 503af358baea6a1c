package ddmatch.sde.user;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of an expression. Only these node kinds exist, so code generated from a tree can do nothing but
 * arithmetic on doubles and calls of {@link MathFunction}s. Trees are built by {@link ExpressionParser} (from text) and
 * by {@link Derivatives} (from other trees).
 */
public sealed interface Expr {

    /** A number literal (finite). */
    record Num(double value) implements Expr {
        /** Rejects non-finite values. */
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("number " + value + " is not allowed; literals must be finite");
            }
        }
    }

    /** A declared symbol: a state variable, a parameter, an input or the time. */
    record Var(Symbols.Kind kind, int index, String name) implements Expr {
        /** Validates the index. */
        public Var {
            Objects.requireNonNull(kind, "kind");
            if (index < 0) {
                throw new IllegalArgumentException("index = " + index + " is not allowed; it must be ≥ 0");
            }
        }
    }

    /** Unary minus. */
    record Neg(Expr arg) implements Expr {}

    /** The binary operators, {@code ^} being the power. */
    enum Op { ADD, SUB, MUL, DIV, POW }

    /** A binary operation. */
    record Binary(Op op, Expr left, Expr right) implements Expr {}

    /** A call of a whitelisted function with the right number of arguments. */
    record Call(MathFunction function, List<Expr> args) implements Expr {
        /** Checks the arity. */
        public Call {
            args = List.copyOf(args);
            if (args.size() != function.arity()) {
                throw new IllegalArgumentException("function '" + function.id() + "' takes " + function.arity()
                        + " argument(s), not " + args.size());
            }
        }
    }

    /**
     * Evaluates the tree by walking it: slow, for constant expressions and as an independent reference for the compiled
     * code.
     *
     * @param t      time
     * @param z      state values by index
     * @param params parameter values by index
     * @param inputs input values by index (already evaluated at {@code t})
     */
    default double evaluate(double t, double[] z, double[] params, double[] inputs) {
        if (this instanceof Num n) {
            return n.value();
        } else if (this instanceof Var v) {
            return switch (v.kind()) {
                case STATE -> z[v.index()];
                case PARAMETER -> params[v.index()];
                case INPUT -> inputs[v.index()];
                case TIME -> t;
            };
        } else if (this instanceof Neg g) {
            return -g.arg().evaluate(t, z, params, inputs);
        } else if (this instanceof Binary b) {
            double l = b.left().evaluate(t, z, params, inputs);
            double r = b.right().evaluate(t, z, params, inputs);
            return switch (b.op()) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> l / r;
                case POW -> Math.pow(l, r);
            };
        } else {
            Call c = (Call) this;
            double a = c.args().get(0).evaluate(t, z, params, inputs);
            double b = c.args().size() > 1 ? c.args().get(1).evaluate(t, z, params, inputs) : 0.0;
            return c.function().apply(a, b);
        }
    }

    /** Whether the tree contains a symbol of kind {@code kind}. */
    default boolean uses(Symbols.Kind kind) {
        if (this instanceof Var v) {
            return v.kind() == kind;
        } else if (this instanceof Neg g) {
            return g.arg().uses(kind);
        } else if (this instanceof Binary b) {
            return b.left().uses(kind) || b.right().uses(kind);
        } else if (this instanceof Call c) {
            return c.args().stream().anyMatch(a -> a.uses(kind));
        }
        return false;
    }

    /** Whether the tree contains the input with index {@code index}. */
    default boolean usesInput(int index) {
        if (this instanceof Var v) {
            return v.kind() == Symbols.Kind.INPUT && v.index() == index;
        } else if (this instanceof Neg g) {
            return g.arg().usesInput(index);
        } else if (this instanceof Binary b) {
            return b.left().usesInput(index) || b.right().usesInput(index);
        } else if (this instanceof Call c) {
            return c.args().stream().anyMatch(a -> a.usesInput(index));
        }
        return false;
    }

    /**
     * The expression in the spec syntax, with the parentheses precedence needs and no more ({@code ^} binds tighter
     * than unary minus, as in the parser): for showing a system, not for round trips of the last digit.
     */
    default String infix() {
        return infix(0);
    }

    /** Precedence: 1 for + −, 2 for * /, 3 for unary minus, 4 for ^, 5 for atoms. */
    private int precedence() {
        if (this instanceof Binary b) {
            return switch (b.op()) {
                case ADD, SUB -> 1;
                case MUL, DIV -> 2;
                case POW -> 4;
            };
        }
        return this instanceof Neg ? 3 : 5;
    }

    private String infix(int context) {
        String text;
        if (this instanceof Num n) {
            double v = n.value();
            text = v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        } else if (this instanceof Var v) {
            text = v.name();
        } else if (this instanceof Neg g) {
            text = "-" + g.arg().infix(3);
        } else if (this instanceof Binary b) {
            int p = precedence();
            String op = switch (b.op()) {
                case ADD -> " + ";
                case SUB -> " - ";
                case MUL -> "*";
                case DIV -> "/";
                case POW -> "^";
            };
            // Left-associative + − * /: the right operand of − and / (and of ^, right-associative, the left) needs
            // parentheses at equal precedence.
            boolean rightStrict = b.op() == Op.SUB || b.op() == Op.DIV || b.op() == Op.MUL;
            text = b.left().infix(b.op() == Op.POW ? p + 1 : p) + op + b.right().infix(rightStrict ? p + 1 : p);
        } else {
            Call c = (Call) this;
            StringBuilder sb = new StringBuilder(c.function().id()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(c.args().get(i).infix(0));
            }
            text = sb.append(')').toString();
        }
        return precedence() < context ? "(" + text + ")" : text;
    }
}
