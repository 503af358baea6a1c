package ddmatch.io;

import ddmatch.io.SpecTree.ListNode;
import ddmatch.io.SpecTree.Loc;
import ddmatch.io.SpecTree.MapNode;
import ddmatch.io.SpecTree.Node;
import ddmatch.io.SpecTree.Scalar;
import ddmatch.sde.Sde;
import ddmatch.sde.SystemCatalog;
import ddmatch.sde.input.Constant;
import ddmatch.sde.input.InputSchedule;
import ddmatch.sde.input.PiecewiseLinear;
import ddmatch.sde.input.PulseTrain;
import ddmatch.sde.input.Step;
import ddmatch.sde.user.Diffusion;
import ddmatch.sde.user.Expr;
import ddmatch.sde.user.ExpressionException;
import ddmatch.sde.user.ExpressionParser;
import ddmatch.sde.user.Symbols;
import ddmatch.sde.user.UserSystem;
import ddmatch.sde.user.UserSystemDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads user-defined systems from spec files (YAML, or JSON with the same schema) and resolves the SYSTEM argument of
 * the command line: a catalog name or the path of a spec file. A spec looks like
 * <pre>
 * name: lorenz-user
 * description: Lorenz (1963) written as a spec
 * state: [x, y, z]
 * parameters: {sigma: 10, rho: 28, beta: "8/3"}
 * drift:
 *   x: sigma*(y - x)
 *   y: x*(rho - z) - y
 *   z: x*y - beta*z
 * diffusion: 0.5            # optional
 * initial_state: [-8, 7, 27]
 * dt: 0.01
 * </pre>
 * Fields:
 * <ul>
 *   <li>{@code name} (default: the file name without extension), {@code description} (optional);</li>
 *   <li>{@code state}: the list of state variable names, which fixes their order;</li>
 *   <li>{@code parameters}: name → number, or a string holding a constant expression such as {@code "8/3"};</li>
 *   <li>{@code inputs} (optional): name → a number (a constant) or a schedule: {@code {type: constant, value}},
 *       {@code {type: step, time, value, before: 0}}, {@code {type: pulses, period, width, amplitude, start: 0}},
 *       {@code {type: piecewise_linear, points: [[t, v], …]}} or {@code {type: table, file, column, time_column}}
 *       (a CSV file read by {@link Csv}, relative to the spec's directory, linearly interpolated; {@code column} and
 *       {@code time_column} are header names or 0-based indices, defaulting to 1 and 0);</li>
 *   <li>{@code drift}: one expression per state variable, as a mapping keyed by the names or as a list in state
 *       order;</li>
 *   <li>{@code diffusion} (optional, none means an ODE): one expression {@code g} ({@code G = g·I}), a list of d
 *       expressions (diagonal G) or a list of d lists of m expressions (general d × m G); {@code noise_dimension},
 *       optional, must then equal m;</li>
 *   <li>{@code initial_state}: d numbers, as a list or a mapping keyed by the names;</li>
 *   <li>{@code dt} (default 0.01): the time step of the fixed-step schemes.</li>
 * </ul>
 * Expressions use the grammar of {@link ExpressionParser} over the declared names, {@code t} and {@code pi}. Every
 * problem is reported as a {@link DataFormatException} whose message starts with {@code file:line:column} of the
 * offending YAML/JSON node and names the field; expression errors add the column and token inside the expression.
 */
public final class SystemSpecs {
    /** Training-metadata key under which a model trained on a spec file stores the file's absolute path. */
    public static final String SPEC_PATH_KEY = "systemSpec";
    /** Training-metadata key under which a model trained on a spec file stores the file's SHA-256 (hex). */
    public static final String SPEC_SHA256_KEY = "systemSpecSha256";

    /** Default time step when a spec gives no {@code dt}. */
    public static final double DEFAULT_DT = 0.01;
    /** Most state variables a spec may declare: far above the d ≈ 1–10 of targets, far below what exhausts memory. */
    public static final int MAX_DIMENSION = 1000;

