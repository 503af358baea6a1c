package ddmatch.scenario;

import java.util.Objects;

/**
 * A scientific claim of a scenario checked against its numbers: {@code value ∈ [lower, upper]}.
 *
 * @param statement what is claimed, in words
 * @param value     the measured value
 * @param lower     lower bound (may be −∞)
 * @param upper     upper bound (may be +∞)
 * @param basis     where the bounds come from (analytic value, target simulation, noise floor, ...)
 */
public record Claim(String statement, double value, double lower, double upper, String basis) {
    public Claim {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(basis, "basis");
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("claim '" + statement + "': lower = " + lower + " must be ≤ upper = " + upper);
        }
    }

    /** Whether the value lies in the bounds (NaN never does). */
    public boolean holds() {
        return value >= lower && value <= upper;
    }

    /** {@code |value − reference| ≤ tolerance·|reference|}. */
    public static Claim relative(String statement, double value, double reference, double tolerance, String basis) {
        double w = tolerance * Math.abs(reference);
        return new Claim(statement, value, reference - w, reference + w, basis);
    }

    /** {@code value ≤ upper}. */
    public static Claim atMost(String statement, double value, double upper, String basis) {
        return new Claim(statement, value, Double.NEGATIVE_INFINITY, upper, basis);
    }

    /** {@code value ≥ lower}. */
    public static Claim atLeast(String statement, double value, double lower, String basis) {
        return new Claim(statement, value, lower, Double.POSITIVE_INFINITY, basis);
    }
}
