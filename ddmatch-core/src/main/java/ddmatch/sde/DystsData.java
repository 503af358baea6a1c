package ddmatch.sde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dysts metadata of the chaotic flows (W. Gilpin, "Chaos as an interpretable benchmark for forecasting and
 * data-driven modelling", NeurIPS Datasets and Benchmarks 2021; Apache-2.0), read once from the classpath resource
 * {@code ddmatch/sde/dysts/chaotic_attractors.json} that ships with ddmatch (see {@code NOTICE.md} beside it).
 */
final class DystsData {
    static final String RESOURCE = "/ddmatch/sde/dysts/chaotic_attractors.json";

    /**
     * One flow's record.
     *
     * @param key                the dysts class name, e.g. {@code Lorenz}
     * @param parameters         scalar parameters in the file's order; arrays flattened to named entries (θ → θ1, θ2, …;
     *                           w → w11, w12, …)
     * @param initialConditions  a state on the attractor
     * @param dt                 dysts' sampling time step
     * @param period             dysts' characteristic period
     * @param lyapunovSpectrum   dysts' estimated spectrum (may be empty)
     * @param maximumLyapunov    dysts' separately estimated largest exponent
     */
    record Flow(String key, Map<String, Double> parameters, double[] initialConditions, double dt, double period,
                double[] lyapunovSpectrum, double maximumLyapunov, String description, String citation) {}

    private DystsData() {}

    private static final class Holder {
        static final JsonNode ROOT = load();
    }

    private static JsonNode load() {
        try (InputStream in = DystsData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing from the ddmatch jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Every flow key of the shipped dysts file, in its order. */
    static java.util.List<String> keys() {
        java.util.List<String> out = new java.util.ArrayList<>();
        Holder.ROOT.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The record of dysts flow {@code key}; throws if the file has none (a packaging error, not a user error). */
    static Flow flow(String key) {
        JsonNode n = Holder.ROOT.get(key);
        if (n == null) {
            throw new IllegalStateException("dysts data has no flow '" + key + "'");
        }
        Map<String, Double> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.get("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                params.put(e.getKey(), v.doubleValue());
            } else if (v.isArray()) {
                // A vector θ becomes θ1, θ2, …; a matrix w becomes w11, w12, … (1-based row, column): every entry stays
                // a named scalar the user can override like any other parameter.
                for (int i = 0; i < v.size(); i++) {
                    JsonNode row = v.get(i);
                    if (row.isNumber()) {
                        params.put(e.getKey() + (i + 1), row.doubleValue());
                    } else if (row.isArray()) {
                        for (int j = 0; j < row.size(); j++) {
                            if (row.get(j).isNumber()) {
                                params.put(e.getKey() + (i + 1) + (j + 1), row.get(j).doubleValue());
                            }
                        }
                    }
                }
            }
        }
        return new Flow(key, params, doubles(n.get("initial_conditions")), n.get("dt").doubleValue(),
                n.get("period").doubleValue(), doubles(n.get("lyapunov_spectrum_estimated")),
                n.get("maximum_lyapunov_estimated").doubleValue(), n.get("description").asText(), pageRanges(n.get("citation").asText()));
    }

    private static double[] doubles(JsonNode array) {
        if (array == null || !array.isArray()) {
            return new double[0];
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }

    /**
     * Two citations of the dysts metadata lost the backslash of an en dash's escape, so "397–398" reads "3972013398"
     * (Rössler 1976, Beer 1995): a page range written as digits, "2013", digits, right after "): " or "), ", is mended.
     */
    static String pageRanges(String citation) {
        return citation.replaceAll("(\\): |\\), )(\\d{1,4})2013(\\d{1,4})\\b", "$1$2–$3");
    }
}
