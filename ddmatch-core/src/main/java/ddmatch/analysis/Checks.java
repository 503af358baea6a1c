package ddmatch.analysis;

/**
 * Input validation shared by the metrics. Every message names the parameter, the offending value and what is allowed,
 * so that a caller several layers up can tell which argument was wrong.
 */
final class Checks {
    private Checks() {}

    static void dimension(String name, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("parameter '" + name + "' = " + d + " is not allowed; it must be ≥ 1");
        }
    }

    static void positive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0.0) {
            throw new IllegalArgumentException("parameter '" + name + "' = " + value
                    + " is not allowed; it must be finite and > 0");
        }
    }

    static void nonNegative(String name, double value) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new IllegalArgumentException("parameter '" + name + "' = " + value
                    + " is not allowed; it must be finite and ≥ 0");
        }
    }

    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' = " + value
                    + " is not allowed; it must be a finite number");
        }
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("parameter '" + name + "' = null is not allowed; it must be an array");
        }
    }

    /**
     * Checks that {@code data} is a non-null, finite, row-major array of rows of length {@code d} with at least
     * {@code minRows} rows, and returns the number of rows.
     */
    static int rows(String name, double[] data, int d, int minRows) {
        notNull(name, data);
        if (data.length % d != 0) {
            throw new IllegalArgumentException("parameter '" + name + "' has length " + data.length
                    + ", which is not allowed; it must be a multiple of the dimension d = " + d);
        }
        int n = data.length / d;
        if (n < minRows) {
            throw new IllegalArgumentException("parameter '" + name + "' has " + n + " samples (rows of d = " + d
                    + "), which is not allowed; at least " + minRows + " are required");
        }
        allFinite(name, data);
        return n;
    }

    /** Checks that {@code m} is a finite {@code d × d} row-major matrix. */
    static void square(String name, double[] m, int d) {
        notNull(name, m);
        if (m.length != d * d) {
            throw new IllegalArgumentException("parameter '" + name + "' has length " + m.length
                    + ", which is not allowed; a " + d + " × " + d + " matrix (row-major) has length " + (d * d));
        }
        allFinite(name, m);
    }

    static void allFinite(String name, double[] data) {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("parameter '" + name + "' has " + data[i] + " at index " + i
                        + ", which is not allowed; all values must be finite");
            }
        }
    }
}
