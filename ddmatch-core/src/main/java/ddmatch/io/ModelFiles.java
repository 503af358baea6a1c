package ddmatch.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.DenseTrainingResult;
import ddmatch.fit.TrainingResult;
import ddmatch.rnn.Activation;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.DenseRateNetwork;
import ddmatch.rnn.Network;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saves and loads a trained {@link RateNetwork} with its metadata as a model directory:
 * <ul>
 *   <li>{@code model.json}: format tag and version, the ddmatch version, the network's name, the target system and its
 *       parameters, the sizes N, d, m, τ, the activation, the time step, the standardisation, free-form training
 *       metadata, and for each array its file name, shape and the SHA-256 checksum of the file's bytes;</li>
 *   <li>{@code U.npy} (N × d), {@code W.npy} (d × N), {@code b.npy} (N) and {@code S.npy} (d × m), written by
 *       {@link Npy};</li>
 *   <li>for a network with state-dependent noise {@code S(x) = K φ(x) + k} (DESIGN §1.5; {@code "noise":
 *       "state-dependent"} in model.json), also {@code K.npy} ((d·m) × N, with its own entry and checksum under
 *       {@code arrays}); {@code S.npy} then holds the constant part k. Model files without the {@code "noise"} field
 *       (written before it existed) load as constant-noise models;</li>
 *   <li>for a network with a population mode {@code J = U W + 1 w₀ᵀ} (Dale networks), also {@code W0.npy} (N), listed
 *       under {@code arrays}.</li>
 * </ul>
 * Files are deterministic (no timestamps, sorted maps), so saving the same model twice gives identical bytes, and a
 * loaded model simulates bit-identically to the saved one. Saving is crash-safe (see {@link #save}); loading validates
 * everything and reports problems as {@link ModelFormatException}.
 */
public final class ModelFiles {
    /** The value of {@code "format"} in every model file. */
    public static final String FORMAT = "ddmatch-model";
    /** The model format version this code writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The ddmatch version recorded in saved models. */
    public static final String DDMATCH_VERSION = "0.1.0";
    /** Name of the metadata file in a model directory. */
    public static final String MODEL_JSON = "model.json";

    /** Array names in the order they are committed; model.json always follows them. */
    private static final List<String> ARRAYS = List.of("U", "W", "b", "S");
    /** The optional array of state-dependent noise, committed after the four above. */
    private static final String NOISE_WEIGHTS = "K";
    /** Values of model.json's {@code "noise"} field. */
    private static final String NOISE_CONSTANT = "constant";
    private static final String NOISE_STATE_DEPENDENT = "state-dependent";
    /**
     * The optional weights w₀ (N) of a population mode, {@code J = U W + 1 w₀ᵀ} (Dale networks): present exactly when
     * {@code arrays} lists it.
     */
    private static final String POPULATION_WEIGHTS = "W0";
    /** The optional input gain B (N × p) of a network driven by p inputs, listed with the names under "inputs". */
    private static final String INPUT_GAIN = "B";
    /** The arrays of a model with dense connectivity ({@code "connectivity": "dense"}): J (N × N) replaces W. */
    private static final List<String> DENSE_ARRAYS = List.of("U", "J", "b", "S");
    /** The value of the optional {@code "connectivity"} field of a dense model; factored models omit the field. */
    public static final String DENSE = "dense";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Real model.json files are a few kB; the bound only keeps a wrong file from exhausting memory. */
    private static final long MAX_JSON_BYTES = 64L << 20;
    private static final int MAX_NAME_ATTEMPTS = 100;
    private static final int MAX_VALUE_CHARS = 80;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // A key given twice would make one of the values silently win; refuse it as malformed instead.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Garbage after the object (e.g. two models concatenated) is corruption, not something to ignore.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Two-space indent and "\n" line ends on every platform, so the bytes do not depend on where the model was saved. */
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private ModelFiles() {}

    /**
     * The unit of saving and loading: a network plus what it was trained for and how.
     *
     * @param network          the trained network
     * @param system           the catalog name of the target system
     * @param systemParameters the target's parameters by name (finite values); stored sorted by name
     * @param training         free-form training metadata (λ, GCV score, seed, …); values must be numbers, strings or
     *                         booleans. They are normalised so that a loaded model compares equal to the saved one:
     *                         byte, short and long values that fit in an int become {@link Integer}, other longs stay
     *                         {@link Long}, floats become {@link Double}, and the strings {@code "NaN"},
     *                         {@code "Infinity"} and {@code "-Infinity"} become the corresponding doubles (JSON has no
     *                         non-finite numbers, so these strings are how such doubles are stored). Stored sorted by
     *                         key.
     */
    public record SavedModel(RateNetwork network, String system, Map<String, Double> systemParameters,
                             Map<String, Object> training) {
        /** Validates and normalises the metadata; the maps are copied into unmodifiable sorted maps. */
        public SavedModel {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(network.name(), "network.name()");
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(systemParameters, "systemParameters");
            Objects.requireNonNull(training, "training");
            TreeMap<String, Double> params = new TreeMap<>();
            for (Map.Entry<String, Double> e : systemParameters.entrySet()) {
                Double v = e.getValue();
                if (e.getKey() == null || v == null || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("system parameter " + e.getKey() + " = " + v
                            + " is not allowed; names must be non-null and values finite");
                }
                params.put(e.getKey(), v);
            }
            TreeMap<String, Object> train = new TreeMap<>();
            for (Map.Entry<String, Object> e : training.entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("training metadata keys must not be null");
                }
                train.put(e.getKey(), normaliseScalar(e.getKey(), e.getValue()));
            }
            systemParameters = Collections.unmodifiableMap(params);
            training = Collections.unmodifiableMap(train);
        }

        private static Object normaliseScalar(String key, Object v) {
            if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                return ((Number) v).intValue();
            }
            if (v instanceof Long l) {
                return l == l.intValue() ? (Object) l.intValue() : l;
            }
            if (v instanceof Double || v instanceof Float) {
                return ((Number) v).doubleValue();
            }
            if (v instanceof String s) {
                Double special = nonFinite(s);
                return special != null ? special : s;
            }
            if (v instanceof Boolean) {
                return v;
            }
            if (v instanceof List<?> list) {
                List<Double> out = new ArrayList<>(list.size());
                for (Object o : list) {
                    if (!(o instanceof Double x) || !Double.isFinite(x)) {
                        throw new IllegalArgumentException("training metadata '" + key + "' has element " + o
                                + "; a list must hold finite Double values (e.g. a loss curve)");
                    }
                    out.add(x);
                }
                return List.copyOf(out);
            }
            throw new IllegalArgumentException("training metadata '" + key + "' = " + v + " ("
                    + (v == null ? "null" : v.getClass().getSimpleName())
                    + ") is not allowed; values must be Integer, Long, Double, Float, String, Boolean or a List of finite Double");
        }
    }

    /**
     * A network with dense N × N connectivity ({@link DenseRateNetwork}) plus what it was trained for and how; saved
     * with {@code "connectivity": "dense"} and a {@code J.npy} in place of {@code W.npy}. The metadata are validated and
     * normalised as in {@link SavedModel}.
     */
    public record SavedDenseModel(DenseRateNetwork network, String system, Map<String, Double> systemParameters,
                                  Map<String, Object> training) {
        public SavedDenseModel {
            Objects.requireNonNull(network, "network");
            SavedModel check = new SavedModel(PLACEHOLDER, system, systemParameters, training);
            systemParameters = check.systemParameters();
            training = check.training();
        }
    }

    /** A 1-neuron factored network used only to run {@link SavedModel}'s metadata validation for dense models. */
    private static final RateNetwork PLACEHOLDER = new RateNetwork("placeholder",
            new Embedding(1, 1, new double[] {1.0}, new double[] {0.0}), new double[] {0.0}, new double[0], 0, 1.0,
            Activation.LINEAR, Standardization.identity(1), 1.0);

    /**
     * The training metadata of a dense fit (full-rank or constrained): seed, λ, training errors, samples, iterations
     * and final loss of an iterative fit, σ_b and the sampling settings.
     */
    public static Map<String, Object> trainingMetadata(DenseTrainingResult result) {
        Objects.requireNonNull(result, "result");
        MatchConfig c = result.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", c.seed());
        m.put("lambda", result.lambda());
        m.put("trainingError", result.trainingError());
        m.put("transverseError", result.transverseError());
        m.put("samples", result.samples());
        double[] loss = result.lossCurve();
        if (loss.length > 0) {
            m.put("iterations", loss.length);
            m.put("finalLoss", loss[loss.length - 1]);
        }
        m.put("tonicStd", c.tonicStd());
        m.put("jitter", c.sampling().jitter());
        m.put("sampleInterval", c.sampling().interval());
        m.put("transientTime", c.sampling().transientTime());
        m.put("boxFraction", c.sampling().boxFraction());
        return m;
    }

    /**
     * The training metadata of a sparse, possibly weight-bounded fit ({@link ddmatch.fit.SparseMatcher}): those of a dense
     * fit plus the connection probability, mask seed, realised density, fewest allowed columns in a row, σ_ξ, c, the
     * weight bound (or "none"), the unbounded fit's loss and max|J_ij|, and the loss curve of the bounded stage — at most
     * 200 entries, the loss after iterations k, 2k, 3k, … with k = {@code lossCurveEvery}.
     */
    public static Map<String, Object> trainingMetadata(ddmatch.fit.SparseMatcher.Result result) {
        Objects.requireNonNull(result, "result");
        Map<String, Object> m = trainingMetadata(result.dense());
        ddmatch.fit.SparseConfig s = result.sparse();
        m.put("connectionProbability", s.connectionProbability());
        m.put("maskSeed", result.maskSeed());
        m.put("density", result.density());
        m.put("minimumRowColumns", result.minimumRowColumns());
        m.put("transverseScale", s.transverseScale());
        m.put("contraction", s.contraction());
        m.put("weightBound", s.bounded() ? (Object) s.weightBound() : "none");
        m.put("unboundedLoss", result.unboundedLoss());
        m.put("unboundedMaxWeight", result.unboundedMaxWeight());
        double[] loss = result.lossCurve();
        if (loss.length > 0) {
            int every = Math.max(1, (loss.length + 199) / 200);
            List<Double> curve = new ArrayList<>();
            for (int i = every - 1; i < loss.length; i += every) {
                curve.add(loss[i]);
            }
            m.put("lossCurveEvery", every);
            m.put("lossCurve", curve);
        }
        return m;
    }

    /**
     * The training metadata of a Dale-constrained fit ({@link ddmatch.fit.DaleMatcher}): seed, λ, the Dale settings, the
     * training and balance errors, the cone slope κ and the loss curve — at most 200 entries, the loss after iterations
     * k, 2k, 3k, … with k = {@code lossCurveEvery} = ⌈cap / 200⌉, and after the last iteration done ({@code iterationsUsed})
     * when that is not a multiple of k — plus the sampling settings. No wall time, as for the other fits.
     */
    public static Map<String, Object> trainingMetadata(ddmatch.fit.DaleMatcher.Result result) {
        Objects.requireNonNull(result, "result");
        MatchConfig c = result.config();
        ddmatch.fit.DaleMatcher.Settings s = result.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", c.seed());
        m.put("connectivity", "dale");
        m.put("lambda", result.lambda());
        m.put("excitatoryFraction", s.excitatoryFraction());
        m.put("excitatory", s.excitatoryCount(c.neurons()));
        m.put("meanJitter", s.meanJitter());
        m.put("balanceSpread", s.balanceSpread());
        m.put("balanceJitter", result.balanceJitter());
        m.put("balanceJitterRule", Double.isNaN(s.balanceJitter()) ? "noise-spread" : "given");
        m.put("meanGain", s.meanGain());
        m.put("balanceWeight", s.balanceWeight());
        m.put("iterations", s.iterations());
        m.put("iterationsUsed", result.iterations());
        m.put("converged", result.converged());
        m.put("slopeWeight", s.slopeWeight());
        m.put("coneSlope", result.coneSlope());
        m.put("trainingError", result.trainingError());
        m.put("balanceError", result.balanceError());
        double[] loss = result.lossCurve();
        List<Double> curve = new ArrayList<>();
        for (double v : loss) {
            curve.add(v);
        }
        m.put("lossCurveEvery", result.lossCurveEvery());
        m.put("lossCurve", curve);
        m.put("finalLoss", loss[loss.length - 1]);
        m.put("samples", c.sampling().samples());
        m.put("tonicStd", c.tonicStd());
        m.put("jitter", c.sampling().jitter());
        m.put("sampleInterval", c.sampling().interval());
        m.put("transientTime", c.sampling().transientTime());
        m.put("boxFraction", c.sampling().boxFraction());
        return m;
    }

    /**
     * The training metadata of a fit, suitable for {@link SavedModel#training()}: seed, λ (and whether it was selected
     * by GCV), λ scale, GCV score, effective degrees of freedom, normal-equation form, factorisation, whether λ hit the
     * grid's upper edge, the rounding floor of the selection and whether λ sat at it (only when λ was selected), training error, number of samples, σ_b and the sampling settings. The wall time is left out on
     * purpose, so that refitting the same model saves identical files.
     *
     * @param result a finished fit
     * @return a new mutable map in a readable order
     */
    public static Map<String, Object> trainingMetadata(TrainingResult result) {
        Objects.requireNonNull(result, "result");
        MatchConfig c = result.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", c.seed());
        m.put("lambdaSelection", Double.isNaN(c.lambda()) ? "gcv" : "given");
        m.put("lambda", result.ridge().lambda());
        m.put("lambdaScale", result.ridge().lambdaScale());
        m.put("gcv", result.ridge().gcv());
        m.put("effectiveDof", result.ridge().effectiveDof());
        m.put("form", result.ridge().form().name().toLowerCase(Locale.ROOT));
        m.put("factorization", result.ridge().factorization());
        m.put("lambdaAtGridEdge", result.ridge().atGridEdge());
        if (!Double.isNaN(result.ridge().roundingFloor())) {
            m.put("lambdaRoundingFloor", result.ridge().roundingFloor());
            m.put("lambdaAtRoundingFloor", result.ridge().atRoundingFloor());
        }
        m.put("trainingError", result.trainingError());
        m.put("samples", result.samples());
        m.put("tonicStd", c.tonicStd());
        m.put("jitter", c.sampling().jitter());
        m.put("sampleInterval", c.sampling().interval());
        m.put("transientTime", c.sampling().transientTime());
        m.put("boxFraction", c.sampling().boxFraction());
        return m;
    }

    // ------------------------------------------------------------------------------------------------ saving

    /**
     * Saves {@code model} into the directory {@code dir}, crash-safely:
     * <ul>
     *   <li>every file is first written (and forced to disk) into a sibling temporary directory
     *       {@code .<dirname>.tmp-<random>};</li>
     *   <li>if {@code dir} does not exist, the temporary directory is renamed to it in one atomic step;</li>
     *   <li>if {@code dir} is an existing ddmatch model directory (its {@code model.json} has
     *       {@code "format": "ddmatch-model"}) or is empty, the arrays are moved over the old ones one by one and
     *       {@code model.json} last, so that after a crash the {@code model.json} present still records the checksums
     *       of the arrays it belongs to, and {@link #load} detects any mixture of old and new arrays; other files in
     *       the directory are left alone;</li>
     *   <li>any other existing {@code dir} is refused and left untouched.</li>
     * </ul>
     * On failure the temporary directory is removed. Missing parent directories are created.
     *
     * @param model the model
     * @param dir   the model directory to create or replace
     * @throws FileAlreadyExistsException if {@code dir} exists and is not an empty or model directory
     * @throws IOException                if writing fails
     */
    public static void save(SavedModel model, Path dir) throws IOException {
        Objects.requireNonNull(model, "model");
        RateNetwork net = model.network();
        int n = net.neurons();
        int d = net.latentDimension();
        int m = net.noiseDimension();
        if (net.stateDependentNoise()) {
            double[][] data = {net.embedding().u(), net.readInWeights(), net.embedding().tonic(), net.noiseGain(),
                    net.noiseWeights()};
            int[][] shapes = {{n, d}, {d, n}, {n}, {d, m}, {d * m, n}};
            List<String> names = new ArrayList<>(ARRAYS);
            names.add(NOISE_WEIGHTS);
            write(net, model.system(), model.systemParameters(), model.training(), names, data, shapes, null, dir);
            return;
        }
        if (net.hasPopulationMode()) {
            double[][] data = {net.embedding().u(), net.readInWeights(), net.embedding().tonic(), net.noiseGain(),
                    net.populationWeights()};
            int[][] shapes = {{n, d}, {d, n}, {n}, {d, m}, {n}};
            List<String> names = new ArrayList<>(ARRAYS);
            names.add(POPULATION_WEIGHTS);
            write(net, model.system(), model.systemParameters(), model.training(), names, data, shapes, null, dir);
            return;
        }
        double[][] data = {net.embedding().u(), net.readInWeights(), net.embedding().tonic(), net.noiseGain()};
        int[][] shapes = {{n, d}, {d, n}, {n}, {d, m}};
        write(net, model.system(), model.systemParameters(), model.training(), ARRAYS, data, shapes, null, dir);
    }

    /**
     * Saves a dense model as {@link #save} saves a factored one (same crash safety), with {@code J.npy} (N × N) in
     * place of {@code W.npy} and {@code "connectivity": "dense"} in {@code model.json}.
     */
    public static void saveDense(SavedDenseModel model, Path dir) throws IOException {
        Objects.requireNonNull(model, "model");
        DenseRateNetwork net = model.network();
        int n = net.neurons();
        int d = net.latentDimension();
        int m = net.noiseDimension();
        double[][] data = {net.embedding().u(), net.connectivity(), net.embedding().tonic(), net.noiseGain()};
        int[][] shapes = {{n, d}, {n, n}, {n}, {d, m}};
        write(net, model.system(), model.systemParameters(), model.training(), DENSE_ARRAYS, data, shapes, DENSE, dir);
    }

    private static void write(Network net, String system, Map<String, Double> systemParameters, Map<String, Object> training,
                              List<String> names, double[][] data, int[][] shapes, String connectivity, Path dir)
            throws IOException {
        Objects.requireNonNull(dir, "dir");
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || target.getFileName() == null) {
            throw new IllegalArgumentException("cannot save a model to '" + dir + "': it must name a directory, not a root");
        }

        // Everything is serialised in memory first: checksums need the bytes anyway, and a failure here leaves no trace.
        Map<String, byte[]> files = new LinkedHashMap<>();
        ObjectNode arrays = MAPPER.createObjectNode();
        for (int i = 0; i < names.size(); i++) {
            String file = fileName(names.get(i));
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            Npy.write(buf, data[i], shapes[i]);
            byte[] bytes = buf.toByteArray();
            files.put(file, bytes);
            ObjectNode entry = arrays.putObject(names.get(i));
            entry.put("file", file);
            ArrayNode shape = entry.putArray("shape");
            for (int s : shapes[i]) {
                shape.add(s);
            }
            entry.put("sha256", sha256(bytes));
        }
        if (net instanceof RateNetwork rn && rn.inputDimension() > 0) {
            // Optional: the input gain B (N × p) of a network driven by inputs; the input names go in model.json.
            int n = rn.neurons();
            int p = rn.inputDimension();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            Npy.write(buf, rn.inputGain(), new int[] {n, p});
            byte[] bytes = buf.toByteArray();
            files.put(fileName(INPUT_GAIN), bytes);
            ObjectNode entry = arrays.putObject(INPUT_GAIN);
            entry.put("file", fileName(INPUT_GAIN));
            entry.putArray("shape").add(n).add(p);
            entry.put("sha256", sha256(bytes));
        }
        files.put(MODEL_JSON, WRITER.writeValueAsString(toJson(net, system, systemParameters, training, connectivity, arrays))
                .concat("\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        boolean replace = checkTarget(target);
        Files.createDirectories(parent);
        Path temp = createTempDirectory(parent, target.getFileName().toString());
        AtomicFiles.track(temp);
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                byte[] bytes = e.getValue();
                AtomicFiles.write(temp.resolve(e.getKey()), out -> out.write(bytes));
            }
            if (replace) {
                for (String file : files.keySet()) { // insertion order: arrays first, model.json last
                    AtomicFiles.move(temp.resolve(file), target.resolve(file));
                }
                AtomicFiles.forceDirectory(target);
                deleteTree(temp);
            } else {
                AtomicFiles.move(temp, target);
            }
            AtomicFiles.forceDirectory(parent);
        } catch (Throwable t) {
            try {
                deleteTree(temp);
            } catch (IOException | RuntimeException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        } finally {
            AtomicFiles.untrack(temp);
        }
    }

    private static ObjectNode toJson(Network net, String system, Map<String, Double> systemParameters,
                                     Map<String, Object> trainingMetadata, String connectivity, ObjectNode arrays) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("ddmatchVersion", DDMATCH_VERSION);
        root.put("name", net.name());
        root.put("system", system);
        if (connectivity != null) {
            root.put("connectivity", connectivity);
        }
        ObjectNode params = root.putObject("systemParameters");
        systemParameters.forEach(params::put);
        root.put("neurons", net.neurons());
        root.put("latentDimension", net.latentDimension());
        root.put("noiseDimension", net.noiseDimension());
        root.put("noise", net instanceof RateNetwork rn && rn.stateDependentNoise() ? NOISE_STATE_DEPENDENT : NOISE_CONSTANT);
        root.put("tau", net.tau());
        root.put("activation", net.activation().id());
        root.put("timeStep", net.defaultTimeStep());
        ObjectNode std = root.putObject("standardization");
        ArrayNode mean = std.putArray("mean");
        ArrayNode scale = std.putArray("scale");
        Standardization s = net.standardization();
        for (int k = 0; k < s.dimension(); k++) {
            mean.add(s.mean(k));
            scale.add(s.scale(k));
        }
        if (net instanceof RateNetwork rn && rn.inputDimension() > 0) {
            ArrayNode inputs = root.putArray("inputs");
            rn.inputNames().forEach(inputs::add);
        }
        ObjectNode training = root.putObject("training");
        trainingMetadata.forEach((key, v) -> {
            if (v instanceof Integer i) {
                training.put(key, i);
            } else if (v instanceof Long l) {
                training.put(key, l);
            } else if (v instanceof Double x) {
                // JSON has no NaN or infinities; Double.toString spells them as the strings that load() maps back.
                if (Double.isFinite(x)) {
                    training.put(key, x);
                } else {
                    training.put(key, Double.toString(x));
                }
            } else if (v instanceof Boolean b) {
                training.put(key, b);
            } else if (v instanceof List<?> list) {
                ArrayNode a = training.putArray(key);
                list.forEach(o -> a.add((Double) o));
            } else {
                training.put(key, (String) v);
            }
        });
        root.set("arrays", arrays);
        return root;
    }

    /**
     * Checks before any work is done that {@link #save} may write to {@code dir}: a new path, an empty directory or an
     * existing ddmatch model directory.
     *
     * @throws IllegalArgumentException naming the path and what is allowed otherwise
     */
    public static void checkWritable(Path dir) throws IOException {
        try {
            checkTarget(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(dir + ": " + e.getReason(), e);
        }
    }

    /**
     * @return false if {@code target} does not exist (the temporary directory will be renamed to it), true if it is an
     *         empty or ddmatch model directory whose files will be replaced
     * @throws FileAlreadyExistsException if it exists and is anything else
     */
    private static boolean checkTarget(Path target) throws IOException {
        if (target.toString().isEmpty()) {
            throw new IllegalArgumentException("the model directory is an empty path; give a directory name (-o DIR)");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String allowed = "; allowed is a new path, an empty directory or an existing ddmatch model directory";
        if (!Files.isDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "refusing to save a model here: it exists and is not a directory" + allowed);
        }
        List<String> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(target)) {
            list.map(p -> p.getFileName().toString()).sorted().forEach(entries::add);
        }
        if (entries.isEmpty()) {
            return true;
        }
        Path json = target.resolve(MODEL_JSON);
        if (!Files.isRegularFile(json)) {
            String shown = entries.size() <= 5 ? String.join(", ", entries)
                    : String.join(", ", entries.subList(0, 5)) + ", … (" + entries.size() + " entries)";
            throw new FileAlreadyExistsException(target.toString(), null,
                    "refusing to save a model here: the directory holds files that are not a ddmatch model (" + shown
                            + ")" + allowed);
        }
        if (!isModelJson(json)) {
            throw new FileAlreadyExistsException(target.toString(), null, "refusing to save a model here: its "
                    + MODEL_JSON + " is not a ddmatch model file (no \"format\": \"" + FORMAT + "\")" + allowed);
        }
        return true;
    }

    private static boolean isModelJson(Path json) {
        try {
            if (Files.size(json) > MAX_JSON_BYTES) {
                return false;
            }
            JsonNode root = MAPPER.readTree(Files.readAllBytes(json));
            return root != null && root.isObject() && FORMAT.equals(root.path("format").asText(null));
        } catch (IOException e) {
            // Unreadable or not JSON: not provably ours, so it must not be overwritten.
            return false;
        }
    }

    private static Path createTempDirectory(Path parent, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = parent.resolve("." + name + ".tmp-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                // createDirectory fails if the name exists, so concurrent savers never share a temporary directory.
                return Files.createDirectory(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList(); // children before their directory
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    // ------------------------------------------------------------------------------------------------ loading

    /**
     * Loads a model saved by {@link #save}. Everything is validated: the format tag and version, the presence and type
     * of every field (unknown fields are refused too, since they would mean the file is not what this version wrote),
     * sizes (N ≥ d ≥ 1, m ≥ 0), τ, time step and standardisation, the activation, each array's recorded file name and
     * shape, its SHA-256 checksum, the shape stored in the {@code .npy} file and the finiteness of every value.
     *
     * @param dir the model directory
     * @return the model, whose network simulates bit-identically to the saved one
     * @throws ModelFormatException naming the file, the field, the value and what is allowed
     * @throws IOException          if a file exists but cannot be read
     */
    public static SavedModel load(Path dir) throws IOException {
        Loaded l = loadAny(dir);
        if (l.network() instanceof RateNetwork net) {
            return new SavedModel(net, l.system(), l.systemParameters(), l.training());
        }
        throw new ModelFormatException(dir.resolve(MODEL_JSON) + ": the model has dense connectivity (J.npy); this"
                + " command needs a factored model (U.npy, W.npy); load dense models with loadDense");
    }

    /**
     * Loads a dense model saved by {@link #saveDense}, with the validation of {@link #load}.
     *
     * @throws ModelFormatException as {@link #load}, and if the model is factored rather than dense
     */
    public static SavedDenseModel loadDense(Path dir) throws IOException {
        Loaded l = loadAny(dir);
        if (l.network() instanceof DenseRateNetwork net) {
            return new SavedDenseModel(net, l.system(), l.systemParameters(), l.training());
        }
        throw new ModelFormatException(dir.resolve(MODEL_JSON) + ": the model has factored connectivity (W.npy);"
                + " load it with load");
    }

    /** True if the model directory {@code dir} holds a dense model (reads and validates it). */
    public static boolean isDense(Path dir) throws IOException {
        return loadAny(dir).network() instanceof DenseRateNetwork;
    }

    private record Loaded(Network network, String system, Map<String, Double> systemParameters, Map<String, Object> training) {}

    private static Loaded loadAny(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Path jsonPath = dir.resolve(MODEL_JSON);
        String src = jsonPath.toString();
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir + ": no such model directory; a model is a directory holding "
                    + MODEL_JSON + ", U.npy, W.npy, b.npy and S.npy as written by ddmatch");
        }
        if (!Files.isRegularFile(jsonPath)) {
            throw new ModelFormatException(src + ": missing; a ddmatch model directory holds " + MODEL_JSON
                    + " next to U.npy, W.npy, b.npy and S.npy");
        }
        if (Files.size(jsonPath) > MAX_JSON_BYTES) {
            throw new ModelFormatException(src + ": " + Files.size(jsonPath) + " bytes is far too large for a model file;"
                    + " allowed is at most " + MAX_JSON_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(jsonPath));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new ModelFormatException(src + where + ": not valid JSON (" + oneLine(e.getOriginalMessage())
                    + "); allowed is a JSON object as written by ddmatch", e);
        }
        try {
            return parse(dir, src, root);
        } catch (DataFormatException e) {
            throw e instanceof ModelFormatException mfe ? mfe : new ModelFormatException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // Last line of defence: every case should be caught by the checks in parse(), but the caller must never see
            // a bare NullPointerException or ClassCastException for a malformed file.
            throw new ModelFormatException(src + ": cannot be read as a ddmatch model (" + e + ")", e);
        }
    }

    private static Loaded parse(Path dir, String src, JsonNode rootNode) throws IOException {
        if (rootNode == null || rootNode.isMissingNode()) {
            throw new ModelFormatException(src + ": is empty; allowed is a JSON object as written by ddmatch");
        }
        if (!rootNode.isObject()) {
            throw new ModelFormatException(src + ": top-level value is " + describe(rootNode)
                    + "; allowed is a JSON object as written by ddmatch");
        }
        Obj root = new Obj(src, "", rootNode);
        // Format and version come first: a newer version may legitimately have other fields, and the user must be told
        // to upgrade rather than about some field this version does not know.
        String format = root.text("format");
        if (!FORMAT.equals(format)) {
            throw root.fail("format", root.node.get("format"), "allowed is \"" + FORMAT + "\" (this is not a ddmatch model)");
        }
        JsonNode versionNode = root.get("formatVersion");
        if (!versionNode.isIntegralNumber()) {
            throw root.fail("formatVersion", versionNode, "allowed is the integer " + FORMAT_VERSION);
        }
        long version = versionNode.canConvertToLong() ? versionNode.longValue() : Long.MAX_VALUE;
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException(src + ": model format version " + versionNode.asText()
                    + " is newer than this ddmatch supports (" + FORMAT_VERSION + "); upgrade ddmatch");
        }
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(src + ": model format version " + versionNode.asText()
                    + " is unknown; this ddmatch reads version " + FORMAT_VERSION);
        }
        root.text("ddmatchVersion");
        String name = root.text("name");
        String system = root.text("system");
        boolean dense = false;
        if (root.node.has("connectivity")) {
            String conn = root.text("connectivity");
            if (!DENSE.equals(conn)) {
                throw root.fail("connectivity", root.node.get("connectivity"),
                        "allowed is \"" + DENSE + "\" (factored models omit the field)");
            }
            dense = true;
        }
        List<String> arrayNames = dense ? DENSE_ARRAYS : ARRAYS;
        Map<String, Double> systemParameters = new TreeMap<>();
        Obj params = root.object("systemParameters");
        for (Iterator<String> it = params.node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            systemParameters.put(key, params.finite(key));
        }

        int n = root.integer("neurons", 1);
        int d = root.integer("latentDimension", 1);
        int m = root.integer("noiseDimension", 0);
        if (n < d) {
            throw root.fail("neurons", root.node.get("neurons"), "allowed is N ≥ latentDimension d = " + d);
        }
        // Optional: files written before state-dependent noise existed have no "noise" field and constant noise.
        boolean stateDependent = false;
        if (root.node.has("noise")) {
            String noise = root.text("noise");
            if (NOISE_STATE_DEPENDENT.equals(noise)) {
                stateDependent = true;
            } else if (!NOISE_CONSTANT.equals(noise)) {
                throw root.fail("noise", root.node.get("noise"), "allowed are \"" + NOISE_CONSTANT + "\" and \""
                        + NOISE_STATE_DEPENDENT + "\"");
            }
            if (stateDependent && m == 0) {
                throw root.fail("noise", root.node.get("noise"), "allowed is \"" + NOISE_CONSTANT
                        + "\" when noiseDimension is 0");
            }
        }
        double tau = root.positive("tau");
        String activationId = root.text("activation");
        Activation activation;
        try {
            activation = Activation.byId(activationId);
        } catch (IllegalArgumentException e) {
            throw root.fail("activation", root.node.get("activation"), "allowed are \"tanh\", \"softplus\" and \"linear\"");
        }
        double timeStep = root.positive("timeStep");
        Obj std = root.object("standardization");
        double[] mean = std.doubles("mean", d, false);
        double[] scale = std.doubles("scale", d, true);
        std.requireNoOthers();

        Map<String, Object> training = new TreeMap<>();
        Obj train = root.object("training");
        for (Iterator<String> it = train.node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            training.put(key, train.scalar(key));
        }

        Map<String, int[]> expectedShapes = Map.of("U", new int[] {n, d}, "W", new int[] {d, n}, "b", new int[] {n},
                "S", new int[] {d, m}, "J", new int[] {n, n}, NOISE_WEIGHTS, new int[] {d * m, n}, POPULATION_WEIGHTS,
                new int[] {n});
        List<String> names = new ArrayList<>(arrayNames);
        if (stateDependent) {
            if (dense) {
                throw root.fail("noise", root.node.get("noise"), "allowed is \"" + NOISE_CONSTANT + "\" for a dense model");
            }
            names.add(NOISE_WEIGHTS);
        }
        Obj arrays = root.object("arrays");
        boolean population = arrays.node.has(POPULATION_WEIGHTS);
        if (population) {
            if (dense || stateDependent) {
                throw arrays.fail(POPULATION_WEIGHTS, arrays.node.get(POPULATION_WEIGHTS),
                        "allowed only in a factored model with constant noise");
            }
            names.add(POPULATION_WEIGHTS);
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String a : names) {
            Obj entry = arrays.object(a);
            String file = entry.text("file");
            if (!file.equals(fileName(a))) {
                throw entry.fail("file", entry.node.get("file"), "allowed is \"" + fileName(a) + "\"");
            }
            JsonNode shape = entry.get("shape");
            int[] expected = expectedShapes.get(a);
            if (!shape.isArray() || shape.size() != expected.length || !matches(shape, expected)) {
                throw entry.fail("shape", shape, "allowed is " + Arrays.toString(expected) + " for N = " + n + ", d = " + d
                        + ", m = " + m + " (neurons, latentDimension, noiseDimension)");
            }
            String sha = entry.text("sha256");
            if (!SHA256_HEX.matcher(sha).matches()) {
                throw entry.fail("sha256", entry.node.get("sha256"), "allowed are 64 lowercase hexadecimal digits");
            }
            entry.requireNoOthers();
            checksums.put(a, sha);
        }
        List<String> inputNames = new java.util.ArrayList<>();
        String inputSha = null;
        if (root.node.has("inputs")) {
            JsonNode in = root.get("inputs");
            if (!in.isArray() || in.isEmpty()) {
                throw root.fail("inputs", in, "allowed is a non-empty array of input names");
            }
            for (int i = 0; i < in.size(); i++) {
                if (!in.get(i).isTextual()) {
                    throw root.fail("inputs[" + i + "]", in.get(i), "allowed is a string (an input name)");
                }
                inputNames.add(in.get(i).textValue());
            }
            Obj entry = arrays.object(INPUT_GAIN);
            if (!fileName(INPUT_GAIN).equals(entry.text("file"))) {
                throw entry.fail("file", entry.node.get("file"), "allowed is \"" + fileName(INPUT_GAIN) + "\"");
            }
            JsonNode shape = entry.get("shape");
            int[] expected = {n, inputNames.size()};
            if (!shape.isArray() || shape.size() != 2 || !matches(shape, expected)) {
                throw entry.fail("shape", shape, "allowed is " + Arrays.toString(expected) + " for N = " + n + " and "
                        + inputNames.size() + " inputs");
            }
            inputSha = entry.text("sha256");
            if (!SHA256_HEX.matcher(inputSha).matches()) {
                throw entry.fail("sha256", entry.node.get("sha256"), "allowed are 64 lowercase hexadecimal digits");
            }
            entry.requireNoOthers();
        }
        arrays.requireNoOthers();
        root.requireNoOthers();

        double[][] data = new double[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            String a = names.get(i);
            data[i] = readArray(dir.resolve(fileName(a)), checksums.get(a), expectedShapes.get(a));
        }
        try {
            Embedding embedding = new Embedding(n, d, data[0], data[2]);
            Standardization st = new Standardization(mean, scale);
            Network network;
            if (dense) {
                network = new DenseRateNetwork(name, embedding, data[1], data[3], m, tau, activation, st, timeStep);
            } else if (population && inputNames.isEmpty()) {
                network = new RateNetwork(name, embedding, data[1], data[4], data[3], null, m, tau, activation, st, timeStep,
                        new double[0], List.of(), List.of());
            } else if (inputNames.isEmpty()) {
                network = new RateNetwork(name, embedding, data[1], data[3], stateDependent ? data[4] : null, m, tau,
                        activation, st, timeStep);
            } else {
                // Loaded networks are driven by u = 0 until given schedules (RateNetwork.withSchedules).
                double[] gain = readArray(dir.resolve(fileName(INPUT_GAIN)), inputSha, new int[] {n, inputNames.size()});
                java.util.List<ddmatch.sde.input.InputSchedule> zero = new java.util.ArrayList<>();
                for (int i = 0; i < inputNames.size(); i++) zero.add(new ddmatch.sde.input.Constant(0.0));
                network = new RateNetwork(name, embedding, data[1], population ? data[4] : null, data[3],
                        stateDependent ? data[4] : null, m, tau, activation, st, timeStep, gain, inputNames, zero);
            }
            SavedModel meta = new SavedModel(PLACEHOLDER, system, systemParameters, training);
            return new Loaded(network, system, meta.systemParameters(), meta.training());
        } catch (IllegalArgumentException e) {
            // Every condition the constructors check is validated above; this only guards against them growing stricter.
            throw new ModelFormatException(src + ": the stored network is not valid: " + e.getMessage(), e);
        }
    }

    private static double[] readArray(Path file, String expectedSha, int[] expectedShape) throws IOException {
        String src = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(src + ": missing; " + MODEL_JSON + " lists it as one of the model's arrays");
        }
        byte[] bytes = Files.readAllBytes(file);
        String actualSha = sha256(bytes);
        if (!actualSha.equals(expectedSha)) {
            throw new ModelFormatException(src + ": SHA-256 mismatch — the file is corrupted or was changed after saving"
                    + " (" + MODEL_JSON + " records " + expectedSha + ", the file hashes to " + actualSha + ")");
        }
        // Parse from the bytes already hashed, so that the data checked is exactly the data used.
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        Npy.NpyArray array;
        try {
            array = Npy.read(in, src);
        } catch (DataFormatException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
        if (in.available() != 0) {
            throw new ModelFormatException(src + ": " + in.available() + " bytes after the array data; allowed is"
                    + " exactly one array per file");
        }
        if (!Arrays.equals(array.shape(), expectedShape)) {
            throw new ModelFormatException(src + ": array shape " + Arrays.toString(array.shape()) + " is not allowed;"
                    + " " + MODEL_JSON + " requires " + Arrays.toString(expectedShape));
        }
        double[] values = array.data();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new ModelFormatException(src + ": element " + i + " = " + values[i] + " is not allowed;"
                        + " network parameters must be finite");
            }
        }
        return values;
    }

    private static boolean matches(JsonNode shape, int[] expected) {
        for (int i = 0; i < expected.length; i++) {
            JsonNode s = shape.get(i);
            if (!s.isIntegralNumber() || !s.canConvertToInt() || s.intValue() != expected[i]) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String fileName(String array) {
        return array + ".npy";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static Double nonFinite(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "missing";
        }
        String kind = switch (v.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
        String text = v.toString();
        if (text.length() > MAX_VALUE_CHARS) {
            text = text.substring(0, MAX_VALUE_CHARS) + "…";
        }
        return v.isNull() ? kind : text + " (" + kind + ")";
    }

    /** A JSON object being validated: typed accessors that name the file and the dotted field path on failure. */
    private static final class Obj {
        final String src;
        final String prefix;
        final JsonNode node;
        final Set<String> known = new LinkedHashSet<>(); // in the order they are read, for messages

        Obj(String src, String prefix, JsonNode node) {
            this.src = src;
            this.prefix = prefix;
            this.node = node;
        }

        ModelFormatException fail(String field, JsonNode value, String allowed) {
            return new ModelFormatException(src + ": field \"" + prefix + field + "\" = " + describe(value)
                    + " is not allowed; " + allowed);
        }

        JsonNode get(String field) {
            known.add(field);
            JsonNode v = node.get(field);
            if (v == null) {
                throw new ModelFormatException(src + ": field \"" + prefix + field + "\" is missing; it is required in"
                        + " a ddmatch model file");
            }
            return v;
        }

        String text(String field) {
            JsonNode v = get(field);
            if (!v.isTextual()) {
                throw fail(field, v, "allowed is a string");
            }
            return v.textValue();
        }

        int integer(String field, int min) {
            JsonNode v = get(field);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min) {
                throw fail(field, v, "allowed is an integer ≥ " + min);
            }
            return v.intValue();
        }

        double finite(String field) {
            JsonNode v = get(field);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw fail(field, v, "allowed is a finite number");
            }
            return v.doubleValue();
        }

        double positive(String field) {
            JsonNode v = get(field);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || !(v.doubleValue() > 0)) {
                throw fail(field, v, "allowed is a finite number > 0");
            }
            return v.doubleValue();
        }

        double[] doubles(String field, int length, boolean positive) {
            JsonNode v = get(field);
            String allowed = "allowed is an array of " + length + " finite numbers" + (positive ? " > 0" : "")
                    + " (one per latent dimension)";
            if (!v.isArray() || v.size() != length) {
                throw fail(field, v, allowed);
            }
            double[] out = new double[length];
            for (int i = 0; i < length; i++) {
                JsonNode e = v.get(i);
                if (!e.isNumber() || !Double.isFinite(e.doubleValue()) || (positive && !(e.doubleValue() > 0))) {
                    throw fail(field + "[" + i + "]", e, allowed);
                }
                out[i] = e.doubleValue();
            }
            return out;
        }

        Object scalar(String field) {
            JsonNode v = get(field);
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                return v.intValue();
            }
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                return v.longValue();
            }
            if (v.isFloatingPointNumber() && Double.isFinite(v.doubleValue())) {
                return v.doubleValue();
            }
            if (v.isTextual()) {
                Double special = nonFinite(v.textValue());
                return special != null ? special : v.textValue();
            }
            if (v.isBoolean()) {
                return v.booleanValue();
            }
            if (v.isArray()) {
                List<Double> list = new ArrayList<>(v.size());
                for (JsonNode e : v) {
                    if (!e.isNumber() || !Double.isFinite(e.doubleValue())) {
                        throw fail(field, v, "allowed in an array are finite numbers only");
                    }
                    list.add(e.doubleValue());
                }
                return List.copyOf(list);
            }
            throw fail(field, v, "allowed are strings, booleans, 64-bit integers, finite numbers and arrays of finite numbers");
        }

        Obj object(String field) {
            JsonNode v = get(field);
            if (!v.isObject()) {
                throw fail(field, v, "allowed is a JSON object");
            }
            return new Obj(src, prefix + field + ".", v);
        }

        void requireNoOthers() {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    throw new ModelFormatException(src + ": unknown field \"" + prefix + f + "\"; allowed here are "
                            + known + " (a file written by this format version has no other fields)");
                }
            }
        }
    }
}
