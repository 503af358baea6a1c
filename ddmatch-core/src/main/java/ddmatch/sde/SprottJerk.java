package ddmatch.sde;

/**
 * Sprott's simplest dissipative chaotic flow, the quadratic jerk x‴ + μẍ − ẋ² + x = 0: ẋ = y, ẏ = z, ż = −x + y² − μ·z; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code sprott-jerk} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Sprott, J. C. Simplest dissipative chaotic flow. Physics Letters A (1997).
 */
public final class SprottJerk extends AdditiveNoiseSystem {
    static final String NAME = "sprott-jerk";
    private final double mu;

    /**
     * @param mu parameter mu of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public SprottJerk(double mu, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "mu", mu);
        this.mu = mu;
    }

    public double mu() { return mu; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y;
        out[1] = w;
        out[2] = -x + y * y - mu * w;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = 1.0; out[2] = 0.0;
        out[3] = 0.0; out[4] = 0.0; out[5] = 1.0;
        out[6] = -1.0; out[7] = 2.0 * y; out[8] = -mu;
    }
}
