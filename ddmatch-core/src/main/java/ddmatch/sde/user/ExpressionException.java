package ddmatch.sde.user;

/**
 * An expression that cannot be accepted: a syntax error, an unknown symbol or function, a wrong number of arguments or
 * anything outside the expression language. It carries the 1-based column inside the expression and the offending
 * token, so that a loader can add the position of the expression in its file.
 */
public class ExpressionException extends IllegalArgumentException {
    private final String expression;
    private final int column;
    private final String token;
    private final String reason;

    /**
     * @param expression the whole expression text
     * @param column     1-based column of the offending token inside {@code expression}
     * @param token      the offending token (empty at the end of the text)
     * @param reason     what is wrong and what is allowed
     */
    public ExpressionException(String expression, int column, String token, String reason) {
        super("column " + column + (token.isEmpty() ? " (end of expression)" : " ('" + token + "')") + " of \""
                + expression + "\": " + reason);
        this.expression = expression;
        this.column = column;
        this.token = token;
        this.reason = reason;
    }

    /** The whole expression text. */
    public String expression() {
        return expression;
    }

    /** 1-based column of the offending token inside the expression. */
    public int column() {
        return column;
    }

    /** The offending token, empty at the end of the expression. */
    public String token() {
        return token;
    }

    /** What is wrong and what is allowed, without the position. */
    public String reason() {
        return reason;
    }
}
