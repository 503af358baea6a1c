package ddmatch.sde.input;

import java.util.Arrays;

/**
 * Linear interpolation between points {@code (t_k, v_k)} with strictly increasing times, held constant before the
 * first and after the last point. A table measured at sample times (e.g. a stimulus recorded in a CSV file) is the
 * same object with many points; the segment is found by binary search, so evaluation costs {@code O(log n)} and
 * allocates nothing.
 */
public final class PiecewiseLinear implements InputSchedule {
    private final double[] times;
    private final double[] values;

    /**
     * @param times  the times {@code t_k}, finite and strictly increasing, at least one (copied)
     * @param values the values {@code v_k}, finite, one per time (copied)
     */
    public PiecewiseLinear(double[] times, double[] values) {
        if (times.length == 0 || times.length != values.length) {
            throw new IllegalArgumentException("piecewise-linear input: " + times.length + " times and " + values.length
                    + " values are not allowed; give at least one point and as many values as times");
        }
        for (int k = 0; k < times.length; k++) {
            Checks.requireFinite("piecewise-linear input", "time[" + k + "]", times[k]);
            Checks.requireFinite("piecewise-linear input", "value[" + k + "]", values[k]);
            if (k > 0 && !(times[k] > times[k - 1])) {
                throw new IllegalArgumentException("piecewise-linear input: time[" + k + "] = " + times[k]
                        + " is not allowed after time[" + (k - 1) + "] = " + times[k - 1] + "; times must increase strictly");
            }
        }
        this.times = times.clone();
        this.values = values.clone();
    }

    /** Number of points. */
    public int size() {
        return times.length;
    }

    /** A copy of the times. */
    public double[] times() {
        return times.clone();
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public double value(double t) {
        int n = times.length;
        if (!(t > times[0])) {
            return t == t ? values[0] : Double.NaN;
        }
        if (t >= times[n - 1]) {
            return values[n - 1];
        }
        int k = Arrays.binarySearch(times, t);
        if (k >= 0) {
            return values[k];
        }
        int hi = -k - 1; // first time > t; 1 ≤ hi ≤ n − 1 here
        int lo = hi - 1;
        double w = (t - times[lo]) / (times[hi] - times[lo]);
        return values[lo] + w * (values[hi] - values[lo]);
    }

    @Override
    public boolean isConstant() {
        return times.length == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PiecewiseLinear p && Arrays.equals(times, p.times) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PiecewiseLinear[" + times.length + " points from t = " + times[0] + " to " + times[times.length - 1] + "]";
    }
}
