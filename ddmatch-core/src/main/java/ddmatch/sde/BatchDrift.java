package ddmatch.sde;

/**
 * A system that evaluates its drift for many states in one call, faster than one call per state (e.g. the rate
 * network, whose batch kernel shares each load of its weights between several states), and with each state's result
 * <b>bit-identical</b> to {@link Sde#drift} of that state alone. Solvers may therefore step several trajectories in
 * lock step through this interface without changing any result (the ensemble rule "same seed, same bits").
 */
public interface BatchDrift {
    /**
     * The drift at time {@code t} of {@code batch} states stored one after another.
     *
     * @param t     time (the system's time units)
     * @param xs    the states, row-major {@code batch × dimension()} (state β at {@code xs[β·n, (β+1)·n)})
     * @param batch number of states, ≥ 1
     * @param out   the drifts, laid out like {@code xs} (written; not {@code xs})
     */
    void driftBatch(double t, double[] xs, int batch, double[] out);
}
