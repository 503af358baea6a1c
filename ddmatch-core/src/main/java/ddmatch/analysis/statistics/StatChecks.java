package ddmatch.analysis.statistics;

/** Input validation for this package; messages name the parameter, its value and what is allowed. */
final class StatChecks {
    private StatChecks() {}

    /** Checks a finite row-major array of rows of length d with at least minRows rows; returns the row count. */
    static int rows(String name, double[] data, int d, int minRows) {
        if (d < 1) {
            throw new IllegalArgumentException("parameter 'd' = " + d + " is not allowed; it must be ≥ 1");
        }
        if (data == null) {
            throw new IllegalArgumentException("parameter '" + name + "' = null is not allowed; it must be an array");
        }
        if (data.length % d != 0) {
            throw new IllegalArgumentException("parameter '" + name + "' has length " + data.length
                    + ", which is not allowed; it must be a multiple of the dimension d = " + d);
        }
        int n = data.length / d;
        if (n < minRows) {
            throw new IllegalArgumentException("parameter '" + name + "' has " + n + " rows, which is not allowed; at least "
                    + minRows + " are required");
        }
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("parameter '" + name + "' has " + data[i] + " at index " + i
                        + ", which is not allowed; all values must be finite");
            }
        }
        return n;
    }

    static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("parameter '" + name + "' = " + value + " is not allowed; it must be ≥ " + min);
        }
    }
}
