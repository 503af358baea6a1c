package ddmatch.sde;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * What the catalog knows about a system beyond its parameters: the equations as text, the citation, the name of its
 * noise-amplitude parameter, reference Lyapunov values (chaotic flows) and, when the divergence of the drift is the
 * same everywhere, its value as a function of the parameters.
 *
 * @param equations      the equations, one line each, for {@code ddmatch systems NAME}
 * @param citation       the original paper(s)
 * @param noiseParameter the parameter that sets the noise amplitude
 * @param lyapunov       reference Lyapunov values, or null for a non-chaotic system
 * @param divergence     {@code p ↦ tr ∂f/∂z} for a complete parameter map when that trace is constant, else null
 * @param note           remarks (e.g. why the default time step differs from dysts'), may be empty
 */
public record SystemInfo(String equations, String citation, String noiseParameter, LyapunovReference lyapunov,
                         ToDoubleFunction<Map<String, Double>> divergence, String note) {
    public SystemInfo {
        Objects.requireNonNull(equations, "equations");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(noiseParameter, "noiseParameter");
        Objects.requireNonNull(note, "note");
    }

    /** The same information with {@code text} added to the note. */
    public SystemInfo withNote(String text) {
        return new SystemInfo(equations, citation, noiseParameter, lyapunov, divergence, note.isEmpty() ? text : note + "; " + text);
    }

    /** The same information with another Lyapunov reference. */
    public SystemInfo withLyapunov(LyapunovReference reference) {
        return new SystemInfo(equations, citation, noiseParameter, reference, divergence, note);
    }

    /** Nothing known (for entries registered without metadata). */
    public static SystemInfo none() {
        return new SystemInfo("", "", "", null, null, "");
    }

    public Optional<LyapunovReference> lyapunovReference() { return Optional.ofNullable(lyapunov); }

    /**
     * The constant divergence at the given complete parameters, or empty if the divergence varies with the state: for
     * every parameter value when no divergence function is given, for these values when it returns NaN.
     */
    public OptionalDouble constantDivergence(Map<String, Double> parameters) {
        if (divergence == null) {
            return OptionalDouble.empty();
        }
        double v = divergence.applyAsDouble(parameters);
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
