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
}
