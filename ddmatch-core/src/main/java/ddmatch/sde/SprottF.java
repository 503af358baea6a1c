package ddmatch.sde;

/**
 * Sprott's case F: ẋ = y + z, ẏ = −x + a·y, ż = x² − z; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code sprott-f} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Sprott (1994). Some simple chaotic flows. Physical Review E (1994).
 */
public final class SprottF extends AdditiveNoiseSystem {
    static final String NAME = "sprott-f";
    private final double a;

    /**
     * @param a parameter a of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public SprottF(double a, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        this.a = a;
    }

    public double a() { return a; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y + w;
        out[1] = -x + a * y;
        out[2] = x * x - w;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = 1.0; out[2] = 1.0;
        out[3] = -1.0; out[4] = a; out[5] = 0.0;
        out[6] = 2.0 * x; out[7] = 0.0; out[8] = -1.0;
    }
}
