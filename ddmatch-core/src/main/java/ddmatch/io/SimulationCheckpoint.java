package ddmatch.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ddmatch.solve.StandardNormal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything a long {@code simulate} run needs to continue bit-identically after an interruption: the run's settings,
 * the step reached, the full network state there, the noise stream's position, and the partial trajectory file (with
 * the rows and bytes it held when the checkpoint was taken).
 *
 * <p>Stored as JSON (format {@code ddmatch-checkpoint}, version 1), written atomically with {@link AtomicFiles}. Doubles
 * that must survive exactly — the state, the time step, the pending normal variate — are stored as Java hexadecimal
 * floating-point literals ({@link Double#toHexString}), which round-trip every bit. The model is identified by the
 * SHA-256 of its {@code model.json} (which itself holds the checksums of the arrays), so a resume against a changed
 * model is refused.
 *
 * @param model       the model directory (absolute)
 * @param modelSha256 SHA-256 of the model's {@code model.json}, 64 lowercase hex digits
 * @param output      the trajectory file the finished run writes (absolute)
 * @param partial     the partial trajectory file (absolute)
 * @param dt          time step (&gt; 0)
 * @param steps       total steps of the run (≥ 1)
 * @param every       record every k-th step (≥ 1)
 * @param seed        the noise seed
 * @param maxNorm     the divergence bound of the run (&gt; 0)
 * @param step        steps taken (0 ≤ step ≤ steps)
 * @param rows        rows in the partial file at the checkpoint
 * @param bytes       bytes of the partial file at the checkpoint
 * @param noise       the noise stream's position after {@code step} steps
 * @param state       the network state after {@code step} steps
 * @param checkpointEvery wall-clock seconds between checkpoints ({@code --checkpoint-every}), so that a resumed run
 *                    keeps the period it was started with; NaN in checkpoints of earlier versions, which lack it
 * @param readoutBound the run's bound on the readout's distance from the training mean, in standard deviations, so
 *                    that a resumed run stops where the original would; NaN (no such check) for earlier versions
 */
public record SimulationCheckpoint(Path model, String modelSha256, Path output, Path partial, double dt, long steps,
                                   int every, long seed, double maxNorm, long step, long rows, long bytes,
                                   StandardNormal.State noise, double[] state,
                                   double checkpointEvery, double readoutBound) {
    /** The {@code format} field. */
    public static final String FORMAT = "ddmatch-checkpoint";
    /** The version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public SimulationCheckpoint {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("checkpoint dt = " + dt + " is not allowed; it must be finite and > 0");
        }
        if (steps < 1 || every < 1 || step < 0 || step > steps) {
            throw new IllegalArgumentException("checkpoint steps = " + steps + ", every = " + every + ", step = " + step
                    + " are not allowed; need steps ≥ 1, every ≥ 1 and 0 ≤ step ≤ steps");
        }
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("checkpoint rows = " + rows + ", bytes = " + bytes + " must be ≥ 0");
        }
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("checkpoint maxNorm = " + maxNorm + " is not allowed; it must be > 0");
        }
        if (modelSha256 == null || !modelSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("checkpoint modelSha256 = " + modelSha256 + " is not allowed; it must be 64"
                    + " lowercase hexadecimal digits");
        }
        if (!Double.isNaN(checkpointEvery) && !(checkpointEvery > 0 && Double.isFinite(checkpointEvery))) {
            throw new IllegalArgumentException("checkpoint checkpointEvery = " + checkpointEvery + " is not allowed; it"
                    + " must be finite and > 0");
        }
        state = state.clone();
    }

    @Override
    public double[] state() {
        return state.clone();
    }

    /** SHA-256 of {@code dir/model.json}, as stored in {@link #modelSha256()}. */
    public static String modelChecksum(Path dir) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(dir.resolve(ModelFiles.MODEL_JSON))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Writes this checkpoint to {@code file} atomically. */
    public void write(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("model", model.toString());
        root.put("modelSha256", modelSha256);
        root.put("output", output.toString());
        root.put("partial", partial.toString());
        root.put("dt", Double.toHexString(dt));
        root.put("steps", steps);
        root.put("every", every);
        root.put("seed", seed);
        root.put("maxNorm", Double.toHexString(maxNorm));
        root.put("step", step);
        root.put("rows", rows);
        root.put("bytes", bytes);
        root.put("noiseCounter", noise.counter());
        root.put("noiseHasSpare", noise.hasSpare());
        root.put("noiseSpare", Double.toHexString(noise.spare()));
        if (!Double.isNaN(checkpointEvery)) {
            root.put("checkpointEvery", checkpointEvery);
        }
        if (!Double.isNaN(readoutBound)) {
            root.put("readoutBound", Double.toHexString(readoutBound));
        }
        ArrayNode x = root.putArray("state");
        for (double v : state) {
            x.add(Double.toHexString(v));
        }
        byte[] bytesOut = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytesOut));
    }

    /**
     * Reads a checkpoint written by {@link #write(Path)}.
     *
     * @throws DataFormatException naming the file and field when it is not a valid checkpoint
     * @throws IOException         if it cannot be read
     */
    public static SimulationCheckpoint read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("checkpoint file '" + file + "' does not exist or is not a regular file;"
                    + " give the file written by 'ddmatch simulate --checkpoint'");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DataFormatException("'" + file + "' is not a ddmatch checkpoint: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new DataFormatException("'" + file + "' is not a ddmatch checkpoint (format must be \"" + FORMAT + "\")");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new DataFormatException("checkpoint '" + file + "' has formatVersion " + root.path("formatVersion")
                    + "; this ddmatch reads version " + FORMAT_VERSION);
        }
        try {
            JsonNode xs = field(file, root, "state");
            if (!xs.isArray()) {
                throw new DataFormatException("checkpoint '" + file + "': field 'state' must be an array of numbers");
            }
            double[] x = new double[xs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = Double.parseDouble(xs.get(i).asText());
            }
            return new SimulationCheckpoint(Path.of(text(file, root, "model")), text(file, root, "modelSha256"),
                    Path.of(text(file, root, "output")), Path.of(text(file, root, "partial")),
                    Double.parseDouble(text(file, root, "dt")), field(file, root, "steps").asLong(),
                    field(file, root, "every").asInt(), field(file, root, "seed").asLong(),
                    Double.parseDouble(text(file, root, "maxNorm")), field(file, root, "step").asLong(),
                    field(file, root, "rows").asLong(), field(file, root, "bytes").asLong(),
                    new StandardNormal.State(field(file, root, "noiseCounter").asLong(),
                            field(file, root, "noiseHasSpare").asBoolean(), Double.parseDouble(text(file, root, "noiseSpare"))),
                    x, root.has("checkpointEvery") ? field(file, root, "checkpointEvery").asDouble(Double.NaN) : Double.NaN,
                    root.has("readoutBound") ? Double.parseDouble(text(file, root, "readoutBound")) : Double.NaN);
        } catch (NumberFormatException e) {
            throw new DataFormatException("checkpoint '" + file + "' holds a malformed number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e instanceof DataFormatException) throw e;
            throw new DataFormatException("checkpoint '" + file + "' is inconsistent: " + e.getMessage());
        }
    }

    private static JsonNode field(Path file, JsonNode root, String name) throws DataFormatException {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            throw new DataFormatException("checkpoint '" + file + "' lacks the field '" + name + "'");
        }
        return n;
    }

    private static String text(Path file, JsonNode root, String name) throws DataFormatException {
        return field(file, root, name).asText();
    }
}
