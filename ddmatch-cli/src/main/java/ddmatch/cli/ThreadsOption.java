package ddmatch.cli;

import ddmatch.solve.Parallelism;
import picocli.CommandLine.Option;

/**
 * The shared {@code --threads N} option. Results do not depend on it (every parallel kernel is bit-identical for any
 * thread count); it only limits how many cores a command uses.
 */
final class ThreadsOption {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "worker threads for the fit, ensembles and the parts of an analysis that run side by side (≥ 1; default: all cores). Results are bit-identical for any N.")
    void setThreads(int n) {
        if (n < 0) {
            // A ParameterException reaches the user as it is; any other exception from a setter is wrapped by picocli
            // in "Could not invoke void ddmatch.cli.ThreadsOption.setThreads(int) …".
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads = " + n + " is not allowed; it must be ≥ 1 (or 0 for all cores)");
        }
        Parallelism.setThreads(n);
    }
}
