package ddmatch.sde;

/**
 * An Itô stochastic differential equation {@code dz = f(z, t) dt + G(z, t) dW}, with {@code z} in
 * R<sup>{@link #dimension()}</sup> and {@code W} a standard Wiener process in R<sup>{@link #noiseDimension()}</sup>.
 *
 * <p>From a solver's point of view a system is two functions it calls at every step, each writing into an array the
 * solver owns and reuses: {@link #drift} fills {@code f} and {@link #diffusion} fills {@code G} (row-major,
 * {@code d × m}). Implementations must not keep references to the arrays they are given, must not allocate in these
 * two methods, and must tolerate being called with any finite state. Parameters are final fields of the
 * implementation, so one instance may be shared by threads as long as its methods write only into their outputs.
 *
 * <p>An ordinary differential equation is the case {@code noiseDimension() == 0} and {@link NoiseType#NONE}.
 */
public interface Sde {

    /** State dimension {@code d} (at least 1). */
    int dimension();

    /** Dimension {@code m} of the driving Wiener process; 0 for an ODE. */
    int noiseDimension();

    /**
     * Writes the drift {@code f(z, t)} into {@code out}.
     *
     * @param t   time
     * @param z   state, length {@link #dimension()}; not modified
     * @param out receives the drift, length {@link #dimension()}; must not be {@code z}
     */
    void drift(double t, double[] z, double[] out);

    /**
     * Writes the diffusion matrix {@code G(z, t)} into {@code out}, row-major {@code d × m}: entry {@code (i, k)} is
     * {@code out[i * m + k]}. Not called when {@link #noiseDimension()} is 0; called once per run when
     * {@link #noiseType()} is {@link NoiseType#ADDITIVE}.
     */
    void diffusion(double t, double[] z, double[] out);

    /** How the diffusion depends on the state; decides which schemes may integrate this system. */
    NoiseType noiseType();

    /** A short identifier, e.g. {@code lorenz}; used in file names and reports. */
    String name();

    /** A state on (or near) the system's attractor or in its typical region; a fresh copy on each call. */
    double[] initialState();

    /** A time step at which the fixed-step schemes resolve this system's dynamics (time units of the system). */
    double defaultTimeStep();

    /** Whether {@link #jacobian} is implemented. */
    default boolean hasJacobian() {
        return false;
    }

    /**
     * Writes the Jacobian of the drift, {@code ∂f_i/∂z_j}, row-major {@code d × d}, into {@code out}.
     *
     * @throws UnsupportedOperationException if {@link #hasJacobian()} is false
     */
    default void jacobian(double t, double[] z, double[] out) {
        throw new UnsupportedOperationException("system '" + name() + "' does not provide a Jacobian");
    }
}
