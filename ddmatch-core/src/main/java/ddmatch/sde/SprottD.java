package ddmatch.sde;

/**
 * Sprott's case D: ẋ = −y, ẏ = x + z, ż = xz + 3y²; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code sprott-d} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Sprott (1994). Some simple chaotic flows. Physical Review E (1994).
 */
public final class SprottD extends AdditiveNoiseSystem {
    static final String NAME = "sprott-d";

    /**
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public SprottD(double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
    }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -y;
        out[1] = x + w;
        out[2] = x * w + 3.0 * y * y;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = -1.0; out[2] = 0.0;
        out[3] = 1.0; out[4] = 0.0; out[5] = 1.0;
        out[6] = w; out[7] = 6.0 * y; out[8] = x;
    }
}
