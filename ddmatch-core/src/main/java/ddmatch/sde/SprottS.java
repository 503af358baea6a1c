package ddmatch.sde;

/**
 * Sprott's case S: ẋ = −x − 4y, ẏ = x + z², ż = 1 + x; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code sprott-s} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Sprott (1994). Some simple chaotic flows. Physical Review E (1994).
 */
public final class SprottS extends AdditiveNoiseSystem {
    static final String NAME = "sprott-s";

    /**
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public SprottS(double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
    }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -x - 4.0 * y;
        out[1] = x + w * w;
        out[2] = 1.0 + x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -1.0; out[1] = -4.0; out[2] = 0.0;
        out[3] = 1.0; out[4] = 0.0; out[5] = 2.0 * w;
        out[6] = 1.0; out[7] = 0.0; out[8] = 0.0;
    }
}
