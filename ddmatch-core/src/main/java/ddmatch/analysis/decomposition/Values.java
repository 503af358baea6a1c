package ddmatch.analysis.decomposition;

/** Validation shared by the records of this package; messages name the field, the value and what is allowed. */
final class Values {
    private Values() {}

    static void nonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + " is not allowed; it must be finite and ≥ 0");
        }
    }

    static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + " is not allowed; it must be finite and > 0");
        }
    }

    static void inUnit(String name, double v) {
        if (!(v >= 0 && v <= 1 + 1e-12)) {
            throw new IllegalArgumentException(name + " = " + v + " is not allowed; it must be in [0, 1]");
        }
    }

    static void length(String name, double[] a, int expected) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(name + " has " + (a == null ? "no" : String.valueOf(a.length))
                    + " entries; expected " + expected);
        }
    }

    static void finite(String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + a[i] + " is not allowed; it must be finite");
            }
        }
    }
}
