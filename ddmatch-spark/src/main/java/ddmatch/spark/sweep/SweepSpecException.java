package ddmatch.spark.sweep;

/**
 * An invalid sweep spec. The message is one line: {@code file:line:column: field 'name' = value …; allowed …}.
 */
public final class SweepSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SweepSpecException(String message) {
        super(message);
    }
}
