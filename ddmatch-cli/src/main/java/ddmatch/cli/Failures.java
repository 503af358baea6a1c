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
        } else if (ex instanceof DivergenceException d) {
            code = ExitCodes.FAILURE;
            message = withHint(d, cmd.getCommandName()).getMessage();
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            code = ExitCodes.FAILURE;
            message = "I/O error: " + describe(ex instanceof UncheckedIOException u ? u.getCause() : (IOException) ex);
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

    /**
     * An OS-level failure as "FILE: reason", FILE being the file the user asked for rather than the hidden temporary
     * one (Java's AccessDeniedException says only ".m.tmp-3gep52mqx0ema"); messages composed by the commands unchanged.
     */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            return ddmatch.io.AtomicFiles.userPath(java.nio.file.Path.of(f.getFile())) + ": " + ddmatch.io.AtomicFiles.reason(e)
                    + (f.getOtherFile() != null ? " (" + ddmatch.io.AtomicFiles.userPath(java.nio.file.Path.of(f.getOtherFile())) + ")" : "");
        }
        return String.valueOf(e.getMessage());
    }

    /** The divergence hint of what the user can do in this command: only simulate has --dt. */
    static DivergenceException withHint(DivergenceException d, String command) {
        return switch (command) {
            case "simulate" -> d.withHint(String.format("try a smaller --dt than %g", d.dt()));
            case "train" -> d.withHint(String.format("the target's run at its time step dt = %g diverged: for a spec file,"
                    + " give a smaller dt; otherwise check --param and --initial", d.dt()));
            case "analyze" -> d.withHint(String.format("analyze runs at the model's time step dt = %g, which it cannot"
                    + " change; see where it fails with 'ddmatch simulate MODEL --dt' and a smaller step", d.dt()));
            default -> d;
        };
    }
}
