package ddmatch.spark.sweep;

import ddmatch.check.ModelAnalysis;
import ddmatch.fit.MemoryBudget;
import ddmatch.fit.SamplingConfig;
import ddmatch.rnn.Activation;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sweep: the grid and the analyses, read from YAML and fully validated before anything runs.
 *
 * <pre>{@code
 * systems: [double-well, ou, stuart-landau]   # catalog names (ddmatch systems), or groups: all, chaotic, stochastic, chaotic-4d
 * neurons: [40, 70, 100]                      # network sizes N
 * seeds: [1, 2]                               # training seeds
 * parameters: {sigma: [0.5, 0.7]}             # optional: system parameters (e.g. a noise level), each in every system
 * lambda: [gcv, 1e-6]                         # optional: gcv (default) or fixed ridge values
 * train:                                      # optional trainer options (ddmatch train), each a value or a list
 *   tau: 1.0
 *   tonic-std: [1.0, 2.0]
 *   samples: 2000
 *   jitter: 0.1
 *   box-fraction: 0.0
 *   activation: tanh
 *   sampler: trajectory
 * analysis:                                   # optional: what ddmatch analyze computes per point
 *   time: 100
 *   seed: 1
 *   metrics: [drift, diffusion]
 *   wells: 0
 *   exponents: 1
 * }</pre>
 * Every list is a grid axis (a single value is a one-point axis); the sweep is their Cartesian product.
 *
 * @param source the spec's text, recorded in the sweep directory
 * @param points every grid point, ordered by id
 */
public record SweepSpec(String source, List<PointConfig> points) {

    private static final Set<String> TOP = Set.of("systems", "neurons", "seeds", "parameters", "lambda", "train", "analysis");
    private static final List<String> TRAIN = List.of("tau", "tonic-std", "samples", "jitter", "box-fraction", "activation",
            "sampler");
    private static final List<String> ANALYSIS = List.of("time", "seed", "metrics", "wells", "exponents");
    /** Defaults of the trainer options: those of {@code ddmatch train}. */
    private static final Map<String, Object> TRAIN_DEFAULTS = Map.of("tau", 1.0, "tonic-std", 2.0, "samples", 5000.0,
            "jitter", 0.1, "box-fraction", 0.0, "activation", "tanh", "sampler", "trajectory");

