package ddmatch.cli;

import ddmatch.io.DataFormatException;
import ddmatch.solve.DivergenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;

/**
 * Turns an exception thrown by a subcommand into a one-line message on stderr and an exit code: invalid input
 * ({@link IllegalArgumentException}, including malformed files) exits 2, runtime failures exit 1. No stack trace reaches
 * the user unless {@code DDMATCH_DEBUG} is set.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    /** A failure the command has already reported on stderr (e.g. while the JVM shuts down): exit 1, print nothing. */
    static final class Reported extends CancellationException {
        Reported(String message) {
            super(message);
        }
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (ex instanceof Reported) {
            return ExitCodes.FAILURE;
        }
        int code;
        String message;
        if (ex instanceof DataFormatException || ex instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE;
            message = ex.getMessage();
        } else if (ex instanceof DivergenceException) {
            code = ExitCodes.FAILURE;
            message = ex.getMessage();
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            code = ExitCodes.FAILURE;
            message = "I/O error: " + ex.getMessage();
        } else if (ex instanceof CancellationException) {
            code = ExitCodes.FAILURE;
            message = "interrupted: " + ex.getMessage();
        } else {
            code = ExitCodes.FAILURE;
            message = "internal error: " + ex;
        }
        err.println("ddmatch " + cmd.getCommandName() + ": " + message);
        if (System.getenv("DDMATCH_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