    private static final Set<String> FIELDS = Set.of("name", "description", "state", "parameters", "inputs", "drift",
            "diffusion", "noise_dimension", "initial_state", "dt");
    private static final List<String> FIELD_ORDER = List.of("name", "description", "state", "parameters", "inputs",
            "drift", "diffusion", "noise_dimension", "initial_state", "dt");

    private SystemSpecs() {}

    /** Whether {@code nameOrPath} has a spec file extension ({@code .yaml}, {@code .yml} or {@code .json}). */
    public static boolean isSpecPath(String nameOrPath) {
        String s = nameOrPath.toLowerCase(Locale.ROOT);
        return s.endsWith(".yaml") || s.endsWith(".yml") || s.endsWith(".json");
    }

    /**
     * The system a command-line SYSTEM argument names: a spec file when the argument ends in {@code .yaml},
     * {@code .yml} or {@code .json}, a {@link SystemCatalog} entry otherwise.
     *
     * @param nameOrPath a catalog name or a spec file path
     * @param overrides  parameter values replacing the defaults (catalog) or the spec's values
     * @return the system
     * @throws IllegalArgumentException for an unknown name or parameter, or a missing spec file
     * @throws DataFormatException      for a malformed spec
     * @throws IOException              if the spec file cannot be read
     */
    public static Sde resolve(String nameOrPath, Map<String, Double> overrides) throws IOException {
        Objects.requireNonNull(nameOrPath, "nameOrPath");
        if (isSpecPath(nameOrPath)) {
            return load(Path.of(nameOrPath), overrides);
        }
        return SystemCatalog.create(nameOrPath, overrides);
    }

