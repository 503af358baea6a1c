package ddmatch.solve;

/**
 * A recorded run: {@code rows} samples of a {@code dimension}-vector at equally spaced times
 * {@code t0, t0 + interval, …}, stored row-major in {@code values}.
 *
 * @param t0        time of the first row
 * @param interval  time between rows (&gt; 0)
 * @param dimension length of each row (≥ 1)
 * @param values    row-major samples, length a multiple of {@code dimension}
 */
public record Trajectory(double t0, double interval, int dimension, double[] values) {
    public Trajectory {
        if (dimension < 1) {
            throw new IllegalArgumentException("Trajectory.dimension = " + dimension + " is not allowed; it must be ≥ 1");
        }
        if (!(interval > 0) || !Double.isFinite(interval)) {
            throw new IllegalArgumentException("Trajectory.interval = " + interval + " is not allowed; it must be finite and > 0");
        }
        if (values.length % dimension != 0) {
            throw new IllegalArgumentException("Trajectory.values has length " + values.length
                    + ", which is not a multiple of the dimension " + dimension);
        }
    }

    public int rows() {
        return values.length / dimension;
    }

    public double time(int row) {
        return t0 + row * interval;
    }

    /** The value of {@code component} (in [0, dimension)) at {@code row} (in [0, rows)). */
    public double get(int row, int component) {
        requireComponent(component);
        if (row < 0 || row >= rows()) {
            throw new IndexOutOfBoundsException("row = " + row + " is not in [0, " + rows() + ")");
        }
        return values[row * dimension + component];
    }

    private void requireComponent(int c) {
        if (c < 0 || c >= dimension) {
            throw new IndexOutOfBoundsException("component = " + c + " is not in [0, " + dimension + ")");
        }
    }

    /** Component {@code c} (in [0, dimension)) as a new array. */
    public double[] component(int c) {
        requireComponent(c);
        double[] out = new double[rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = values[r * dimension + c];
        }
        return out;
    }

    /** Rows {@code from..to} (exclusive) as a new trajectory. */
    public Trajectory slice(int from, int to) {
        double[] v = java.util.Arrays.copyOfRange(values, from * dimension, to * dimension);
        return new Trajectory(time(from), interval, dimension, v);
    }
}
