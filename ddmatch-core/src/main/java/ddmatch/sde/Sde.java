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

    /**
     * For {@link NoiseType#DIAGONAL} noise, writes {@code out[i] = ∂G_ii/∂z_i (z, t)}, the derivative the Milstein
     * correction {@code ½ G_ii ∂G_ii/∂z_i (ΔW_i² − h)} needs (diagonal noise in the sense of Kloeden &amp; Platen 1992
     * §10.3: {@code G_ii} depends on {@code z_i} only, so the noise is commutative). Components {@code i ≥ m} get 0.
     *
     * <p>The default is a <b>central finite difference</b> with step {@code δ_i = ε^{1/3}·max(1, |z_i|)} (ε the
     * double-precision unit roundoff), whose relative error is {@code O(δ²)} ≈ 1e-11 for smooth {@code G}: far below
     * the scheme's own error, but not exact. It evaluates {@link #diffusion} twice per component, so systems with a
     * closed form should override it. It does not allocate: it works in the two caller-owned scratch arrays.
     *
     * @param t      time
     * @param z      state, length d; not modified
     * @param out    receives the d derivatives; must not be {@code z}
     * @param zWork  scratch of length at least d (content overwritten)
     * @param gWork  scratch of length at least d·m (content overwritten)
     */
    default void diffusionDerivative(double t, double[] z, double[] out, double[] zWork, double[] gWork) {
        int d = dimension();
        int m = noiseDimension();
        System.arraycopy(z, 0, zWork, 0, d);
        for (int i = 0; i < d; i++) {
            if (i >= m) {
                out[i] = 0.0;
                continue;
            }
            double delta = 6.0554544523933395e-6 * Math.max(1.0, Math.abs(z[i])); // cbrt(2^-52)
            double up = z[i] + delta;
            double down = z[i] - delta;
            zWork[i] = up;
            diffusion(t, zWork, gWork);
            double gPlus = gWork[i * m + i];
            zWork[i] = down;
            diffusion(t, zWork, gWork);
            double gMinus = gWork[i * m + i];
            zWork[i] = z[i];
            // Dividing by the representable spacing (up − down) rather than 2δ removes the rounding of z ± δ.
            out[i] = (gPlus - gMinus) / (up - down);
        }
    }
}
