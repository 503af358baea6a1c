package ddmatch.analysis.metastability;

/** Input validation for this package; messages name the parameter, its value and what is allowed. */
final class MetaChecks {
    private MetaChecks() {}

    static int rows(String name, double[] data, int d, int minRows) {
        if (d < 1) {
            throw new IllegalArgumentException("parameter 'd' = " + d + " is not allowed; it must be ≥ 1");
        }
        if (data == null || data.length % d != 0 || data.length / d < minRows) {
            throw new IllegalArgumentException("parameter '" + name + "' has length " + (data == null ? "null" : data.length)
                    + ", which is not allowed; it must hold at least " + minRows + " rows of d = " + d + " values");
        }
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("parameter '" + name + "' has " + data[i] + " at index " + i
                        + ", which is not allowed; all values must be finite");
            }
        }
        return data.length / d;
    }
}
