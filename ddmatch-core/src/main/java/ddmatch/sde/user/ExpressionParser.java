package ddmatch.sde.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parses expression text into an {@link Expr} by recursive descent over this grammar (whitespace between tokens is
 * ignored):
 * <pre>
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('^' unary)?          (right associative: 2^3^2 = 2^9; -x^2 = -(x^2))
 *   primary := number | name | function '(' expr (',' expr)* ')' | '(' expr ')'
 *   number  := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]  |  '.' digits [exponent]
 * </pre>
 * A name must be declared in the {@link Symbols} (or be {@code t} or {@code pi}); a function must be one of
 * {@link MathFunction} and get exactly its number of arguments. Everything else — an unknown name, member access
 * ({@code a.b}), strings, semicolons, braces, brackets, assignment, keywords such as {@code new} — is rejected with an
 * {@link ExpressionException} naming the column and the token. This check, not the Java compiler, is what keeps user
 * text out of the generated code: code is generated from the tree only. Texts longer than {@value #MAX_LENGTH}
 * characters or nested deeper than {@value #MAX_DEPTH} levels are refused.
 */
public final class ExpressionParser {
    /** Longest accepted expression, in characters. */
    public static final int MAX_LENGTH = 10_000;
    /** Deepest accepted nesting of parentheses, calls and unary operators. */
    public static final int MAX_DEPTH = 200;

    private final String src;
    private final Symbols symbols;
    private int pos;
    private int depth;

    private ExpressionParser(String src, Symbols symbols) {
        this.src = src;
        this.symbols = symbols;
    }

    /**
     * Parses {@code text}.
     *
     * @param text    the expression
     * @param symbols the names it may use
     * @return the syntax tree
     * @throws ExpressionException with the column and token of the first problem
     */
    public static Expr parse(String text, Symbols symbols) {
        if (text == null) {
            throw new ExpressionException("", 1, "", "missing expression");
        }
        ExpressionParser p = new ExpressionParser(text, symbols);
        if (text.length() > MAX_LENGTH) {
            throw p.error(MAX_LENGTH, 1, "expression longer than " + MAX_LENGTH + " characters");
        }
        p.skipSpace();
        if (p.pos == text.length()) {
            throw p.error(p.pos, 0, "empty expression; expected a number, a name or '('");
        }
        Expr e = p.expr();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.unexpected("expected an operator (+ - * / ^) or the end of the expression");
        }
        return e;
    }

    // ------------------------------------------------------------------------------------------------ grammar

    private Expr expr() {
        Expr left = term();
        while (true) {
            skipSpace();
            if (peek('+')) {
                pos++;
                left = new Expr.Binary(Expr.Op.ADD, left, term());
            } else if (peek('-')) {
                pos++;
                left = new Expr.Binary(Expr.Op.SUB, left, term());
            } else {
                return left;
            }
        }
    }

    private Expr term() {
        Expr left = unary();
        while (true) {
            skipSpace();
            if (peek('*')) {
                pos++;
                if (peek('*')) {
                    throw error(pos - 1, 2, "'**' is not an operator here; write powers as a^b or pow(a, b)");
                }
                left = new Expr.Binary(Expr.Op.MUL, left, unary());
            } else if (peek('/')) {
                pos++;
                left = new Expr.Binary(Expr.Op.DIV, left, unary());
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        skipSpace();
        if (peek('-') || peek('+')) {
            boolean minus = peek('-');
            pos++;
            enter();
            Expr arg = unary();
            depth--;
            return minus ? negate(arg) : arg;
        }
        return power();
    }

    /** A minus directly on a literal gives a negative literal, so that "-2" prints back as a number. */
    private static Expr negate(Expr arg) {
        return arg instanceof Expr.Num n ? new Expr.Num(-n.value()) : new Expr.Neg(arg);
    }

    private Expr power() {
        Expr base = primary();
        skipSpace();
        if (peek('^')) {
            pos++;
            enter();
            Expr exponent = unary();
            depth--;
            return new Expr.Binary(Expr.Op.POW, base, exponent);
        }
        return base;
    }

    private Expr primary() {
        skipSpace();
        if (pos == src.length()) {
            throw error(pos, 0, "expression ends too early; expected a number, a name or '('");
        }
        char c = src.charAt(pos);
        if (c == '(') {
            int open = pos;
            pos++;
            enter();
            Expr inner = expr();
            depth--;
            skipSpace();
            if (!peek(')')) {
                if (pos == src.length()) {
                    throw error(open, 1, "unclosed '('");
                }
                throw unexpected("expected ')' to close the '(' at column " + (open + 1));
            }
            pos++;
            return inner;
        }
        if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            return name();
        }
        throw unexpected("expected a number, a name or '('");
    }

    private Expr number() {
        int start = pos;
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
        if (peek('.')) {
            pos++;
            while (pos < src.length() && isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (peek('e') || peek('E')) {
            int mark = pos;
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (pos == src.length() || !isDigit(src.charAt(pos))) {
                throw error(start, mark + 1 - start, "malformed number: exponent without digits");
            }
            while (pos < src.length() && isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) == '.')) {
            int end = pos;
            while (end < src.length() && (Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_' || src.charAt(end) == '.')) {
                end++;
            }
            throw error(start, end - start, "malformed number; write a product with '*' (e.g. 2*x)");
        }
        String text = src.substring(start, pos);
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw error(start, pos - start, "number too large for a double (magnitude must be below 1.8e308)");
        }
        return new Expr.Num(v);
    }

    private Expr name() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String id = src.substring(start, pos);
        int afterName = pos;
        skipSpace();
        if (peek('.')) {
            throw error(start, afterName - start, "'" + id + "' followed by '.': member access, packages and method "
                    + "calls are not allowed; " + allowedNamesHint());
        }
        if (peek('(')) {
            Optional<MathFunction> f = MathFunction.byId(id);
            if (f.isEmpty()) {
                throw error(start, afterName - start, "unknown function '" + id + "'; allowed functions: " + functionList());
            }
            return call(f.get(), start, id);
        }
        pos = afterName;
        if (MathFunction.byId(id).isPresent()) {
            throw error(start, id.length(), "function '" + id + "' needs its arguments in parentheses, e.g. " + id + "(x)");
        }
        if (id.equals(Symbols.PI)) {
            return new Expr.Num(Math.PI);
        }
        Optional<Symbols.Symbol> s = symbols.lookup(id);
        if (s.isEmpty()) {
            throw error(start, id.length(), "unknown symbol '" + id + "'; " + allowedNamesHint());
        }
        return new Expr.Var(s.get().kind(), s.get().index(), id);
    }

    private Expr call(MathFunction f, int start, String id) {
        pos++; // '('
        enter();
        List<Expr> args = new ArrayList<>();
        skipSpace();
        if (peek(')')) {
            pos++;
        } else {
            while (true) {
                args.add(expr());
                skipSpace();
                if (peek(',')) {
                    pos++;
                } else if (peek(')')) {
                    pos++;
                    break;
                } else if (pos == src.length()) {
                    throw error(start, id.length(), "unclosed '(' of the call of '" + id + "'");
                } else {
                    throw unexpected("expected ',' or ')' in the arguments of '" + id + "'");
                }
            }
        }
        depth--;
        if (args.size() != f.arity()) {
            throw error(start, id.length(), "function '" + id + "' takes " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s")
                    + ", not " + args.size());
        }
        return new Expr.Call(f, args);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error(Math.max(0, pos - 1), 1, "expression nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An error at the token that starts at {@code pos}: a name or number is shown whole, anything else as one character. */
    private ExpressionException unexpected(String expected) {
        if (pos == src.length()) {
            return error(pos, 0, "expression ends too early; " + expected);
        }
        char c = src.charAt(pos);
        int len = 1;
        if (Character.isLetterOrDigit(c) || c == '_') {
            while (pos + len < src.length() && (Character.isLetterOrDigit(src.charAt(pos + len)) || src.charAt(pos + len) == '_')) {
                len++;
            }
        } else if (Character.isHighSurrogate(c) && pos + 1 < src.length()) {
            len = 2;
        }
        String token = src.substring(pos, pos + len);
        String what = switch (c) {
            case ';' -> "';' is not allowed: an expression is a single formula, not statements";
            case '{', '}' -> "braces are not allowed";
            case '[', ']' -> "brackets are not allowed (no arrays or indexing)";
            case '"', '\'' -> "strings are not allowed";
            case '=' -> "'=' is not allowed: no assignments or comparisons";
            case ',' -> "',' is only allowed between function arguments";
            default -> "unexpected '" + token + "'";
        };
        return error(pos, len, what + "; " + expected);
    }

    private ExpressionException error(int at, int length, String reason) {
        int end = Math.min(src.length(), at + length);
        return new ExpressionException(src, at + 1, at < end ? src.substring(at, end) : "", reason);
    }

    private String allowedNamesHint() {
        return "allowed names: " + String.join(", ", symbols.allowedNames());
    }

    private static String functionList() {
        return Stream.of(MathFunction.values()).map(MathFunction::id).collect(Collectors.joining(", "));
    }
}
