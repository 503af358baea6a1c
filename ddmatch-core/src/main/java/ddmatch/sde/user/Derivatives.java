package ddmatch.sde.user;

import ddmatch.sde.user.Expr.Binary;
import ddmatch.sde.user.Expr.Call;
import ddmatch.sde.user.Expr.Neg;
import ddmatch.sde.user.Expr.Num;
import ddmatch.sde.user.Expr.Op;
import ddmatch.sde.user.Expr.Var;
import java.util.List;

/**
 * Symbolic differentiation of expression trees with respect to one state variable, by the chain rule applied node by
 * node (the tree analogue of forward-mode automatic differentiation, done once at set-up instead of at every call).
 * Products with 0 and 1 and sums with 0 are folded so that the derivative of a polynomial stays small. Conventions at
 * the points where a function is not differentiable: {@code d|a| = sign(a) da}, {@code d sign(a) = d heaviside(a) = 0},
 * {@code d min(a, b) = da} where {@code a ≤ b} and {@code db} elsewhere (and the mirror for {@code max}).
 */
public final class Derivatives {
    private static final Num ZERO = new Num(0.0);
    private static final Num ONE = new Num(1.0);

    private Derivatives() {}

    /**
     * The derivative of {@code e} with respect to the state variable with index {@code state}.
     *
     * @param e     the expression
     * @param state index of the state variable
     * @return {@code ∂e/∂z_state}, simplified
     */
    public static Expr differentiate(Expr e, int state) {
        if (e instanceof Num) {
            return ZERO;
        } else if (e instanceof Var v) {
            return v.kind() == Symbols.Kind.STATE && v.index() == state ? ONE : ZERO;
        } else if (e instanceof Neg g) {
            return neg(differentiate(g.arg(), state));
        } else if (e instanceof Binary b) {
            Expr a = b.left();
            Expr c = b.right();
            Expr da = differentiate(a, state);
            Expr dc = differentiate(c, state);
            return switch (b.op()) {
                case ADD -> add(da, dc);
                case SUB -> sub(da, dc);
                case MUL -> add(mul(da, c), mul(a, dc));
                case DIV -> isZero(dc) ? div(da, c) : div(sub(mul(da, c), mul(a, dc)), mul(c, c));
                case POW -> power(a, c, da, dc);
            };
        }
        Call call = (Call) e;
        Expr a = call.args().get(0);
        Expr da = differentiate(a, state);
        Expr c = call.args().size() > 1 ? call.args().get(1) : null;
        Expr dc = c == null ? ZERO : differentiate(c, state);
        if (isZero(da) && isZero(dc)) {
            return ZERO;
        }
        return switch (call.function()) {
            case SIN -> mul(fn(MathFunction.COS, a), da);
            case COS -> neg(mul(fn(MathFunction.SIN, a), da));
            case TAN -> mul(add(ONE, square(fn(MathFunction.TAN, a))), da);
            case EXP -> mul(call, da);
            case LOG -> div(da, a);
            case SQRT -> div(da, mul(new Num(2.0), call));
            case TANH -> mul(sub(ONE, square(call)), da);
            case SINH -> mul(fn(MathFunction.COSH, a), da);
            case COSH -> mul(fn(MathFunction.SINH, a), da);
            case POW -> power(a, c, da, dc);
            case ABS -> mul(fn(MathFunction.SIGN, a), da);
            case SIGN, HEAVISIDE -> ZERO;
            case MIN -> select(fn(MathFunction.HEAVISIDE, sub(c, a)), da, dc);
            case MAX -> select(fn(MathFunction.HEAVISIDE, sub(a, c)), da, dc);
            case ATAN2 -> div(sub(mul(c, da), mul(a, dc)), add(square(c), square(a)));
        };
    }

    /** d(a^c): {@code c a^(c−1) da} when c does not depend on the variable, else {@code a^c (dc log a + c da / a)}. */
    private static Expr power(Expr a, Expr c, Expr da, Expr dc) {
        if (isZero(dc)) {
            Expr lower = c instanceof Num n ? new Num(n.value() - 1.0) : sub(c, ONE);
            Expr pow = lower instanceof Num n && n.value() == 1.0 ? a : new Binary(Op.POW, a, lower);
            return mul(mul(c, pow), da);
        }
        Expr whole = new Binary(Op.POW, a, c);
        return mul(whole, add(mul(dc, fn(MathFunction.LOG, a)), div(mul(c, da), a)));
    }

    /** {@code h·x + (1 − h)·y} for a step {@code h} ∈ {0, 1}: picks one branch's derivative. */
    private static Expr select(Expr h, Expr x, Expr y) {
        return add(mul(h, x), mul(sub(ONE, h), y));
    }

    private static Expr fn(MathFunction f, Expr... args) {
        return new Call(f, List.of(args));
    }

    private static Expr square(Expr a) {
        return new Binary(Op.MUL, a, a);
    }

    static boolean isZero(Expr e) {
        return e instanceof Num n && n.value() == 0.0;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Num n && n.value() == 1.0;
    }

    private static Expr neg(Expr a) {
        if (a instanceof Num n) {
            return new Num(-n.value() + 0.0); // + 0.0 turns −0 into 0
        }
        return a instanceof Neg g ? g.arg() : new Neg(a);
    }

    private static Expr add(Expr a, Expr b) {
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        if (a instanceof Num x && b instanceof Num y && Double.isFinite(x.value() + y.value())) {
            return new Num(x.value() + y.value());
        }
        return new Binary(Op.ADD, a, b);
    }

    private static Expr sub(Expr a, Expr b) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return neg(b);
        }
        if (a instanceof Num x && b instanceof Num y && Double.isFinite(x.value() - y.value())) {
            return new Num(x.value() - y.value());
        }
        return new Binary(Op.SUB, a, b);
    }

    private static Expr mul(Expr a, Expr b) {
        if (isZero(a) || isZero(b)) {
            return ZERO;
        }
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Num x && b instanceof Num y && Double.isFinite(x.value() * y.value())) {
            return new Num(x.value() * y.value());
        }
        return new Binary(Op.MUL, a, b);
    }

    private static Expr div(Expr a, Expr b) {
        if (isZero(a)) {
            return ZERO;
        }
        if (isOne(b)) {
            return a;
        }
        return new Binary(Op.DIV, a, b);
    }
}
