package ddmatch.sde;

/**
 * The Genesio–Tesi quadratic jerk flow: ẋ = y, ẏ = z, ż = −c·x − b·y − a·z + x²; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code genesio-tesi} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Genesio, Tesi (1992). Harmonic balance methods for the analysis of chaotic dynamics in nonlinear systems. Automatica 28.3 (1992): 531-548.
 */
public final class GenesioTesi extends AdditiveNoiseSystem {
    static final String NAME = "genesio-tesi";
    private final double a;
    private final double b;
    private final double c;

    /**
     * @param a parameter a of the equations above
     * @param b parameter b of the equations above
     * @param c parameter c of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public GenesioTesi(double a, double b, double c, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        Parameters.requireFinite(NAME, "b", b);
        Parameters.requireFinite(NAME, "c", c);
        this.a = a;
        this.b = b;
        this.c = c;
    }

    public double a() { return a; }

    public double b() { return b; }

    public double c() { return c; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y;
        out[1] = w;
        out[2] = -c * x - b * y - a * w + x * x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = 1.0; out[2] = 0.0;
        out[3] = 0.0; out[4] = 0.0; out[5] = 1.0;
        out[6] = -c + 2.0 * x; out[7] = -b; out[8] = -a;
    }
}