    public SweepSpec {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points is empty; a sweep needs at least one grid point");
        }
    }

    /** At most this many problems are listed when a spec is refused. */
    static final int MAX_PROBLEMS = 20;

    /** Reads and validates a spec file, including the memory check; errors name {@code file:line:column}. */
    public static SweepSpec read(Path file) throws IOException {
        return read(file, true);
    }

    /**
     * Reads and validates a spec file; errors name {@code file:line:column}.
     *
     * @param checkMemory whether to refuse points whose training would not fit in this JVM's heap (right when the
     *                    points run in this JVM, Spark's local mode; not on a cluster, whose executors have their own)
     */
    public static SweepSpec read(Path file, boolean checkMemory) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file.toString(), checkMemory);
    }

    /** Parses and validates a spec, including the memory check (see {@link #parse(String, String, boolean)}). */
    public static SweepSpec parse(String text, String source) {
        return parse(text, source, true);
    }

    /**
     * Parses and validates a spec: its syntax and every field first (the first error is reported), then every
     * (system, parameter values) pair is built, every network size checked against each system's dimension and, if
     * {@code checkMemory}, the largest point of every network size against the heap as training checks it
     * (all such problems are reported, one line each).
     *
     * @param text        the YAML document
     * @param source      the file name for messages
     * @param checkMemory whether to run training's memory check (MemoryBudget) for the largest points
     * @throws SweepSpecException naming file:line:column, the field, the value and what is allowed (one line per
     *                            problem)
     */
    public static SweepSpec parse(String text, String source, boolean checkMemory) {
        SpecNode root = SpecNode.parse(text, source);
        Reader r = new Reader(source);
        Map<String, SpecNode> top = r.map(root, "the spec");
        r.known(top, TOP, "");
        for (String required : List.of("systems", "neurons", "seeds")) {
            if (!top.containsKey(required)) {
                throw new SweepSpecException(source + ":" + root.line() + ":" + root.column() + ": field '" + required
                        + "' is missing; a sweep spec needs systems, neurons and seeds");
            }
        }
        List<String> systems = new ArrayList<>();
        Set<String> named = new java.util.HashSet<>();   // listed by name, not through a group
        for (SpecNode n : r.axis(top.get("systems"), "systems")) {
            String name = r.string(n, "systems");
            List<String> group = catalogGroup(name);
            if (group != null) {
                if (group.isEmpty()) {
                    throw r.error(n, "systems", n.shown(), "no system of the catalog is in this group");
                }
                // a part of the catalog: each of its systems once, after those already listed
                for (String g : group) {
                    if (!systems.contains(g)) systems.add(g);
                }
                continue;
            }
            if (SystemCatalog.find(name).isEmpty()) {
                throw r.error(n, "systems", n.shown(), unknownSystem(name) + "; allowed are the catalog systems ("
                        + String.join(", ", SystemCatalog.names()) + ") and the groups all, chaotic, stochastic, each"
                        + " optionally with a dimension: chaotic-4d");
            }
            if (!named.add(name)) {
                throw r.error(n, "systems", n.shown(), "listed twice");
            }
            if (!systems.contains(name)) {   // else already in a group listed before it: once is enough
                systems.add(name);
            }
        }
        List<SpecNode> neurons = r.axis(top.get("neurons"), "neurons");
        for (SpecNode n : neurons) {
            r.integer(n, "neurons", 1, 1_000_000);
        }
        List<Long> seeds = new ArrayList<>();
        for (SpecNode n : r.axis(top.get("seeds"), "seeds")) {
            seeds.add(r.integer(n, "seeds", Long.MIN_VALUE, Long.MAX_VALUE));
        }
        // System parameters: each name must be a parameter of every system in the grid.
        Map<String, List<SpecNode>> params = new TreeMap<>();
        if (top.containsKey("parameters")) {
            for (Map.Entry<String, SpecNode> e : r.map(top.get("parameters"), "parameters").entrySet()) {
                String field = "parameters." + e.getKey();
                for (String s : systems) {
                    Set<String> known = SystemCatalog.get(s).defaults().keySet();
                    if (!known.contains(e.getKey())) {
                        throw r.error(e.getValue(), field, "'" + e.getKey() + "'", "not a parameter of system '" + s
                                + "'; its parameters are " + String.join(", ", new TreeMap<>(SystemCatalog.get(s).defaults()).keySet()));
                    }
                }
                List<SpecNode> values = r.axis(e.getValue(), field);
                for (SpecNode n : values) r.number(n, field);
                params.put(e.getKey(), values);
            }
        }
        List<Double> lambdas = new ArrayList<>();
        if (top.containsKey("lambda")) {
            for (SpecNode n : r.axis(top.get("lambda"), "lambda")) {
                if ("gcv".equals(n.value())) {
                    lambdas.add(Double.NaN);
                } else if (n.value() instanceof Double v && v >= 0 && Double.isFinite(v)) {
                    lambdas.add(v);
                } else {
                    throw r.error(n, "lambda", n.shown(), "allowed are gcv or a finite number ≥ 0");
                }
            }
        } else {
            lambdas.add(Double.NaN);
        }
        // Trainer options, in a fixed order; defaults fill what is not given.
        Map<String, List<SpecNode>> train = new LinkedHashMap<>();
        Map<String, SpecNode> trainGiven = top.containsKey("train") ? r.map(top.get("train"), "train") : Map.of();
        r.known(trainGiven, Set.copyOf(TRAIN), "train.");
        for (String k : TRAIN) {
            train.put(k, trainGiven.containsKey(k) ? r.axis(trainGiven.get(k), "train." + k)
                    : List.of(new SpecNode(TRAIN_DEFAULTS.get(k), root.line(), root.column())));
        }
        Map<String, SpecNode> an = top.containsKey("analysis") ? r.map(top.get("analysis"), "analysis") : Map.of();
        r.known(an, Set.copyOf(ANALYSIS), "analysis.");
        double time = an.containsKey("time") ? r.number(an.get("time"), "analysis.time") : 100.0;
        if (!(time > 0) || !Double.isFinite(time)) {
            throw r.error(an.get("time"), "analysis.time", Double.toString(time), "it must be finite and > 0");
        }
        long analysisSeed = an.containsKey("seed") ? r.integer(an.get("seed"), "analysis.seed", Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        int wells = an.containsKey("wells") ? (int) r.integer(an.get("wells"), "analysis.wells", 0, 100) : 0;
        if (wells == 1) {
            throw r.error(an.get("wells"), "analysis.wells", "1", "it must be 0 (none) or ≥ 2");
        }
        int exponents = an.containsKey("exponents") ? (int) r.integer(an.get("exponents"), "analysis.exponents", 1, 1000) : 1;
        List<ModelAnalysis.Metric> metrics = new ArrayList<>();
        if (an.containsKey("metrics")) {
            for (SpecNode n : r.axis(an.get("metrics"), "analysis.metrics")) {
                String id = r.string(n, "analysis.metrics");
                try {
                    metrics.add(ModelAnalysis.Metric.byId(id));
                } catch (IllegalArgumentException e) {
                    List<String> ids = new ArrayList<>();
                    for (ModelAnalysis.Metric m : ModelAnalysis.Metric.values()) ids.add(m.id());
                    throw r.error(n, "analysis.metrics", n.shown(), "unknown metric; allowed are " + String.join(", ", ids));
                }
            }
        } else {
            metrics.add(ModelAnalysis.Metric.DRIFT);
        }

        // Every trainer-option combination once (each value is checked here, at its place in the file).
        List<Object[]> trainGrid = new ArrayList<>();
        expandTrain(r, train, 0, new Object[TRAIN.size()], trainGrid::add);
        // Then every (system, parameters) pair is built once, which validates its parameter values as training would,
        // and every point of it is checked against the system's dimension: all problems are collected and reported
        // together, each at its place in the file, before anything runs.
        Set<String> problems = new LinkedHashSet<>();
        Map<SpecNode, Largest> largest = new LinkedHashMap<>();   // per neurons value: its largest point's size
        List<PointConfig> points = new ArrayList<>();
        for (String system : systems) {
            SystemCatalog.Entry entry = SystemCatalog.get(system);
            for (Map<String, SpecNode> combo : product(params)) {
                Map<String, Double> p = new TreeMap<>();
                combo.forEach((k, v) -> p.put(k, (Double) v.value()));
                Sde sde = build(r, entry, combo, top.get("parameters"), problems);
                if (sde == null) continue;
                int d = sde.dimension();
                String which = "system '" + system + "'" + (p.isEmpty() ? "" : " with " + shown(combo));
                for (SpecNode nn : neurons) {
                    int n = ((Double) nn.value()).intValue();
                    if (n < d) {
                        problems.add(r.problem(nn, "neurons", nn.shown(), which + " has dimension " + d + "; N must be ≥ " + d));
                        continue;
                    }
                    for (long seed : seeds) {
                        for (double lambda : lambdas) {
                            for (Object[] values : trainGrid) {
                                SamplingConfig.Kind kind = (SamplingConfig.Kind) values[6];
                                if (kind == SamplingConfig.Kind.GRID && d > 3) {
                                    problems.add(r.problem(gridNode(r, trainGiven.get("sampler")), "train.sampler", "'grid'", which
                                            + " has dimension " + d + "; a grid is for d ≤ 3 (use lhs, box or mixture)"));
                                    continue;
                                }
                                points.add(new PointConfig(system, n, seed, lambda, new TreeMap<>(p), (double) values[0],
                                        (double) values[1], (int) values[2], (double) values[3], (double) values[4],
                                        (Activation) values[5], kind, time, analysisSeed, exponents, wells, metrics));
                                long bytes = MemoryBudget.driftMatchBytes((int) values[2], n, d);
                                Largest before = largest.get(nn);
                                if (before == null || bytes > before.bytes()) {
                                    largest.put(nn, new Largest(bytes, n, (int) values[2], which));
                                }
                            }
                        }
                    }
                }
            }
        }
        if (checkMemory) {
            // Training refuses a point whose arrays do not fit in the heap (MemoryBudget); the largest point of each
            // network size is checked here with the same estimate, so that no point is sure to fail on this JVM.
            for (Map.Entry<SpecNode, Largest> e : largest.entrySet()) {
                Largest l = e.getValue();
                try {
                    MemoryBudget.require(String.format(Locale.ROOT, "training N = %d neurons on M = %d samples (%s)",
                            l.neurons(), l.samples(), l.which()), l.bytes(), "use fewer neurons or train.samples");
                } catch (IllegalArgumentException x) {
                    problems.add(r.problem(e.getKey(), "neurons", e.getKey().shown(), x.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            List<String> lines = new ArrayList<>(problems);
            if (lines.size() > MAX_PROBLEMS) {
                int more = lines.size() - MAX_PROBLEMS;
                lines = new ArrayList<>(lines.subList(0, MAX_PROBLEMS));
                lines.add(source + ": … and " + more + " more problem" + (more == 1 ? "" : "s"));
            }
            throw new SweepSpecException(String.join("\n", lines));
        }
        points.sort(Comparator.comparing(PointConfig::id));
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).id().equals(points.get(i - 1).id())) {
                throw new SweepSpecException(source + ": two grid points are the same configuration ("
                        + points.get(i).canonicalJson() + "); remove the repeated value from its list");
            }
        }
        return new SweepSpec(text, points);
    }

    private interface PointSink {
        void accept(Object[] values);
    }

    private static void expandTrain(Reader r, Map<String, List<SpecNode>> train, int k, Object[] values, PointSink sink) {
        if (k == TRAIN.size()) {
            sink.accept(values.clone());
            return;
        }
        String key = TRAIN.get(k);
        String field = "train." + key;
        for (SpecNode n : train.get(key)) {
            values[k] = switch (key) {
                case "tau" -> r.positive(n, field);
                case "tonic-std", "jitter" -> r.nonNegative(n, field);
                case "box-fraction" -> {
                    double v = r.number(n, field);
                    if (!(v >= 0 && v <= 1)) throw r.error(n, field, n.shown(), "it must be in [0, 1]");
                    yield v;
                }
                case "samples" -> (int) r.integer(n, field, 10, 10_000_000);
                case "activation" -> {
                    String id = r.string(n, field);
                    try {
                        yield Activation.byId(id);
                    } catch (IllegalArgumentException e) {
                        throw r.error(n, field, n.shown(), "allowed are tanh, softplus and linear");
                    }
                }
                case "sampler" -> {
                    String id = r.string(n, field).toUpperCase(Locale.ROOT);
                    try {
                        yield SamplingConfig.Kind.valueOf(id);
                    } catch (IllegalArgumentException e) {
                        throw r.error(n, field, n.shown(), "allowed are trajectory, box, lhs, grid and mixture");
                    }
                }
                default -> throw new IllegalStateException(key);
            };
            expandTrain(r, train, k + 1, values, sink);
        }
    }

    private static List<Map<String, SpecNode>> product(Map<String, List<SpecNode>> axes) {
        List<Map<String, SpecNode>> out = new ArrayList<>();
        out.add(new TreeMap<>());
        for (Map.Entry<String, List<SpecNode>> e : axes.entrySet()) {
            List<Map<String, SpecNode>> next = new ArrayList<>();
            for (Map<String, SpecNode> partial : out) {
                for (SpecNode v : e.getValue()) {
                    Map<String, SpecNode> m = new TreeMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** The node of {@code grid} in the sampler axis. */
    private static SpecNode gridNode(Reader r, SpecNode sampler) {
        for (SpecNode n : r.axis(sampler, "train.sampler")) {
            if ("grid".equalsIgnoreCase(String.valueOf(n.value()))) return n;
        }
        return sampler;
    }

    /** The largest point (by the training's memory estimate) of one network size. */
    private record Largest(long bytes, int neurons, int samples, String which) {}

    /** Parameter values as written: {@code sigma = -1, theta = 2}. */
    private static String shown(Map<String, SpecNode> combo) {
        List<String> parts = new ArrayList<>();
        combo.forEach((k, v) -> parts.add(k + " = " + v.shown()));
        return String.join(", ", parts);
    }

    /**
     * Builds the system with these parameter values (its constructor checks them, as training's does), or records
     * why not: at the value that is refused on its own, else at {@code parameters} for the combination.
     */
    private static Sde build(Reader r, SystemCatalog.Entry entry, Map<String, SpecNode> combo, SpecNode parametersNode,
                             Set<String> problems) {
        Map<String, Double> values = new TreeMap<>();
        combo.forEach((k, v) -> values.put(k, (Double) v.value()));
        try {
            return entry.create(values);
        } catch (RuntimeException e) {
            boolean blamed = false;
            for (Map.Entry<String, SpecNode> c : combo.entrySet()) {
                try {
                    entry.create(Map.of(c.getKey(), (Double) c.getValue().value()));
                } catch (RuntimeException single) {
                    problems.add(r.problem(c.getValue(), "parameters." + c.getKey(), c.getValue().shown(),
                            refusal(entry.name(), single)));
                    blamed = true;
                }
            }
            if (!blamed) {
                problems.add(r.problem(parametersNode, "parameters", "{" + shown(combo) + "}", refusal(entry.name(), e)));
            }
            return null;
        }
    }

    private static final java.util.regex.Pattern NOT_ALLOWED = java.util.regex.Pattern.compile(".*? is not allowed; (.*)");

    /** Why the catalog refused a system's parameters, without repeating the value. */
    private static String refusal(String system, RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher m = NOT_ALLOWED.matcher(message);
        if (e instanceof IllegalArgumentException && m.matches()) {
            return "for system '" + system + "' " + m.group(1);
        }
        return "system '" + system + "' cannot be built with it ("
                + (e instanceof IllegalArgumentException ? message : e.toString()) + ")";
    }

    /**
     * "unknown system", with the suggestion {@code ddmatch train} makes for the same name (the catalog's nearest name),
     * or the catalog's reason if the name is a dysts flow it leaves out.
     */
    static String unknownSystem(String name) {
        try {
            SystemCatalog.get(name);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (!message.startsWith("unknown system")) {
                return "unknown system: " + message;   // a dysts flow the catalog leaves out, and why
            }
        }
        return "unknown system" + ddmatch.sde.ClosestName.suggestion(name, SystemCatalog.names());
    }

    /** Typed access to nodes, with located one-line errors. */
    private record Reader(String source) {
        SweepSpecException error(SpecNode n, String field, String value, String allowed) {
            return new SweepSpecException(problem(n, field, value, allowed));
        }

        String problem(SpecNode n, String field, String value, String allowed) {
            return source + ":" + n.line() + ":" + n.column() + ": field '" + field + "' = " + value + " is not allowed; "
                    + allowed;
        }

        @SuppressWarnings("unchecked")
        Map<String, SpecNode> map(SpecNode n, String field) {
            if (n.value() instanceof Map<?, ?> m) return (Map<String, SpecNode>) m;
            throw error(n, field, n.shown(), "expected a mapping, found " + n.kind());
        }

        void known(Map<String, SpecNode> m, Set<String> allowed, String prefix) {
            for (Map.Entry<String, SpecNode> e : m.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw error(e.getValue(), prefix + e.getKey(), e.getValue().shown(), "unknown field; allowed fields are "
                            + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }

        /** A grid axis: a non-empty list, or a single value standing for a one-point list. */
        @SuppressWarnings("unchecked")
        List<SpecNode> axis(SpecNode n, String field) {
            if (n.value() instanceof List<?> l) {
                if (l.isEmpty()) throw error(n, field, "[]", "a grid axis needs at least one value");
                return (List<SpecNode>) l;
            }
            if (n.value() == null || n.value() instanceof Map) {
                throw error(n, field, n.shown(), "expected a value or a non-empty list of values");
            }
            return List.of(n);
        }

        String string(SpecNode n, String field) {
            if (n.value() instanceof String s) return s;
            throw error(n, field, n.shown(), "expected a string, found " + n.kind());
        }

        double number(SpecNode n, String field) {
            if (n.value() instanceof Double v && Double.isFinite(v)) return v;
            throw error(n, field, n.shown(), "expected a finite number, found " + n.kind());
        }

        double positive(SpecNode n, String field) {
            double v = number(n, field);
            if (!(v > 0)) throw error(n, field, n.shown(), "it must be > 0");
            return v;
        }

        double nonNegative(SpecNode n, String field) {
            double v = number(n, field);
            if (!(v >= 0)) throw error(n, field, n.shown(), "it must be ≥ 0");
            return v;
        }

        long integer(SpecNode n, String field, long min, long max) {
            if (n.value() instanceof Double v && v == Math.rint(v) && Math.abs(v) < 0x1p53) {
                long l = v.longValue();
                if (l >= min && l <= max) return l;
                throw error(n, field, n.shown(), "it must be a whole number in [" + min + ", " + max + "]");
            }
            throw error(n, field, n.shown(), "expected a whole number, found " + n.kind());
        }
    }

    private static final java.util.regex.Pattern GROUP = java.util.regex.Pattern.compile("(all|chaotic|stochastic)(?:-(\\d{1,3})d)?");

    /**
     * The catalog names a group stands for — {@code all}, {@code chaotic} or {@code stochastic}, optionally followed by a
     * dimension ({@code chaotic-4d}) — or null if {@code name} is not a group (no catalog system is named like one).
     */
    static List<String> catalogGroup(String name) {
        java.util.regex.Matcher m = GROUP.matcher(name);
        if (!m.matches() || SystemCatalog.find(name).isPresent()) {
            return null;
        }
        return SystemCatalog.select(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)));
    }
}
