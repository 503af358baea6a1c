package ddmatch.io;

/**
 * Thrown when a model directory cannot be loaded because its content is missing, malformed, inconsistent or from an
 * unsupported format version. The message names the file, the field, the offending value and what is allowed.
 */
public class ModelFormatException extends DataFormatException {
    /**
     * Creates the exception.
     *
     * @param message names the file, the field, the value and what is allowed
     */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message names the file, the field, the value and what is allowed
     * @param cause   the underlying exception
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
