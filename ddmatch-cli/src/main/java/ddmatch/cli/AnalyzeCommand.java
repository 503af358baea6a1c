package ddmatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ddmatch.check.ModelAnalysis;
import ddmatch.io.AtomicFiles;
import ddmatch.io.ModelFiles;
import ddmatch.io.SystemSpecs;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddmatch analyze MODEL}: how well the full network carries its target, and how. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Simulate a trained network in full next to its target (and an independent target run for noise "
                + "floors) and compute: held-out drift error, Lyapunov exponents, D_stsp and D_H with floors, valid prediction "
                + "time, return maps of successive maxima, diffusion, "
                + "metastability, entropy production, connectivity symmetry vs its random-embedding null, latent coupling.",
                "Writes every number to a JSON file (schema in the README) and prints a readable table."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption;

    @Parameters(paramLabel = "MODEL", description = "a model directory written by 'ddmatch train'")
    Path model;

    @picocli.CommandLine.Mixin
    InitialStateOption initialState = new InitialStateOption();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "JSON file for the results (default: analysis.json inside the model directory)")
    Path output;

    @Option(names = {"-t", "--time"}, defaultValue = "1000", description = "simulated time of each run, in the system's time units (default: ${DEFAULT-VALUE})")
    double time;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the runs (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--exponents", description = "Lyapunov exponents of the network to compute (default: d + 2)")
    Integer exponents;

    @Option(names = "--forecast-threshold", paramLabel = "EPS", defaultValue = "0.5",
            description = "NRMSE at which a forecast stops being valid, for the forecast group (default: ${DEFAULT-VALUE}, as in"
                    + " Vlachas et al. 2020; other papers use 0.3 or 0.4)")
    double forecastThreshold;

    @Option(names = "--no-report", description = "write the JSON only, no HTML page (default: an HTML page beside the JSON,"
            + " analysis.html: tables of every group, return maps, Lyapunov exponents, valid times, spectrum of J)")
    boolean noReport;

    @Option(names = "--wells", defaultValue = "0",
            description = "number of wells for metastability (k-means centres, core sets); 0 = skip (default: ${DEFAULT-VALUE}; 2 for double-well)")
    int wells;

    @Option(names = "--metrics", split = ",", paramLabel = "NAME",
            description = "metric groups, comma-separated: drift, lyapunov, divergence, forecast, return-map, diffusion, metastability, epr, connectivity, coupling, ablation (default: all that apply)")
    List<String> metrics;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<ModelAnalysis.Metric> chosen = EnumSet.allOf(ModelAnalysis.Metric.class);
        if (metrics != null && !metrics.isEmpty()) {
            chosen = EnumSet.noneOf(ModelAnalysis.Metric.class);
            for (String m : metrics) {
                chosen.add(ModelAnalysis.Metric.byId(m.trim()));
            }
        }
        // Before the analysis, which takes minutes: a result that cannot be written is lost work.
        OutputLocation.requireWritable(output != null ? "--output" : "the default output (MODEL/analysis.json)",
                output != null ? output : model.resolve("analysis.json"));
        // Factored or dense (J.npy) models; the metrics that need J = U W are skipped for dense ones.
        ModelFiles.SavedModel saved = null;
        ddmatch.rnn.Network net;
        String systemName;
        Sde target;
        java.util.function.Consumer<String> notes = note -> err.println("ddmatch analyze: note: " + note);
        if (ModelFiles.isDense(model)) {
            ModelFiles.SavedDenseModel dense = ModelFiles.loadDense(model);
            net = dense.network();
            systemName = dense.system();
            target = SystemSpecs.savedTarget(dense.system(), dense.systemParameters(), dense.training(), notes).orElse(null);
        } else {
            saved = ModelFiles.load(model);
            net = saved.network();
            systemName = saved.system();
            target = SystemSpecs.savedTarget(saved, notes).orElse(null);
        }
        if (target == null) {
            throw new IllegalArgumentException("the target system '" + systemName + "' of this model cannot be rebuilt (not in"
                    + " the catalog and no readable spec file); analyze needs it");
        }
        target = initialState.apply(target);
        if (exponents != null && exponents > net.neurons()) {
            notes.accept("--exponents = " + exponents + " is more than the network's " + net.neurons()
                    + " neurons; computing all " + net.neurons());
        }
        int wellCount = wells == 0 && systemName.equals("double-well") ? 2 : wells;
        ModelAnalysis.Plan plan = new ModelAnalysis.Plan(time, seed, exponents == null ? net.latentDimension() + 2 : exponents,
                wellCount, chosen, forecastThreshold);
        Path file = output != null ? output : model.resolve("analysis.json");
        Map<String, Map<String, Object>> result = ModelAnalysis.run(net, target, plan, saved == null ? null : refitConfig(saved),
                TerminalProgress.forTerminal(false));

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "ddmatch-analysis");
        root.put("formatVersion", 1);
        root.put("model", model.toString());
        root.put("system", systemName);
        root.put("neurons", net.neurons());
        root.put("latentDimension", net.latentDimension());
        root.put("seed", seed);
        root.set("metrics", mapper.valueToTree(sanitise(result)));
        AtomicFiles.writeString(file, mapper.writeValueAsString(root) + "\n");
        Path page = null;
        if (!noReport) {
            String name = file.getFileName().toString();
            page = file.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".html");
            ddmatch.report.AnalysisReport.html("analysis of " + model, String.format("%s, N = %d, d = %d, T = %g per run,"
                    + " seed %d; every number is also in %s", systemName, net.neurons(), net.latentDimension(), time, seed,
                    file.getFileName()), result).write(page);
        }

        out.printf("analysis of %s (%s, N = %d, d = %d), T = %g, seed %d%n", model, systemName, net.neurons(),
                net.latentDimension(), time, seed);
        for (Map.Entry<String, Map<String, Object>> group : result.entrySet()) {
            out.println(group.getKey() + ":");
            for (Map.Entry<String, Object> e : group.getValue().entrySet()) {
                out.printf("  %-28s %s%n", e.getKey(), show(e.getValue()));
            }
        }
        out.println("written to " + file + (page != null ? " and " + page : ""));
        out.flush();
        return ExitCodes.OK;
    }

    /** The configuration the model was trained with, from its metadata, for the ablation's refit; null if incomplete. */
    static ddmatch.fit.MatchConfig refitConfig(ModelFiles.SavedModel saved) {
        Map<String, Object> t = saved.training();
        String[] keys = {"seed", "tonicStd", "jitter", "sampleInterval", "transientTime", "boxFraction", "samples"};
        for (String k : keys) {
            if (!(t.get(k) instanceof Number)) {
                return null;
            }
        }
        RateNetwork net = saved.network();
        // The sampler kind is written only when it is not the default trajectory sampler (see TrainCommand).
        ddmatch.fit.SamplingConfig.Kind kind = ddmatch.fit.SamplingConfig.Kind.TRAJECTORY;
        if (t.get("sampler") instanceof String s) {
            try {
                kind = ddmatch.fit.SamplingConfig.Kind.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        var sampling = new ddmatch.fit.SamplingConfig(((Number) t.get("samples")).intValue(),
                ((Number) t.get("sampleInterval")).doubleValue(), ((Number) t.get("transientTime")).doubleValue(),
                ((Number) t.get("jitter")).doubleValue(), ((Number) t.get("boxFraction")).doubleValue(), kind);
        // A λ the user fixed is refitted with the same λ; a GCV-selected one is selected again (the refit's samples differ).
        double lambda = "given".equals(t.get("lambdaSelection")) && t.get("lambda") instanceof Number l
                ? l.doubleValue() : Double.NaN;
        return new ddmatch.fit.MatchConfig(net.neurons(), net.tau(), net.activation(), ((Number) t.get("tonicStd")).doubleValue(),
                sampling, lambda, ((Number) t.get("seed")).longValue());
    }

    /** JSON has no NaN or infinities: they are written as strings. */
    private static Object sanitise(Object v) {
        if (v instanceof Double x && !Double.isFinite(x)) {
            return String.valueOf(x);
        }
        if (v instanceof double[] a) {
            Object[] o = new Object[a.length];
            for (int i = 0; i < a.length; i++) {
                o[i] = sanitise(a[i]);
            }
            return o;
        }
        if (v instanceof java.util.List<?> l) {
            java.util.List<Object> r = new java.util.ArrayList<>();
            for (Object o : l) {
                r.add(sanitise(o));
            }
            return r;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> r = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                r.put(e.getKey(), sanitise(e.getValue()));
            }
            return r;
        }
        return v;
    }

    private static String show(Object v) {
        if (v instanceof java.util.List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                sb.append("\n    ");
                if (o instanceof Map<?, ?> m) {
                    boolean first = true;
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        sb.append(first ? "" : ", ").append(e.getKey()).append(" ").append(show(e.getValue()));
                        first = false;
                    }
                } else {
                    sb.append(show(o));
                }
            }
            return sb.toString();
        }
        if (v instanceof Double x) {
            return num(x);
        }
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            int shown = Math.min(a.length, 9);
            for (int i = 0; i < shown; i++) {
                sb.append(i == 0 ? "" : ", ").append(num(a[i]));
            }
            return sb.append(a.length > shown ? ", … (" + a.length + ")]" : "]").toString();
        }
        return String.valueOf(v);
    }

    private static String num(double v) {
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format("%.4e", v) : String.format("%.5f", v);
    }
}
