package ddmatch.solve;

/**
 * A source of Brownian increments {@code W(t1) − W(t0)} for an m-dimensional Wiener process, consumed by a stepper
 * once per step in increasing time order. Implementations are seeded: the same seed replays the same path.
 */
public interface NoiseStream {

    /** Dimension m of the Wiener process. */
    int dimension();

    /**
     * Writes {@code W(t1) − W(t0)} into {@code out[0..m)}; successive calls must cover consecutive intervals.
     *
     * @param out receives the increment, length at least {@link #dimension()}
     */
    void increment(double t0, double t1, double[] out);
}
