package ddmatch.solve;

/**
 * One run's stepping state for a {@link Scheme}: advances a state in place over one step. Holds working arrays, so
 * it is used by one thread at a time; allocates nothing per step.
 */
public interface Stepper {

    /**
     * Advances {@code x} from time {@code t} to {@code t + dt} in place.
     *
     * @param dW the Brownian increment over the step (length m; ignored for ODEs)
     */
    void step(double t, double dt, double[] x, double[] dW);

    /**
     * Advances {@code x} from {@code t} to {@code t + dt} given also the iterated integrals
     * {@code dZ_k = ∫_t^{t+dt} (W_k(s) − W_k(t)) ds} (see {@link IteratedNoiseStream}). Schemes that do not use them
     * ignore {@code dZ}; the {@link Integrator} calls this form for schemes whose {@link Scheme#needsTimeIntegral()}
     * is true.
     */
    default void step(double t, double dt, double[] x, double[] dW, double[] dZ) {
        step(t, dt, x, dW);
    }

    /**
     * {@code Σ x_i²} of the state the last {@code step} produced, when that step summed it on the way (a fused
     * kernel's last pass); negative when it did not, and the caller sums the state itself. NaN or +∞ when the state
     * has a NaN or infinite entry. The {@link Integrator} reads it after every step for its divergence check.
     */
    default double lastSumOfSquares() {
        return -1.0;
    }
}
