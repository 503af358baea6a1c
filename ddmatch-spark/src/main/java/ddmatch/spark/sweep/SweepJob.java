package ddmatch.spark.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import ddmatch.io.AtomicFiles;
import ddmatch.solve.Parallelism;
import ddmatch.io.JvmShutdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a sweep on a Spark session: the points without a result are distributed over executors (one Spark task per
 * partition, {@link PointRunner} per point), then every point's result is gathered into one Parquet table.
 *
 * <p>Layout of the sweep directory: {@code sweep.yaml} (the spec as given), {@code run.json} (versions, command,
 * counts and times of the last run), {@code points/<id>/} (see {@link PointRunner}), {@code results.parquet/} (the
 * table). The directory must be visible under the same path to the driver and every executor (local disk in local
 * mode; a shared file system on a cluster).
 *
 * <p>Table: one row per point ordered by {@code point_id}; first the configuration columns ({@code point_id, status,
 * system, neurons, seed, lambda_given} (null for GCV), {@code param_<name>}, the trainer options, the analysis
 * settings), then every metric column of {@link PointRunner} in alphabetical order (null where a point has no such
 * metric), then {@code error}. The table depends only on the points' results, never on partitioning or on how many
 * runs it took to complete them.
 */
public final class SweepJob {
    /** The table's directory name inside the sweep directory. */
    public static final String TABLE = "results.parquet";
    /** The spec as given, inside the sweep directory. */
    public static final String SPEC = "sweep.yaml";
    /** Versions, command, counts and times of the last run, inside the sweep directory. */
    public static final String RUN = "run.json";

    /**
     * @param points   points in the spec
     * @param computed points computed in this run
     * @param skipped  points whose result already existed
     * @param failed   points that failed in this run (see their error.json)
     * @param table    the Parquet table written
     */
    public record Summary(int points, int computed, int skipped, int failed, Path table) {}

    private SweepJob() {}

