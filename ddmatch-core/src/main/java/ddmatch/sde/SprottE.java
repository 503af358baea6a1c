package ddmatch.sde;

/**
 * Sprott's case E: ẋ = yz, ẏ = x² − y, ż = 1 − 4x; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code sprott-e} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Sprott (1994). Some simple chaotic flows. Physical Review E (1994).
 */
public final class SprottE extends AdditiveNoiseSystem {
    static final String NAME = "sprott-e";

    /**
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public SprottE(double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
    }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y * w;
        out[1] = x * x - y;
        out[2] = 1.0 - 4.0 * x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = w; out[2] = y;
        out[3] = 2.0 * x; out[4] = -1.0; out[5] = 0.0;
        out[6] = -4.0; out[7] = 0.0; out[8] = 0.0;
    }
}
