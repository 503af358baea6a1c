package ddmatch.cli;

/**
 * The range checks that many numeric options share, so that each is written once and every command words the refusal
 * the same way: one line naming the option, the value given and what is allowed. The exception is an
 * {@link IllegalArgumentException}, which {@link Failures} turns into exit code {@link ExitCodes#USAGE}; commands run
 * these checks before they write anything. NaN fails every check (a comparison with NaN is false), and so do ±∞.
 */
final class OptionChecks {
    private OptionChecks() {}

    /**
     * Rejects a value that is not finite and &gt; 0.
     *
     * @param option the option as the user types it, e.g. {@code --time}
     * @param value  the value given
     * @throws IllegalArgumentException "{@code --time = -1.0 is not allowed; it must be finite and > 0}"
     */
    static void finitePositive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " = " + value + " is not allowed; it must be finite and > 0");
        }
    }

    /**
     * Rejects a value that is not finite and ≥ 0.
     *
     * @param option the option as the user types it, e.g. {@code --mean-gain}
     * @param value  the value given
     * @throws IllegalArgumentException "{@code --mean-gain = -1.0 is not allowed; it must be finite and ≥ 0}"
     */
    static void finiteNonNegative(String option, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " = " + value + " is not allowed; it must be finite and ≥ 0");
        }
    }
}
