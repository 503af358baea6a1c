package ddmatch.spark.cli;

import ddmatch.spark.Sessions;
import ddmatch.spark.sweep.SweepJob;
import ddmatch.spark.sweep.SweepSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
        SparkSession spark = Sessions.open(master, "ddmatch sweep");
        SweepJob.Summary s;
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
        out.printf("sweep: %d points: %d computed, %d already done, %d failed%n", s.points(), s.computed(), s.skipped(), s.failed());
        out.printf("  table: %s%n", s.table());
        if (s.failed() > 0) {
            out.printf("  failed points have DIR/points/<id>/error.json; run the same command again to retry them%n");
        }
        out.flush();
        return s.failed() > 0 ? DdmatchSpark.FAILURE : DdmatchSpark.OK;
    }
}