    /**
     * @param spark      the session
     * @param spec       the validated spec
     * @param dir        sweep directory (created if missing)
     * @param partitions Spark partitions of the points to compute (≥ 1; 0 means one per point)
     * @param command    the command line, recorded in run.json
     * @param progress   receives one-line progress reports on the driver
     */
    public static Summary run(SparkSession spark, SweepSpec spec, Path dir, int partitions, List<String> command,
                              Consumer<String> progress) throws IOException, InterruptedException {
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions = " + partitions + " is not allowed; it must be ≥ 0 (0: one per point)");
        }
        String refused = directoryProblem(dir);
        if (refused != null) {
            throw new IllegalArgumentException(dir + ": refusing to write a sweep here: " + refused);
        }
        Path pointsDir = dir.resolve("points").toAbsolutePath();
        // sweep.yaml first: from then on the directory is recognisably a sweep's, also if this run stops at once.
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(SPEC), spec.source());
        Files.createDirectories(pointsDir);
        String started = Instant.now().toString();
        List<PointConfig> todo = new ArrayList<>();
        for (PointConfig p : spec.points()) {
            if (!Files.isRegularFile(pointsDir.resolve(p.id()).resolve(PointRunner.RESULT))) todo.add(p);
        }
        int total = spec.points().size();
        progress.accept(String.format(Locale.ROOT, "sweep: %d points, %d already done, %d to compute on %s", total,
                total - todo.size(), todo.size(), spark.sparkContext().master()));
        int failed = 0;
        if (!todo.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int parts = partitions == 0 ? todo.size() : Math.min(partitions, todo.size());
            String where = pointsDir.toString();
            // Spark runs one point per task CPU; the point's own parallel kernels (the fit's Gram product) would
            // otherwise take every core of the executor again and oversubscribe it (local[1] then used both cores of
            // a 2-core machine). Results are bit-identical for any thread count, so this changes speed only.
            int taskCpus = Integer.parseInt(spark.conf().get("spark.task.cpus", "1"));
            JavaFutureAction<Void> job = jsc.parallelize(todo, parts).foreachAsync(p -> {
                Parallelism.setThreads(taskCpus);
                PointRunner.run(p, Path.of(where));
            });
            int last = -1;
            while (true) {
                try {
                    job.get(1, TimeUnit.SECONDS);
                    break;
                } catch (TimeoutException e) {
                    int done = finished(todo, pointsDir);
                    if (done != last) {
                        progress.accept(String.format(Locale.ROOT, "sweep: %d/%d points done", total - todo.size() + done, total));
                        last = done;
                    }
                } catch (ExecutionException e) {
                    if (spark.sparkContext().isStopped() || JvmShutdown.inProgress()) {
                        // Spark was stopped under the job (Ctrl-C: its shutdown hook stops the context): the points
                        // not finished are not failures, and the next run computes them.
                        CancellationException c = new CancellationException("the sweep was stopped with "
                                + finished(todo, pointsDir) + " of its " + todo.size() + " points to compute done; run the "
                                + "same command again to resume");
                        c.initCause(e.getCause());
                        throw c;
                    }
                    throw new IOException("the sweep's Spark job failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    job.cancel(true);
                    throw e;
                }
            }
            for (PointConfig p : todo) {
                if (Files.isRegularFile(pointsDir.resolve(p.id()).resolve(PointRunner.ERROR))) failed++;
            }
            progress.accept(String.format(Locale.ROOT, "sweep: %d/%d points done (%d failed this run)", total, total, failed));
        }
        Path table = writeTable(spark, spec, pointsDir, dir.resolve(TABLE));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("command", command);
        run.put("ddmatchVersion", ddmatch.cli.Ddmatch.VERSION);
        run.put("sparkVersion", spark.version());
        run.put("scalaVersion", scala.util.Properties.versionNumberString());
        run.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        run.put("master", spark.sparkContext().master());
        run.put("partitions", partitions);
        run.put("started", started);
        run.put("finished", Instant.now().toString());
        run.put("points", total);
        run.put("computed", todo.size() - failed);
        run.put("skipped", total - todo.size());
        run.put("failed", failed);
        AtomicFiles.writeString(dir.resolve(RUN), PointRunner.JSON.writeValueAsString(run));
        return new Summary(total, todo.size() - failed, total - todo.size(), failed, table);
    }

    /** What the sweep writes into its directory: any other entry makes the directory someone else's. */
    private static final Set<String> OWN = Set.of(SPEC, RUN, "points", TABLE, "." + TABLE + ".tmp", "." + TABLE + ".old");

    /**
     * Why a sweep must not write into {@code dir}, or null if it may: a new path, an empty directory or an earlier
     * sweep's directory (with its sweep.yaml or run.json; re-running resumes it), as {@code ddmatch train} refuses
     * to write a model into a directory holding other files.
     */
    public static String directoryProblem(Path dir) throws IOException {
        if (!Files.exists(dir)) return null;
        if (!Files.isDirectory(dir)) return "it exists and is not a directory";
        if (Files.isRegularFile(dir.resolve(SPEC)) || Files.isRegularFile(dir.resolve(RUN))) return null;
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> p.getFileName().toString()).sorted().forEach(name -> {
                // temporary files of an interrupted atomic write of sweep.yaml or run.json are the sweep's own too
                boolean own = OWN.contains(name) || name.startsWith("." + SPEC + ".tmp-") || name.startsWith("." + RUN + ".tmp-");
                if (!own) foreign.add(name);
            });
        }
        if (foreign.isEmpty()) return null;
        String shown = foreign.size() <= 5 ? String.join(", ", foreign)
                : String.join(", ", foreign.subList(0, 5)) + ", … (" + foreign.size() + " entries)";
        return "the directory holds files that are not a sweep's (" + shown + ") and no " + SPEC + " or " + RUN
                + " of an earlier sweep; allowed is a new path, an empty directory or an earlier sweep's directory "
                + "(which is resumed)";
    }

    private static int finished(List<PointConfig> todo, Path pointsDir) {
        int n = 0;
        for (PointConfig p : todo) {
            Path d = pointsDir.resolve(p.id());
            if (Files.isRegularFile(d.resolve(PointRunner.RESULT)) || Files.isRegularFile(d.resolve(PointRunner.ERROR))) n++;
        }
        return n;
    }

    /** Builds the table from the points' files and replaces {@code target} with it (written aside, then renamed). */
    static Path writeTable(SparkSession spark, SweepSpec spec, Path pointsDir, Path target) throws IOException {
        List<PointConfig> points = new ArrayList<>(spec.points());
        points.sort(Comparator.comparing(PointConfig::id));
        TreeSet<String> paramNames = new TreeSet<>();
        for (PointConfig p : points) paramNames.addAll(p.parameters().keySet());
        List<Map<String, Object>> results = new ArrayList<>();
        TreeSet<String> metricNames = new TreeSet<>();
        for (PointConfig p : points) {
            Map<String, Object> r = readPoint(pointsDir.resolve(p.id()));
            results.add(r);
            if (r.get("metrics") instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) metricNames.add((String) k);
            }
        }
        List<StructField> fields = new ArrayList<>();
        fields.add(field("point_id", DataTypes.StringType));
        fields.add(field("status", DataTypes.StringType));
        fields.add(field("system", DataTypes.StringType));
        fields.add(field("neurons", DataTypes.IntegerType));
        fields.add(field("seed", DataTypes.LongType));
        fields.add(field("lambda_given", DataTypes.DoubleType));
        for (String p : paramNames) fields.add(field("param_" + p, DataTypes.DoubleType));
        fields.add(field("tau", DataTypes.DoubleType));
        fields.add(field("tonic_std", DataTypes.DoubleType));
        fields.add(field("samples", DataTypes.IntegerType));
        fields.add(field("jitter", DataTypes.DoubleType));
        fields.add(field("box_fraction", DataTypes.DoubleType));
        fields.add(field("activation", DataTypes.StringType));
        fields.add(field("sampler", DataTypes.StringType));
        fields.add(field("analysis_time", DataTypes.DoubleType));
        fields.add(field("analysis_seed", DataTypes.LongType));
        fields.add(field("analysis_metrics", DataTypes.StringType));
        for (String m : metricNames) fields.add(field(m, DataTypes.DoubleType));
        fields.add(field("error", DataTypes.StringType));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            PointConfig p = points.get(i);
            Map<String, Object> r = results.get(i);
            List<Object> v = new ArrayList<>();
            v.add(p.id());
            v.add(r.getOrDefault("status", "missing"));
            v.add(p.system());
            v.add(p.neurons());
            v.add(p.seed());
            v.add(Double.isNaN(p.lambda()) ? null : p.lambda());
            for (String name : paramNames) v.add(p.parameters().get(name));
            v.add(p.tau());
            v.add(p.tonicStd());
            v.add(p.samples());
            v.add(p.jitter());
            v.add(p.boxFraction());
            v.add(p.activation().name().toLowerCase(Locale.ROOT));
            v.add(p.sampler().name().toLowerCase(Locale.ROOT));
            v.add(p.analysisTime());
            v.add(p.analysisSeed());
            List<String> ids = new ArrayList<>();
            for (var m : p.metrics()) ids.add(m.id());
            v.add(String.join(",", ids));
            Map<?, ?> metrics = r.get("metrics") instanceof Map<?, ?> m ? m : Map.of();
            for (String name : metricNames) v.add(number(metrics.get(name)));
            v.add(r.get("error") instanceof String s ? s : null);
            rows.add(RowFactory.create(v.toArray()));
        }
        StructType schema = new StructType(fields.toArray(new StructField[0]));
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        deleteTree(tmp);
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(tmp.toAbsolutePath().toUri().toString());
        // Swap in the new table: the old one (if any) is moved aside first, so that a crash leaves one complete table.
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(target)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
        return target;
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    /** JSON numbers come back as Integer/Long/Double; non-finite doubles were written as strings. */
    private static Double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s) return Double.parseDouble(s);
        return null;
    }

    private static Map<String, Object> readPoint(Path dir) throws IOException {
        for (String f : List.of(PointRunner.RESULT, PointRunner.ERROR)) {
            Path p = dir.resolve(f);
            if (Files.isRegularFile(p)) {
                return PointRunner.JSON.readValue(p.toFile(), new TypeReference<Map<String, Object>>() {});
            }
        }
        return Map.of();
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
