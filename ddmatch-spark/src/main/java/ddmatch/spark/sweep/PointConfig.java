package ddmatch.spark.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ddmatch.check.ModelAnalysis;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.SamplingConfig;
import ddmatch.rnn.Activation;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One grid point of a sweep: everything that determines its model and its numbers. Its {@link #id()} is a hash of
 * {@link #canonicalJson()}, so the same configuration gets the same directory in every run of every sweep.
 *
 * @param system       catalog system name
 * @param neurons      network size N (≥ the system's dimension)
 * @param seed         seed of the embedding and the training samples
 * @param lambda       fixed ridge λ ≥ 0, or NaN for generalised cross-validation
 * @param parameters   system parameter overrides, by name (may be empty)
 * @param tau          neural time constant τ, system time units (&gt; 0)
 * @param tonicStd     std σ_b of the tonic input (≥ 0)
 * @param samples      training points M (≥ 1)
 * @param jitter       jitter of the samples, standardised units (≥ 0)
 * @param boxFraction  fraction of samples uniform in the bounding box, in [0, 1]
 * @param activation   φ
 * @param sampler      how training points are drawn
 * @param analysisTime simulated time of the analysis runs, system time units (&gt; 0)
 * @param analysisSeed seed of the analysis runs
 * @param exponents    Lyapunov exponents of the network to compute (≥ 1; used by the lyapunov metric)
 * @param wells        wells for metastability (0 or ≥ 2)
 * @param metrics      metric groups of {@link ModelAnalysis}, in enum order
 */
public record PointConfig(String system, int neurons, long seed, double lambda, TreeMap<String, Double> parameters,
                          double tau, double tonicStd, int samples, double jitter, double boxFraction, Activation activation,
                          SamplingConfig.Kind sampler, double analysisTime, long analysisSeed, int exponents, int wells,
                          List<ModelAnalysis.Metric> metrics) implements Serializable {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public PointConfig {
        parameters = new TreeMap<>(parameters);
        metrics = List.copyOf(metrics.isEmpty() ? List.of() : EnumSet.copyOf(metrics));
        // The core records validate the rest; building them here rejects a bad point before any Spark work.
        trainingConfig(system, neurons, seed, lambda, tau, tonicStd, samples, jitter, boxFraction, activation, sampler);
        plan(analysisTime, analysisSeed, exponents, wells, metrics);
    }

    private static ModelAnalysis.Plan plan(double time, long seed, int exponents, int wells, List<ModelAnalysis.Metric> metrics) {
        return new ModelAnalysis.Plan(time, seed, exponents, wells,
                metrics.isEmpty() ? EnumSet.noneOf(ModelAnalysis.Metric.class) : EnumSet.copyOf(metrics));
    }

    private static MatchConfig trainingConfig(String system, int neurons, long seed, double lambda, double tau, double tonicStd,
                                              int samples, double jitter, double boxFraction, Activation activation,
                                              SamplingConfig.Kind sampler) {
        if (system == null || system.isBlank()) {
            throw new IllegalArgumentException("system = '" + system + "' is not allowed; give a catalog system name");
        }
        SamplingConfig sampling = new SamplingConfig(samples, 0.1, 20.0, jitter, boxFraction, sampler);
        return new MatchConfig(neurons, tau, activation, tonicStd, sampling, lambda, seed);
    }

    /** The trainer configuration of this point (what {@code ddmatch train} builds from the same options). */
    public MatchConfig trainingConfig() {
        return trainingConfig(system, neurons, seed, lambda, tau, tonicStd, samples, jitter, boxFraction, activation, sampler);
    }

    /** The analysis plan of this point (what {@code ddmatch analyze} runs). */
    public ModelAnalysis.Plan analysisPlan() {
        return plan(analysisTime, analysisSeed, exponents, wells, metrics);
    }

    /**
     * The configuration as JSON with keys in sorted order at every level; doubles as Java prints them (shortest
     * representation that reads back exactly), so equal configurations give equal text.
     */
    public String canonicalJson() {
        Map<String, Object> m = new TreeMap<>();
        m.put("system", system);
        m.put("neurons", neurons);
        m.put("seed", seed);
        m.put("lambda", Double.isNaN(lambda) ? "gcv" : (Object) lambda);
        m.put("parameters", parameters);
        Map<String, Object> train = new TreeMap<>();
        train.put("tau", tau);
        train.put("tonic-std", tonicStd);
        train.put("samples", samples);
        train.put("jitter", jitter);
        train.put("box-fraction", boxFraction);
        train.put("activation", activation.name().toLowerCase(Locale.ROOT));
        train.put("sampler", sampler.name().toLowerCase(Locale.ROOT));
        m.put("train", train);
        Map<String, Object> analysis = new TreeMap<>();
        analysis.put("time", analysisTime);
        analysis.put("seed", analysisSeed);
        analysis.put("exponents", exponents);
        analysis.put("wells", wells);
        List<String> ids = new ArrayList<>();
        for (ModelAnalysis.Metric x : metrics) ids.add(x.id());
        analysis.put("metrics", ids);
        m.put("analysis", analysis);
        try {
            return CANONICAL.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a point configuration as JSON", e);
        }
    }

    /** First 16 hex digits of the SHA-256 of {@link #canonicalJson()}: the point's directory name and table key. */
    public String id() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
