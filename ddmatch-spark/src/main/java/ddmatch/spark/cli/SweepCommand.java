package ddmatch.spark.cli;

import ddmatch.io.JvmShutdown;
import ddmatch.spark.Sessions;
import ddmatch.spark.sweep.SweepJob;
import ddmatch.spark.sweep.SweepSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddmatch sweep SPEC.yaml -o DIR}: a grid of train + analyse runs on Spark, gathered into one Parquet table. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train and analyse every point of the grid in SPEC (systems × N × seeds × parameters × λ × trainer "
                + "options) on Spark and gather the results into DIR/results.parquet (one row per point, every metric a "
                + "column), with each point's model and result under DIR/points/<id>/.",
                "Re-running skips completed points, so an interrupted sweep resumes where it stopped.",
                "The spec format is in the README (Sweeps on Spark) and examples/sweeps/."})
final class SweepCommand implements Callable<Integer> {
    /** Exit code of a sweep stopped by SIGINT (the JVM's status is the signal's anyway, 128 + 2). */
    static final int INTERRUPTED = 130;
    /** How long the shutdown hook waits for the command to report the interruption. */
    private static final long REPORT_WAIT_SECONDS = 10;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", description = "sweep spec (YAML)")
    Path specFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "sweep directory (created; an existing sweep directory is resumed); on a cluster, a path every "
                    + "executor sees (shared file system)")
    Path output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the one spark-submit gives, else local[*]: every core of this machine)")
    String master;

    @Option(names = "--partitions", defaultValue = "0",
            description = "Spark partitions of the points to compute; 0: one per point (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions = " + partitions + " is not allowed; it must be ≥ 0 (0: one per point)");
        }
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalArgumentException("SPEC = " + specFile + " is not allowed; it must be a readable YAML file");
        }
        Sessions.checkMaster("--master", master);
        String refused = SweepJob.directoryProblem(output);
        if (refused != null) {
            throw new IllegalArgumentException("--output = " + output + " is not allowed; " + refused);
        }
        // The whole spec is validated before Spark starts; in local mode the points train in this JVM, so their
        // memory is checked against its heap too (a cluster's executors have their own).
        String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
        SweepSpec sweep = SweepSpec.read(specFile, effective.startsWith("local"));
        List<String> command = new ArrayList<>(List.of("ddmatch"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        // Ctrl-C: Spark's own shutdown hook stops the context under the running job. This hook turns Spark's log off
        // (its executor's errors about the shutdown are noise) and gives this thread a moment to say "interrupted"
        // before the JVM exits with 130.
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopping.set(true);
            Sessions.silence();
            try {
                reported.await(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ddmatch-sweep-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        SweepJob.Summary s;
        try {
            SparkSession spark = Sessions.open(master, "ddmatch sweep");
            try {
                s = SweepJob.run(spark, sweep, output, partitions, command, line -> {
                    if (!quiet) {
                        err.println(line);
                        err.flush();
                    }
                });
            } finally {
                spark.stop();
            }
        } catch (Exception | Error e) {
            if (stopping.get() || JvmShutdown.inProgress()) {
                // Not a failure of the sweep: no error.json was written for the points that were stopped, and
                // running the same command again resumes. The JVM's exit status is the signal's (130 for SIGINT).
                err.println("ddmatch sweep: interrupted; run the same command again to resume");
                err.flush();
                reported.countDown();
                return INTERRUPTED;
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
        out.printf("sweep: %d points: %d computed, %d already done, %d failed%n", s.points(), s.computed(), s.skipped(), s.failed());
        out.printf("  table: %s%n", s.table());
        if (s.failed() > 0) {
            out.printf("  failed points have DIR/points/<id>/error.json; run the same command again to retry them%n");
        }
        out.flush();
        return s.failed() > 0 ? DdmatchSpark.FAILURE : DdmatchSpark.OK;
    }
}