    /**
     * Reads and compiles a spec file; YAML unless the name ends in {@code .json}.
     *
     * @param file      the spec
     * @param overrides parameter values replacing the spec's (each name must be a declared parameter)
     * @throws IllegalArgumentException if the file does not exist or an override names no parameter
     * @throws DataFormatException      for a malformed spec, with file, line and column
     * @throws IOException              if reading fails
     */
    public static UserSystem load(Path file, Map<String, Double> overrides) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("spec file '" + file + "' does not exist or is not a regular file; give an "
                    + "existing .yaml/.yml/.json file or a catalog system (see: ddmatch systems)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFormatException("spec file '" + file + "' is not valid UTF-8 text (" + e.getMessage()
                    + "); save it as UTF-8");
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, json, String.valueOf(file.getFileName()), dir, overrides);
    }

    /**
     * Parses and compiles a spec held in memory.
     *
     * @param text      the spec
     * @param json      JSON syntax (else YAML)
     * @param source    the file name used in messages, and the default system name (without extension)
     * @param baseDir   directory against which table inputs' file names are resolved
     * @param overrides parameter values replacing the spec's
     */
    public static UserSystem parse(String text, boolean json, String source, Path baseDir, Map<String, Double> overrides)
            throws IOException {
        Node root = SpecTree.parse(text, json, source);
        return new Reader(source, baseDir).read(root, overrides);
    }

    /**
     * Reads input schedules from a file: its {@code inputs} field, in the syntax of a system spec's (so a system spec
     * file may be given; its other fields are ignored). Used to drive a trained network by other inputs.
     *
     * @param file a .yaml, .yml or .json file with a top-level {@code inputs} mapping
     * @return name → schedule, in file order
     * @throws DataFormatException naming file, line and column for a missing or malformed {@code inputs} field
     */
    public static Map<String, InputSchedule> loadInputs(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("inputs file '" + file + "' does not exist or is not a regular file");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        String source = String.valueOf(file.getFileName());
        Reader reader = new Reader(source, file.toAbsolutePath().getParent());
        MapNode root = reader.map(SpecTree.parse(text, json, source), "the inputs file");
        MapNode inputs = reader.optionalMap(root, "inputs");
        if (inputs == null || inputs.entries().isEmpty()) {
            throw new DataFormatException(source + ": field 'inputs' is missing or empty; allowed is a mapping of input names"
                    + " to schedules, as in a system spec");
        }
        Map<String, InputSchedule> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Node> e : inputs.entries().entrySet()) {
            out.put(e.getKey(), reader.schedule(e.getValue(), "inputs." + e.getKey()));
        }
        return out;
    }

    /** The hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The training-metadata entries that tie a model to the spec file it was trained on: its absolute path under
     * {@link #SPEC_PATH_KEY} and its SHA-256 under {@link #SPEC_SHA256_KEY}; empty for a catalog name.
     */
    public static Map<String, Object> specMetadata(String nameOrPath) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        if (isSpecPath(nameOrPath)) {
            Path p = Path.of(nameOrPath).toAbsolutePath().normalize();
            m.put(SPEC_PATH_KEY, p.toString());
            m.put(SPEC_SHA256_KEY, sha256(p));
        }
        return m;
    }

    /**
     * The target system of a saved model, to start simulations from its initial state: the spec file recorded in the
     * training metadata (with the saved parameters) when there is one and its checksum still matches, else the
     * catalog entry of the saved system name. When the spec file is gone or has changed, {@code warnings} is told and
     * the result is empty.
     *
     * @param saved    a loaded model
     * @param warnings receives one-line notes
     */
    public static Optional<Sde> savedTarget(ModelFiles.SavedModel saved, Consumer<String> warnings) throws IOException {
        return savedTarget(saved.system(), saved.systemParameters(), saved.training(), warnings);
    }

    /**
     * {@link #savedTarget(ModelFiles.SavedModel, Consumer)} from a model's metadata alone (for dense models too).
     *
     * @param system           the saved system name
     * @param systemParameters the saved parameters
     * @param training         the saved training metadata (spec path and checksum, if any)
     * @param warnings         receives one-line notes
     */
    public static Optional<Sde> savedTarget(String system, Map<String, Double> systemParameters, Map<String, Object> training,
                                            Consumer<String> warnings) throws IOException {
        record Saved(String system, Map<String, Double> systemParameters, Map<String, Object> training) {}
        Saved saved = new Saved(system, systemParameters, training);
        Object spec = saved.training().get(SPEC_PATH_KEY);
        if (spec instanceof String path) {
            Path p = Path.of(path);
            if (!Files.isRegularFile(p)) {
                warnings.accept("spec file " + path + " of system '" + saved.system() + "' is gone; starting from the "
                        + "network's own initial state");
                return Optional.empty();
            }
            String sha = sha256(p);
            if (!sha.equals(saved.training().get(SPEC_SHA256_KEY))) {
                warnings.accept("spec file " + path + " has changed since training (SHA-256 differs); starting from the "
                        + "network's own initial state");
                return Optional.empty();
            }
            return Optional.of(load(p, saved.systemParameters()));
        }
        return SystemCatalog.find(saved.system()).map(e -> e.create(saved.systemParameters()));
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** One pass over one spec tree; knows the source for messages. */
    private static final class Reader {
        private final String source;
        private final Path baseDir;

        Reader(String source, Path baseDir) {
            this.source = source;
            this.baseDir = baseDir;
        }

        UserSystem read(Node rootNode, Map<String, Double> overrides) throws IOException {
            MapNode root = map(rootNode, "the spec");
            for (Map.Entry<String, Node> e : root.entries().entrySet()) {
                if (!FIELDS.contains(e.getKey())) {
                    throw error(root.keyLocs().get(e.getKey()), e.getKey(), "unknown field"
                            + ddmatch.sde.ClosestName.suggestion(e.getKey(), FIELD_ORDER) + "; allowed fields are "
                            + String.join(", ", FIELD_ORDER));
                }
            }
            String name = root.entries().containsKey("name") ? string(root.entries().get("name"), "name")
                    : defaultName();
            String description = root.entries().containsKey("description")
                    ? string(root.entries().get("description"), "description") : "";

            // Names first, each checked at its own node, duplicates across sections reported with both places.
            Map<String, Loc> declared = new HashMap<>();
            Map<String, String> declaredAs = new HashMap<>();
            ListNode stateNode = list(required(root, "state"), "state");
            if (stateNode.items().size() > MAX_DIMENSION) {
                throw error(stateNode.loc(), "state", stateNode.items().size() + " state variables; at most "
                        + MAX_DIMENSION + " are allowed (the generated drift code grows with d², and targets have d ≈ 1–10)");
            }
            List<String> state = new ArrayList<>();
            for (int i = 0; i < stateNode.items().size(); i++) {
                Node n = stateNode.items().get(i);
                String v = string(n, "state[" + i + "]");
                declare(v, n.loc(), "state[" + i + "]", "a state variable", declared, declaredAs);
                state.add(v);
            }
            if (state.isEmpty()) {
                throw error(stateNode.loc(), "state", "empty list; give at least one state variable name");
            }
            MapNode paramNode = optionalMap(root, "parameters");
            List<String> paramNames = new ArrayList<>();
            if (paramNode != null) {
                for (String k : paramNode.entries().keySet()) {
                    declare(k, paramNode.keyLocs().get(k), "parameters." + k, "a parameter", declared, declaredAs);
                    paramNames.add(k);
                }
            }
            MapNode inputNode = optionalMap(root, "inputs");
            List<String> inputNames = new ArrayList<>();
            if (inputNode != null) {
                for (String k : inputNode.entries().keySet()) {
                    declare(k, inputNode.keyLocs().get(k), "inputs." + k, "an input", declared, declaredAs);
                    inputNames.add(k);
                }
            }
            Symbols symbols = Symbols.of(state, paramNames, inputNames);

            double[] params = new double[paramNames.size()];
            for (int i = 0; i < params.length; i++) {
                String k = paramNames.get(i);
                params[i] = constant(paramNode.entries().get(k), "parameters." + k);
            }
            for (Map.Entry<String, Double> o : overrides.entrySet()) {
                int i = paramNames.indexOf(o.getKey());
                if (i < 0) {
                    throw new IllegalArgumentException("system '" + name + "' (" + source + ") has no parameter '" + o.getKey()
                            + "'; its parameters are " + paramNames);
                }
                if (o.getValue() == null || !Double.isFinite(o.getValue())) {
                    throw new IllegalArgumentException("parameter '" + o.getKey() + "' = " + o.getValue()
                            + " is not allowed; it must be a finite number");
                }
                params[i] = o.getValue();
            }
            List<InputSchedule> inputs = new ArrayList<>();
            for (String k : inputNames) {
                inputs.add(schedule(inputNode.entries().get(k), "inputs." + k));
            }

            List<Expr> drift = perState(required(root, "drift"), "drift", symbols, true);
            Diffusion diffusion = diffusion(root, symbols);
            double[] x0 = numbersPerState(required(root, "initial_state"), "initial_state", state);
            double dt = DEFAULT_DT;
            if (root.entries().containsKey("dt")) {
                Node n = root.entries().get("dt");
                dt = number(n, "dt");
                if (!(dt > 0)) {
                    throw error(n.loc(), "dt", "value " + dt + " is not allowed; the time step must be > 0");
                }
            }
            UserSystemDefinition def;
            try {
                def = new UserSystemDefinition(name, description, symbols, params, inputs, drift, diffusion, x0, dt);
            } catch (IllegalArgumentException e) {
                throw error(root.loc(), "spec", e.getMessage());
            }
            UserSystem system;
            try {
                system = UserSystem.compile(def);
            } catch (IllegalArgumentException e) {
                throw error(root.loc(), "spec", e.getMessage());
            }
            requireFiniteAtStart(system, root, state);
            return system;
        }

        /**
         * The drift and diffusion evaluated at the initial state (t = 0) are finite: an expression such as {@code x/0}
         * or {@code log(-1)} is reported here, by its field and text, rather than as a diverging first step.
         */
        private void requireFiniteAtStart(UserSystem system, MapNode root, List<String> state) throws IOException {
            int d = system.dimension();
            double[] z = system.initialState();
            double[] f = new double[d];
            system.drift(0.0, z, f);
            Node driftNode = root.entries().get("drift");
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(f[i])) {
                    Node entry = driftNode instanceof MapNode m && m.entries().get(state.get(i)) != null
                            ? m.entries().get(state.get(i))
                            : driftNode instanceof ListNode l && i < l.items().size() ? l.items().get(i) : driftNode;
                    String text = entry instanceof Scalar sc && sc.text() != null ? " = \"" + sc.text() + "\"" : "";
                    throw error(entry.loc(), "drift." + state.get(i), "expression" + text + " evaluates to " + f[i]
                            + " at the initial state " + java.util.Arrays.toString(z) + " (t = 0); the drift must be finite"
                            + " where the system starts");
                }
            }
            int m = system.noiseDimension();
            if (m > 0) {
                double[] g = new double[d * m];
                system.diffusion(0.0, z, g);
                for (int k = 0; k < g.length; k++) {
                    if (!Double.isFinite(g[k])) {
                        Node node = root.entries().get("diffusion");
                        throw error(node.loc(), "diffusion", "entry (" + k / m + ", " + k % m + ") evaluates to " + g[k]
                                + " at the initial state " + java.util.Arrays.toString(z) + " (t = 0); the diffusion must be"
                                + " finite where the system starts");
                    }
                }
            }
        }

        private String defaultName() {
            String s = source;
            int dot = s.lastIndexOf('.');
            return dot > 0 ? s.substring(0, dot) : s;
        }

        private void declare(String name, Loc loc, String field, String kind, Map<String, Loc> declared,
                             Map<String, String> declaredAs) {
            try {
                Symbols.requireValidName(name);
            } catch (IllegalArgumentException e) {
                throw error(loc, field, e.getMessage());
            }
            Loc old = declared.putIfAbsent(name, loc);
            if (old != null) {
                throw error(loc, field, "duplicate name '" + name + "': already declared as " + declaredAs.get(name)
                        + " at line " + old.line() + "; state variables, parameters and inputs need distinct names");
            }
            declaredAs.put(name, kind);
        }

        /** drift: a mapping keyed by exactly the state names, or a list of d entries. */
        private List<Expr> perState(Node node, String field, Symbols symbols, boolean expressions) {
            List<String> state = symbols.state();
            List<Expr> out = new ArrayList<>();
            if (node instanceof MapNode m) {
                for (String k : m.entries().keySet()) {
                    if (!state.contains(k)) {
                        throw error(m.keyLocs().get(k), field + "." + k, "'" + k + "' is not a state variable; the state is "
                                + state);
                    }
                }
                for (String v : state) {
                    Node e = m.entries().get(v);
                    if (e == null) {
                        throw error(m.loc(), field, "missing entry for state variable '" + v + "'; give one for each of "
                                + state);
                    }
                    out.add(expression(e, field + "." + v, symbols));
                }
            } else if (node instanceof ListNode l) {
                if (l.items().size() != state.size()) {
                    throw error(l.loc(), field, "list of " + l.items().size() + " entries for " + state.size()
                            + " state variables " + state + "; give one per variable, in state order");
                }
                for (int i = 0; i < state.size(); i++) {
                    out.add(expression(l.items().get(i), field + "[" + i + "]", symbols));
                }
            } else {
                throw error(node.loc(), field, "found " + node.kind() + "; expected a mapping from state variable to "
                        + "expression, or a list with one expression per state variable");
            }
            return out;
        }

        private double[] numbersPerState(Node node, String field, List<String> state) {
            double[] out = new double[state.size()];
            if (node instanceof MapNode m) {
                for (String k : m.entries().keySet()) {
                    if (!state.contains(k)) {
                        throw error(m.keyLocs().get(k), field + "." + k, "'" + k + "' is not a state variable; the state is "
                                + state);
                    }
                }
                for (int i = 0; i < state.size(); i++) {
                    Node e = m.entries().get(state.get(i));
                    if (e == null) {
                        throw error(m.loc(), field, "missing value for state variable '" + state.get(i) + "'");
                    }
                    out[i] = number(e, field + "." + state.get(i));
                }
            } else if (node instanceof ListNode l) {
                if (l.items().size() != state.size()) {
                    throw error(l.loc(), field, "list of " + l.items().size() + " numbers for " + state.size()
                            + " state variables " + state + "; give one per variable");
                }
                for (int i = 0; i < out.length; i++) {
                    out[i] = number(l.items().get(i), field + "[" + i + "]");
                }
            } else {
                throw error(node.loc(), field, "found " + node.kind() + "; expected a list of numbers or a mapping from "
                        + "state variable to number");
            }
            return out;
        }

        private Diffusion diffusion(MapNode root, Symbols symbols) {
            Node node = root.entries().get("diffusion");
            Node mNode = root.entries().get("noise_dimension");
            int d = symbols.state().size();
            if (node == null || (node instanceof Scalar s && s.text() == null)) {
                if (mNode != null) {
                    throw error(mNode.loc(), "noise_dimension", "given without a diffusion; add a diffusion or remove it");
                }
                return new Diffusion.None();
            }
            Diffusion g;
            int m;
            if (node instanceof Scalar) {
                g = new Diffusion.Scalar(expression(node, "diffusion", symbols));
                m = d;
            } else if (node instanceof ListNode l && l.items().stream().allMatch(i -> i instanceof Scalar)) {
                if (l.items().size() != d) {
                    throw error(l.loc(), "diffusion", "diagonal of " + l.items().size() + " entries for " + d
                            + " state variables; give one per variable, a single expression, or a d × m matrix (list of lists)");
                }
                List<Expr> diag = new ArrayList<>();
                for (int i = 0; i < d; i++) {
                    diag.add(expression(l.items().get(i), "diffusion[" + i + "]", symbols));
                }
                g = new Diffusion.Diagonal(diag);
                m = d;
            } else if (node instanceof ListNode l && l.items().stream().allMatch(i -> i instanceof ListNode)) {
                if (l.items().size() != d) {
                    throw error(l.loc(), "diffusion", "matrix with " + l.items().size() + " rows for " + d
                            + " state variables; a d × m matrix needs d = " + d + " rows");
                }
                m = ((ListNode) l.items().get(0)).items().size();
                if (m == 0) {
                    throw error(l.items().get(0).loc(), "diffusion[0]", "empty row; a row needs m ≥ 1 entries");
                }
                List<Expr> entries = new ArrayList<>();
                for (int i = 0; i < d; i++) {
                    ListNode row = (ListNode) l.items().get(i);
                    if (row.items().size() != m) {
                        throw error(row.loc(), "diffusion[" + i + "]", "row of " + row.items().size() + " entries, but row 0 has "
                                + m + "; every row of the d × m matrix needs m entries");
                    }
                    for (int k = 0; k < m; k++) {
                        entries.add(expression(row.items().get(k), "diffusion[" + i + "][" + k + "]", symbols));
                    }
                }
                g = new Diffusion.Matrix(d, m, entries);
            } else {
                throw error(node.loc(), "diffusion", "found " + node.kind() + (node instanceof ListNode ? " mixing expressions and rows" : "")
                        + "; expected one expression, a list of d expressions (diagonal) or a list of d lists of m expressions");
            }
            if (allZero(g)) {
                // 'diffusion: 0' says "no noise": an ODE (RK4, Lyapunov exponents, no noise floors), not additive noise
                // of amplitude 0 integrated by Euler–Maruyama with m Wiener processes that do nothing.
                return new Diffusion.None();
            }
            if (mNode != null) {
                double given = number(mNode, "noise_dimension");
                if (given != m) {
                    throw error(mNode.loc(), "noise_dimension", "value " + given + " does not match the diffusion, which has m = "
                            + m + " columns");
                }
            }
            return g;
        }

        /** Whether every entry of {@code g} is the literal 0. */
        private static boolean allZero(Diffusion g) {
            List<Expr> entries = g instanceof Diffusion.Scalar s ? List.of(s.g())
                    : g instanceof Diffusion.Diagonal dg ? dg.entries()
                    : g instanceof Diffusion.Matrix mx ? mx.entries() : List.of();
            if (entries.isEmpty()) {
                return false;
            }
            for (Expr e : entries) {
                Expr inner = e instanceof Expr.Neg n ? n.arg() : e;
                if (!(inner instanceof Expr.Num num) || num.value() != 0.0) {
                    return false;
                }
            }
            return true;
        }

        private InputSchedule schedule(Node node, String field) throws IOException {
            if (node instanceof Scalar s && s.number() != null) {
                return new Constant(number(node, field));
            }
            MapNode m = map(node, field);
            Node typeNode = m.entries().get("type");
            if (typeNode == null) {
                throw error(m.loc(), field, "missing 'type'; allowed types: constant, step, pulses, piecewise_linear, table");
            }
            String type = string(typeNode, field + ".type");
            Set<String> allowed = switch (type) {
                case "constant" -> Set.of("type", "value");
                case "step" -> Set.of("type", "time", "value", "before");
                case "pulses" -> Set.of("type", "period", "width", "amplitude", "start");
                case "piecewise_linear" -> Set.of("type", "points");
                case "table" -> Set.of("type", "file", "column", "time_column");
                default -> throw error(typeNode.loc(), field + ".type", "unknown input type '" + type
                        + "'; allowed types: constant, step, pulses, piecewise_linear, table");
            };
            for (String k : m.entries().keySet()) {
                if (!allowed.contains(k)) {
                    throw error(m.keyLocs().get(k), field + "." + k, "unknown field for type " + type + "; allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
            try {
                return switch (type) {
                    case "constant" -> new Constant(number(required(m, "value", field), field + ".value"));
                    case "step" -> new Step(number(required(m, "time", field), field + ".time"),
                            m.entries().containsKey("before") ? number(m.entries().get("before"), field + ".before") : 0.0,
                            number(required(m, "value", field), field + ".value"));
                    case "pulses" -> new PulseTrain(number(required(m, "period", field), field + ".period"),
                            number(required(m, "width", field), field + ".width"),
                            number(required(m, "amplitude", field), field + ".amplitude"),
                            m.entries().containsKey("start") ? number(m.entries().get("start"), field + ".start") : 0.0);
                    case "piecewise_linear" -> points(list(required(m, "points", field), field + ".points"), field + ".points");
                    default -> table(m, field);
                };
            } catch (DataFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw error(m.loc(), field, e.getMessage());
            }
        }

        private PiecewiseLinear points(ListNode l, String field) {
            double[] t = new double[l.items().size()];
            double[] v = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                Node p = l.items().get(i);
                if (!(p instanceof ListNode pair) || pair.items().size() != 2) {
                    throw error(p.loc(), field + "[" + i + "]", "found " + p.kind() + "; expected a pair [t, v]");
                }
                t[i] = number(pair.items().get(0), field + "[" + i + "][0]");
                v[i] = number(pair.items().get(1), field + "[" + i + "][1]");
                if (i > 0 && !(t[i] > t[i - 1])) {
                    throw error(p.loc(), field + "[" + i + "]", "time " + t[i] + " does not come after " + t[i - 1]
                            + "; times must increase strictly");
                }
            }
            if (t.length == 0) {
                throw error(l.loc(), field, "no points; give at least one pair [t, v]");
            }
            return new PiecewiseLinear(t, v);
        }

        private PiecewiseLinear table(MapNode m, String field) throws IOException {
            Node fileNode = required(m, "file", field);
            Path file = baseDir.resolve(string(fileNode, field + ".file"));
            Csv.CsvTable table;
            try {
                table = Csv.read(file);
            } catch (NoSuchFileException e) {
                throw error(fileNode.loc(), field + ".file", "table file " + file + " does not exist");
            }
            int timeCol = column(table, m.entries().get("time_column"), 0, field + ".time_column");
            int valueCol = column(table, m.entries().get("column"), 1, field + ".column");
            double[] t = new double[table.rows()];
            double[] v = new double[table.rows()];
            for (int r = 0; r < t.length; r++) {
                t[r] = table.get(r, timeCol);
                v[r] = table.get(r, valueCol);
            }
            try {
                return new PiecewiseLinear(t, v);
            } catch (IllegalArgumentException e) {
                throw error(fileNode.loc(), field + ".file", file.getFileName() + ": " + e.getMessage());
            }
        }

        private int column(Csv.CsvTable table, Node node, int fallback, String field) {
            int c = fallback;
            if (node instanceof Scalar s && s.number() == null && s.text() != null) {
                c = List.of(table.header()).indexOf(s.text());
                if (c < 0) {
                    throw error(node.loc(), field, "no column '" + s.text() + "'; the table's columns are "
                            + List.of(table.header()));
                }
            } else if (node != null) {
                double v = number(node, field);
                c = (int) v;
                if (c != v) {
                    throw error(node.loc(), field, "value " + v + " is not a column index; give a header name or a 0-based index");
                }
            }
            if (c < 0 || c >= table.cols()) {
                throw error(node == null ? new Loc(1, 1) : node.loc(), field, "column " + c + " does not exist; the table has "
                        + table.cols() + " columns (0-based indices)");
            }
            return c;
        }

        // -------------------------------------------------------------------------------------------- scalars

        private Expr expression(Node node, String field, Symbols symbols) {
            if (!(node instanceof Scalar s) || s.text() == null || s.isBoolean()) {
                throw error(node.loc(), field, "found " + node.kind() + "; expected an expression (a string or a number)");
            }
            if (s.number() != null) {
                requireFinite(s, field);
            }
            try {
                return ExpressionParser.parse(s.text(), symbols);
            } catch (ExpressionException e) {
                throw error(node.loc(), field, e.getMessage());
            }
        }

        /** A parameter value: a number or a constant expression such as "8/3" or "2*pi". */
        private double constant(Node node, String field) {
            if (node instanceof Scalar s && s.number() != null) {
                return number(node, field);
            }
            Expr e = expression(node, field, Symbols.constantsOnly());
            double v = e.evaluate(0.0, new double[0], new double[0], new double[0]);
            if (!Double.isFinite(v)) {
                throw error(node.loc(), field, "value " + v + " is not allowed; it must be a finite number");
            }
            return v;
        }

        private double number(Node node, String field) {
            if (!(node instanceof Scalar s) || s.number() == null) {
                throw error(node.loc(), field, "found " + node.kind() + (node instanceof Scalar s2 && s2.text() != null
                        ? " '" + s2.text() + "'" : "") + "; expected a number");
            }
            requireFinite(s, field);
            return s.number();
        }

        private void requireFinite(Scalar s, String field) {
            if (!Double.isFinite(s.number())) {
                throw error(s.loc(), field, "value " + s.text() + " is not allowed; numbers must be finite");
            }
        }

        private String string(Node node, String field) {
            if (!(node instanceof Scalar s) || s.text() == null || s.number() != null || s.isBoolean()) {
                throw error(node.loc(), field, "found " + node.kind() + "; expected a string");
            }
            return s.text();
        }

        private MapNode map(Node node, String field) {
            if (!(node instanceof MapNode m)) {
                throw error(node.loc(), field, "found " + node.kind() + "; expected a mapping");
            }
            return m;
        }

        private ListNode list(Node node, String field) {
            if (!(node instanceof ListNode l)) {
                throw error(node.loc(), field, "found " + node.kind() + "; expected a list");
            }
            return l;
        }

        private MapNode optionalMap(MapNode root, String field) {
            Node n = root.entries().get(field);
            return n == null || (n instanceof Scalar s && s.text() == null) ? null : map(n, field);
        }

        private Node required(MapNode m, String field) {
            return required(m, field, null);
        }

        private Node required(MapNode m, String field, String parent) {
            Node n = m.entries().get(field);
            String path = parent == null ? field : parent + "." + field;
            if (n == null) {
                throw error(m.loc(), path, "missing required field '" + field + "'");
            }
            return n;
        }

        private DataFormatException error(Loc loc, String field, String message) {
            return new DataFormatException(source + ":" + loc.line() + ":" + loc.column() + ": " + field + ": " + message);
        }
    }
}
