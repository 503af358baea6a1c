package ddmatch.sde;

/**
 * The Rabinovich–Fabrikant model of modulational instability in a non-equilibrium medium: ẋ = y(z − 1 + x²) + g·x, ẏ = x(3z + 1 − x²) + g·y, ż = −2z(a + xy); optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code rabinovich-fabrikant} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Rabinovich, Mikhail I.; Fabrikant, A. L. (1979). Stochastic Self-Modulation of Waves in Nonequilibrium Media. Sov. Phys. JETP.
 */
public final class RabinovichFabrikant extends AdditiveNoiseSystem {
    static final String NAME = "rabinovich-fabrikant";
    private final double a;
    private final double g;

    /**
     * @param a parameter a of the equations above
     * @param g parameter g of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public RabinovichFabrikant(double a, double g, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        Parameters.requireFinite(NAME, "g", g);
        this.a = a;
        this.g = g;
    }

    public double a() { return a; }

    public double g() { return g; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y * (w - 1.0 + x * x) + g * x;
        out[1] = x * (3.0 * w + 1.0 - x * x) + g * y;
        out[2] = -2.0 * w * (a + x * y);
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 2.0 * x * y + g; out[1] = w - 1.0 + x * x; out[2] = y;
        out[3] = 3.0 * w + 1.0 - 3.0 * x * x; out[4] = g; out[5] = 3.0 * x;
        out[6] = -2.0 * y * w; out[7] = -2.0 * x * w; out[8] = -2.0 * (a + x * y);
    }
}
