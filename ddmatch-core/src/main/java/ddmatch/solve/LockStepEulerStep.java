package ddmatch.solve;

/**
 * A {@link FusedEulerStep} that can also step several states of the same SDE together, each with its own Wiener
 * increments: what an ensemble needs to advance its trajectories in lock step. A rate network's step is bound by its
 * tanh and by the loads of its read-in and read-out weights; stepping a tile of states in one sweep over the neurons
 * shares each load of the weights between them (BENCHMARKS.md has the measured gain).
 *
 * <p><b>Contract.</b> {@link #eulerStepBatch} must leave every state <b>bit for bit</b> as {@link #eulerStep} of that
 * state alone with its own increments would, whatever the grouping: an ensemble's results must not depend on how its
 * trajectories were tiled or on the thread count. {@link LockStepIntegrator} relies on it, and the tests compare the
 * two paths bit for bit.
 */
public interface LockStepEulerStep extends FusedEulerStep {
    /**
     * The number of states the SDE steps together with profit (≥ 2), or 0 when it cannot step states in lock step as
     * built (e.g. with inputs, state-dependent noise, or kernels without a tiled step): callers then step each state
     * alone through {@link #eulerStep}.
     */
    int lockStepTile();

    /**
     * One Euler–Maruyama step of B states from time t, in place. Only called when {@link #lockStepTile()} &gt; 0.
     *
     * @param t     time at the start of the step
     * @param h     step size (&gt; 0)
     * @param xs    B states of dimension {@code dimension()} stored one after another, overwritten
     * @param batch B ≥ 1
     * @param dWs   the B states' Wiener increments, B × m row-major (m = {@code noiseDimension()}; ignored if m = 0)
     * @param sq    receives Σ x_i² of each new state (length ≥ B; NaN if an entry is NaN, +∞ if one is infinite or
     *              the sum overflows), for the caller's divergence check; only its last bits may differ from
     *              {@link #eulerStep}'s sum
     */
    void eulerStepBatch(double t, double h, double[] xs, int batch, double[] dWs, double[] sq);
}
