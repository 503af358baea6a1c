package ddmatch.io;

/**
 * Thrown when the content of a file or stream does not have the expected format. The message names the source (usually
 * the file name), what is wrong and what is allowed. It is unchecked and an {@link IllegalArgumentException} because
 * malformed input is a problem with the data handed to the program, not a transient I/O failure worth retrying.
 */
public class DataFormatException extends IllegalArgumentException {
    /**
     * Creates the exception.
     *
     * @param message names the source, the problem and what is allowed
     */
    public DataFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message names the source, the problem and what is allowed
     * @param cause   the underlying exception
     */
    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
