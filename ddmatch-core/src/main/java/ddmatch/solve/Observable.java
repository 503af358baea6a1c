package ddmatch.solve;

/**
 * What to record of a state: the state itself ({@link #identity}) or a map of it, e.g. the d-dimensional readout of
 * an N-dimensional network, so that long runs of large systems keep only what is analysed.
 */
public interface Observable {

    /** Length of the recorded vector. */
    int dimension();

    /** Writes the recorded vector for state {@code x} into {@code out}; must not allocate. */
    void observe(double[] x, double[] out);

    /**
     * Length of the state vector this observable reads, so an integrator can refuse a mismatch before the run; −1 (the
     * default) when it reads any length.
     */
    default int stateDimension() {
        return -1;
    }

    /** Records the whole state of a {@code d}-dimensional system. */
    static Observable identity(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("Observable.identity(" + d + "): the dimension must be ≥ 1");
        }
        return new Observable() {
            @Override public int dimension() { return d; }

            @Override public int stateDimension() { return d; }

            @Override public void observe(double[] x, double[] out) { System.arraycopy(x, 0, out, 0, d); }
        };
    }
}
