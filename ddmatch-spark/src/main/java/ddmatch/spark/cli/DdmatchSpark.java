package ddmatch.spark.cli;

import ddmatch.io.JvmShutdown;
import ddmatch.spark.Sessions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the Spark subcommands: {@code ddmatch sweep} and {@code ddmatch ensemble} (the launcher script sends
 * these two here and everything else to the core command). Exit codes as the core's: 0 success, 1 runtime failure,
 * 2 invalid input.
 */
@Command(name = "ddmatch", mixinStandardHelpOptions = true, versionProvider = DdmatchSpark.Version.class,
        description = "ddmatch on Apache Spark: parameter sweeps and long ensembles (local mode by default; the same job "
                + "on a cluster with spark-submit).",
        subcommands = {SweepCommand.class, EnsembleCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime failure (a failed point, an I/O error)",
                "2:invalid input (bad spec or option value, unreadable model)"})
public final class DdmatchSpark implements Runnable {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line; tests use it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DdmatchSpark());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            int code;
            String message;
            if (ex instanceof IllegalArgumentException) {
                code = USAGE;
                message = ex.getMessage();
            } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
                code = FAILURE;
                message = "I/O error: " + ex.getMessage();
            } else if (ex instanceof InterruptedException) {
                code = FAILURE;
                message = "interrupted";
            } else if (ex instanceof CancellationException) {
                code = FAILURE;
                message = "interrupted: " + ex.getMessage();
            } else if (ex instanceof Sessions.StartFailure) {
                code = FAILURE;
                message = ex.getMessage();
            } else {
                code = FAILURE;
                message = "internal error: " + ex;
            }
            // A spec with several problems has one line for each, every line prefixed like a single message.
            for (String line : String.valueOf(message).split("\\R")) {
                err.println("ddmatch " + cmd.getCommandName() + ": " + line);
            }
            if (System.getenv("DDMATCH_DEBUG") != null) ex.printStackTrace(err);
            err.flush();
            return code;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("ddmatch: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (JvmShutdown.inProgress()) {
            // Ctrl-C or SIGTERM: the JVM exits with 128 + the signal once its shutdown hooks return. A System.exit
            // called after they have run would halt it with this code instead (as the core command, ddmatch.cli.Ddmatch).
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // keep waiting: the JVM halts once its shutdown hooks return
                }
            }
        }
        System.exit(code);
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ddmatch " + ddmatch.cli.Ddmatch.VERSION + " (Spark module, Java " + Runtime.version() + ")"};
        }
    }
}
