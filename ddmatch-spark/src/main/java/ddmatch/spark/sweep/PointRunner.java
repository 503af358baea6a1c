package ddmatch.spark.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ddmatch.check.ModelAnalysis;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.TrainingResult;
import ddmatch.io.AtomicFiles;
import ddmatch.io.ModelFiles;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.solve.ProgressListener;
import ddmatch.io.JvmShutdown;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/**
 * Trains, analyses and records one grid point, on whichever executor runs it. Layout of a point directory
 * {@code points/<id>/}: {@code model/} (a ddmatch model directory, readable by every core command),
 * {@code result.json} (written atomically and last: its presence means the point is complete) or, if the point
 * failed, {@code error.json} (a re-run retries the point).
 *
 * <p>Columns of a result: every numeric quantity of {@link ModelAnalysis#run} as {@code <metric>_<quantity>} (numeric
 * arrays of up to {@value #MAX_ARRAY} entries as {@code <metric>_<quantity>_<i>}), and the fit's λ, λ scale, GCV
 * score, effective degrees of freedom and training error as {@code fit_<quantity>}. Wall times are recorded in the
 * JSON but kept out of the columns, so that tables do not depend on the machine.
 */
public final class PointRunner {
    /** File whose presence marks a complete point. */
    public static final String RESULT = "result.json";
    /** File written instead of {@link #RESULT} when the point failed. */
    public static final String ERROR = "error.json";
    /** Model directory of a point. */
    public static final String MODEL = "model";
    /** Longest numeric array that is spread into columns. */
    public static final int MAX_ARRAY = 16;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final List<String> FIT_KEYS = List.of("lambda", "lambdaScale", "gcv", "effectiveDof", "trainingError");

    /** What happened to a point in this run. */
    public enum Outcome { COMPUTED, SKIPPED, FAILED }

    private PointRunner() {}

    /**
     * Runs the point unless its result exists.
     *
     * @param point     the configuration
     * @param pointsDir the sweep's {@code points/} directory (shared by all executors)
     */
    public static Outcome run(PointConfig point, Path pointsDir) throws IOException {
        return run(point, pointsDir, PointRunner::compute);
    }

    /** What computes a point's columns: {@link #compute}; tests put a failure or a cancellation in its place. */
    interface Computation {
        Map<String, Double> compute(PointConfig point, Path modelDir) throws IOException;
    }

    static Outcome run(PointConfig point, Path pointsDir, Computation computation) throws IOException {
        Path dir = pointsDir.resolve(point.id());
        if (Files.isRegularFile(dir.resolve(RESULT))) {
            return Outcome.SKIPPED;
        }
        Files.createDirectories(dir);
        long start = System.nanoTime();
        try {
            Map<String, Double> metrics = computation.compute(point, dir.resolve(MODEL));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", point.id());
            result.put("status", "ok");
            result.put("config", JSON.readValue(point.canonicalJson(), new TypeReference<Map<String, Object>>() {}));
            result.put("metrics", metrics);
            result.put("seconds", (System.nanoTime() - start) * 1e-9);
            Files.deleteIfExists(dir.resolve(ERROR));
            AtomicFiles.writeString(dir.resolve(RESULT), JSON.writeValueAsString(result));
            return Outcome.COMPUTED;
        } catch (RuntimeException | IOException e) {
            if (cancelled(e)) {
                // Stopped, not failed (Ctrl-C, a cancelled job): nothing is recorded, and the next run computes it.
                throw e;
            }
            // A failed point must not stop the sweep; it is recorded and retried by the next run.
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("id", point.id());
            err.put("status", "failed");
            err.put("config", JSON.readValue(point.canonicalJson(), new TypeReference<Map<String, Object>>() {}));
            err.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            err.put("trace", trace.toString());
            AtomicFiles.writeString(dir.resolve(ERROR), JSON.writeValueAsString(err));
            return Outcome.FAILED;
        }
    }

    /**
     * Whether a point's exception means that it was stopped rather than that it failed: the JVM is shutting down,
     * the task's thread was interrupted (Spark cancels a job's tasks so), or the computation reports a cancellation.
     */
    static boolean cancelled(Throwable e) {
        if (JvmShutdown.inProgress() || Thread.currentThread().isInterrupted()) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CancellationException || t instanceof InterruptedException
                    || t instanceof InterruptedIOException || t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Trains the point's network exactly as {@code ddmatch train} does with the same options (closed-form drift fit,
     * λ by GCV unless fixed), saves it to {@code modelDir}, and runs {@link ModelAnalysis} with the point's plan.
     *
     * @return column name → value, sorted by name
     */
    public static Map<String, Double> compute(PointConfig point, Path modelDir) throws IOException {
        Sde sde = SystemCatalog.create(point.system(), point.parameters());
        MatchConfig cfg = point.trainingConfig();
        TrainingResult fit = DriftMatcher.train(sde, cfg, 0, ProgressListener.NONE);
        Map<String, Double> params = new LinkedHashMap<>(SystemCatalog.get(point.system()).defaults());
        params.putAll(point.parameters());
        Map<String, Object> training = ModelFiles.trainingMetadata(fit);
        training.put("sweepPoint", point.id());
        ModelFiles.save(new ModelFiles.SavedModel(fit.network(), point.system(), params, training), modelDir);
        Map<String, Double> columns = new TreeMap<>();
        for (String k : FIT_KEYS) {
            if (training.get(k) instanceof Number v) columns.put("fit_" + k, v.doubleValue());
        }
        Map<String, Map<String, Object>> analysis = ModelAnalysis.run(fit.network(), sde, point.analysisPlan(), cfg,
                ProgressListener.NONE);
        for (Map.Entry<String, Map<String, Object>> group : analysis.entrySet()) {
            for (Map.Entry<String, Object> q : group.getValue().entrySet()) {
                flatten(group.getKey() + "_" + q.getKey(), q.getValue(), columns);
            }
        }
        return columns;
    }

    private static void flatten(String name, Object v, Map<String, Double> out) {
        if (v instanceof Number x) {
            out.put(name, x.doubleValue());
        } else if (v instanceof double[] a && a.length <= MAX_ARRAY) {
            for (int i = 0; i < a.length; i++) out.put(name + "_" + i, a[i]);
        } else if (v instanceof long[] a && a.length <= MAX_ARRAY) {
            for (int i = 0; i < a.length; i++) out.put(name + "_" + i, (double) a[i]);
        } else if (v instanceof int[] a && a.length <= MAX_ARRAY) {
            for (int i = 0; i < a.length; i++) out.put(name + "_" + i, (double) a[i]);
        }
        // Strings (definitions, notes), booleans and arrays longer than MAX_ARRAY stay in the analysis, not in the table.
    }
}
