package ddmatch.sde;

/**
 * Sprott's case A (the Nosé–Hoover oscillator with unit thermostat), conservative on average: ẋ = y, ẏ = −x + yz, ż = 1 − y²; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code sprott-a} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Sprott (1994). Some simple chaotic flows. Physical Review E (1994).
 */
public final class SprottA extends AdditiveNoiseSystem {
    static final String NAME = "sprott-a";

    /**
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public SprottA(double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
    }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y;
        out[1] = -x + y * w;
        out[2] = 1.0 - y * y;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = 1.0; out[2] = 0.0;
        out[3] = -1.0; out[4] = w; out[5] = y;
        out[6] = 0.0; out[7] = -2.0 * y; out[8] = 0.0;
    }
}
