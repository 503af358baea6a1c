package ddmatch.sde;

import java.util.Objects;

/**
 * Reference values of a chaotic flow's Lyapunov exponents (1/time units of the system), with their source.
 *
 * @param maxExponent     the reference largest exponent λ_max
 * @param source          where {@code maxExponent} comes from (a paper, or "dysts estimate")
 * @param spectrum        a reference spectrum, largest first (may be empty)
 * @param spectrumSource  where {@code spectrum} comes from
 * @param measured        ddmatch's own converged λ_max where it disagrees with an estimate-only reference, else NaN
 * @param note            how {@code measured} was obtained and why it differs (empty if {@code measured} is NaN)
 */
public record LyapunovReference(double maxExponent, String source, double[] spectrum, String spectrumSource,
                                double measured, String note) {
    public LyapunovReference {
        if (!Double.isFinite(maxExponent)) {
            throw new IllegalArgumentException("maxExponent = " + maxExponent + " is not allowed; it must be finite");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(spectrumSource, "spectrumSource");
        Objects.requireNonNull(note, "note");
        spectrum = spectrum == null ? new double[0] : spectrum.clone();
    }

    /** The values, the spectrum's entries included (a record would print the array's identity). */
    @Override
    public String toString() {
        return "LyapunovReference[maxExponent=" + maxExponent + ", source=" + source + ", spectrum="
                + java.util.Arrays.toString(spectrum) + ", spectrumSource=" + spectrumSource + ", measured=" + measured
                + ", note=" + note + "]";
    }

    /** A reference without a measured override. */
    public LyapunovReference(double maxExponent, String source, double[] spectrum, String spectrumSource) {
        this(maxExponent, source, spectrum, spectrumSource, Double.NaN, "");
    }

    /** The same reference with ddmatch's measured value and a note on the discrepancy. */
    public LyapunovReference withMeasured(double value, String why) {
        return new LyapunovReference(maxExponent, source, spectrum, spectrumSource, value, why);
    }

    /** Whether ddmatch's value replaces the reference for testing (the reference is a disagreeing estimate). */
    public boolean hasMeasured() { return !Double.isNaN(measured); }

    /** The value tests hold ddmatch to: {@link #measured} if present, else {@link #maxExponent}. */
    public double expected() { return hasMeasured() ? measured : maxExponent; }

    @Override public double[] spectrum() { return spectrum.clone(); }
}
