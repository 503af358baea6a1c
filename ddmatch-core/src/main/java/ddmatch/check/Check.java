package ddmatch.check;

/**
 * One measured property of a trained network against its reference.
 *
 * @param quantity  what is measured, e.g. {@code λmax}
 * @param network   the value measured on the full network
 * @param reference the value it is compared with
 * @param source    where the reference comes from, e.g. {@code Wolf et al. 1985} or {@code target noise floor}
 * @param criterion the tolerance in words, e.g. {@code ±5%}
 * @param pass      whether the criterion holds
 */
public record Check(String quantity, double network, double reference, String source, String criterion, boolean pass) {

    /** |network − reference| ≤ tol·|reference|. */
    public static Check relative(String quantity, double network, double reference, String source, double tol) {
        boolean ok = Math.abs(network - reference) <= tol * Math.abs(reference);
        return new Check(quantity, network, reference, source, String.format("±%.0f%%", 100 * tol), ok);
    }

    /** network ≤ factor·reference. */
    public static Check atMost(String quantity, double network, double reference, String source, double factor) {
        boolean ok = network <= factor * reference;
        return new Check(quantity, network, reference, source, factor == 1.0 ? "≤ ref" : String.format("≤ %.3g×ref", factor).replace(".00×", "×"), ok);
    }

    /** |network − reference| ≤ tol. */
    public static Check absolute(String quantity, double network, double reference, String source, double tol) {
        boolean ok = Math.abs(network - reference) <= tol;
        return new Check(quantity, network, reference, source, String.format("±%.2g", tol), ok);
    }
}
