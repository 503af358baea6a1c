package ddmatch.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ddmatch} command. */
@Command(name = "ddmatch", mixinStandardHelpOptions = true, versionProvider = Ddmatch.Version.class,
        description = "Drift-diffusion matching: train rate networks of N neurons that carry a stochastic differential "
                + "equation in a low-dimensional subspace, simulate them in full and check them against the target.",
        subcommands = {SystemsCommand.class, TrainCommand.class, SimulateCommand.class, AnalyzeCommand.class, DemoCommand.class, ReproduceCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nOn Apache Spark (module ddmatch-spark, built by this launcher on first use):%n",
        footer = {"  sweep     Train and analyse a grid (systems × N × seeds × parameters):",
                "            one Parquet table. See: ddmatch sweep --help",
                "  ensemble  Long ensembles of a trained network: residence times and",
                "            transitions between wells. See: ddmatch ensemble --help%n"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime failure (e.g. a diverging simulation, an I/O error)",
                "2:invalid input (unknown system, bad option value, unreadable model file)"})
public final class Ddmatch implements java.util.concurrent.Callable<Integer> {
    /** Version of this build. */
    public static final String VERSION = "0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No subcommand: the usage on stderr and exit status 2, as for any other incomplete command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Builds the configured command line; tests use it with their own writers. */
    public static CommandLine commandLine() {
        // Eagerly, before any command runs: registered lazily at the first atomic write, the hook failed ("Shutdown in
        // progress") when that write was simulate's final checkpoint on Ctrl-C, and the checkpoint was lost.
        ddmatch.io.AtomicFiles.installShutdownHook();
        CommandLine cl = new CommandLine(new Ddmatch());
        cl.setExecutionExceptionHandler(new Failures());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("ddmatch: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (ddmatch.io.JvmShutdown.inProgress()) {
            // The JVM is exiting on SIGINT or SIGTERM, and the command ended because of it (e.g. simulate wrote its final
            // checkpoint). The JVM's status is then 128 + the signal (README, "Exit codes"), but a System.exit called
            // after the shutdown hooks have run halts it with this code instead: a race that gave 1 for a Ctrl-C. Let
            // the shutdown finish.
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

    /** Supplies {@code --version}: the build, the Java runtime, and which kernels this JVM runs (and why, if scalar). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String reason = ddmatch.linalg.VectorApi.scalarReason();
            String kernels = ddmatch.rnn.NetworkKernels.inUse();   // vector shape and tanh form, or "scalar"
            if (reason == null && kernels.equals("scalar")) {
                reason = "the Vector API kernels did not load on this JDK";
            }
            return new String[] {"ddmatch " + VERSION + " (Java " + Runtime.version() + ")",
                "kernels: " + (reason == null ? kernels + " (jdk.incubator.vector)" : "scalar, because " + reason)};
        }
    }
}
