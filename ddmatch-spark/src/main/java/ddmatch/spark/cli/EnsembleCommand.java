package ddmatch.spark.cli;

import ddmatch.io.AtomicFiles;
import ddmatch.spark.Sessions;
import ddmatch.spark.ensemble.EnsembleConfig;
import ddmatch.spark.ensemble.EnsembleJob;
import ddmatch.spark.ensemble.WellStatistics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddmatch ensemble MODEL --trajectories N}: independent trajectories on Spark, exact well statistics. */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = {"Simulate independent trajectories of a trained (noisy) network, on this machine or on Spark "
                + "(--master), and aggregate, exactly, their residence times per well and their transitions between wells.",
                "Trajectory i draws its noise from a seed derived from --seed and i alone, so results are bit-identical "
                + "whatever the partitioning or thread count, with or without Spark."})
final class EnsembleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "model directory (ddmatch train -o)")
    Path model;

    @Option(names = "--trajectories", defaultValue = "1000", description = "number of trajectories (default: ${DEFAULT-VALUE})")
    int trajectories;

    @Option(names = "--time", defaultValue = "100", description = "simulated time per trajectory, model time units (default: ${DEFAULT-VALUE})")
    double time;

    @Option(names = "--dt", description = "integration step, model time units (default: the model's step)")
    Double dt;

    @Option(names = "--every", defaultValue = "10",
            description = "record the readout every this many steps; residences are multiples of every·dt (default: ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--wells", defaultValue = "2", description = "number of wells K ≥ 2 (default: ${DEFAULT-VALUE})")
    int wells;

    @Option(names = "--core-radius", defaultValue = "0.5",
            description = "core radius as a fraction of half the smallest distance between well centres, in (0, 1] (default: ${DEFAULT-VALUE})")
    double coreRadius;

    @Option(names = "--reference-time", defaultValue = "1000",
            description = "length of the reference run whose k-means clusters are the wells, model time units (default: ${DEFAULT-VALUE})")
    double referenceTime;

    @Option(names = "--seed", defaultValue = "1", description = "ensemble seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[*] or spark://host:7077 (default: the one spark-submit gives; "
                    + "without one, this machine's threads without starting Spark, same results bit for bit)")
    String master;

    @Option(names = "--partitions", defaultValue = "0",
            description = "Spark partitions; 0: 4 per core of the default parallelism (default: ${DEFAULT-VALUE}; "
                    + "only with Spark)")
    int partitions;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "worker threads when running without Spark (≥ 1; default: all cores). Results are "
                    + "bit-identical for any N.")
    int threads;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the result as JSON (atomically)")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions = " + partitions + " is not allowed; it must be ≥ 0");
        }
        if (!(coreRadius > 0 && coreRadius <= 1)) {
            throw new IllegalArgumentException("--core-radius = " + coreRadius + " is not allowed; it must be in (0, 1]");
        }
        if (output != null && Files.isDirectory(output)) {
            throw new IllegalArgumentException("--output = " + output + " is not allowed; it is a directory, give a file name");
        }
        Sessions.checkMaster("--master", master);
        if (threads < 0) {
            throw new IllegalArgumentException("--threads = " + threads + " is not allowed; it must be ≥ 1 (or 0 for all cores)");
        }
        EnsembleConfig c = EnsembleJob.prepare(model, trajectories, time, dt, every, seed, wells, referenceTime, coreRadius,
                w -> err.println("ddmatch ensemble: warning: " + w));
        WellStatistics s;
        if (master == null && System.getProperty("spark.master") == null) {
            // No cluster asked for: Spark's local mode would only add its start-up to the same computation.
            int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            s = EnsembleJob.runLocal(c, n, line -> {
                err.println(line);
                err.flush();
            });
        } else {
            SparkSession spark = Sessions.open(master, "ddmatch ensemble");
            try {
                int parts = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
                s = EnsembleJob.run(spark, c, parts);
            } finally {
                spark.stop();
            }
        }
        Map<String, Object> report = EnsembleJob.report(c, s);
        if (output != null) {
            AtomicFiles.writeString(output, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        }
        double interval = c.dt() * c.every();
        out.printf("ensemble: %d trajectories × %g time units (dt = %g, recorded every %g), %d wells, seed %d%n",
                s.trajectories(), c.time(), c.dt(), interval, c.wells(), c.seed());
        out.printf("  %-5s %-24s %11s %16s %14s%n", "well", "centre", "residences", "mean residence", "std. error");
        for (int i = 0; i < c.wells(); i++) {
            StringBuilder centre = new StringBuilder();
            for (int j = 0; j < c.dimension(); j++) {
                centre.append(j == 0 ? "" : ", ").append(String.format("%.3f", c.centres()[i * c.dimension() + j]));
            }
            out.printf("  %-5d %-24s %11d %16.5g %14.3g%n", i, "(" + centre + ")", s.residences()[i],
                    s.meanResidenceTime(i, interval), s.meanResidenceTimeStandardError(i, interval));
        }
        out.printf("  jumps: %d; transition matrix (row i: P(next well = j | leaving i)):%n", s.jumps());
        double[] p = s.transitionMatrix();
        long[] counts = s.counts();
        for (int i = 0; i < c.wells(); i++) {
            StringBuilder row = new StringBuilder("   ");
            for (int j = 0; j < c.wells(); j++) row.append(String.format(" %7.4f (%d)", p[i * c.wells() + j], counts[i * c.wells() + j]));
            out.println(row);
        }
        if (output != null) out.printf("  written to %s%n", output);
        out.flush();
        return DdmatchSpark.OK;
    }
}
