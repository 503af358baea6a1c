package ddmatch.sde;

/** Validation of system parameters, with messages that name the system, the parameter, the value and what is allowed. */
final class Parameters {
    private Parameters() {}

    static void requireFinite(String system, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(system + ": parameter '" + name + "' = " + value + " is not allowed; it must be a finite number");
        }
    }

    static void requireNonNegative(String system, String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(system + ": parameter '" + name + "' = " + value + " is not allowed; it must be finite and ≥ 0");
        }
    }

    static void requirePositive(String system, String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(system + ": parameter '" + name + "' = " + value + " is not allowed; it must be finite and > 0");
        }
    }
}
