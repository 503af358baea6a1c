package ddmatch.sde;

/**
 * Lorenz's (1984) model of the Hadley circulation: ẋ = −y² − z² − a·x + a·f, ẏ = xy − b·xz − y + g, ż = b·xy + xz − z; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code hadley} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: G. Hadley (1735). On the cause of the general trade winds. Philosophical Transactions of the Royal Society, vol. 34, pp. 58--62.
 */
public final class Hadley extends AdditiveNoiseSystem {
    static final String NAME = "hadley";
    private final double a;
    private final double b;
    private final double f;
    private final double g;

    /**
     * @param a parameter a of the equations above
     * @param b parameter b of the equations above
     * @param f parameter f of the equations above
     * @param g parameter g of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public Hadley(double a, double b, double f, double g, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        Parameters.requireFinite(NAME, "b", b);
        Parameters.requireFinite(NAME, "f", f);
        Parameters.requireFinite(NAME, "g", g);
        this.a = a;
        this.b = b;
        this.f = f;
        this.g = g;
    }

    public double a() { return a; }

    public double b() { return b; }

    public double f() { return f; }

    public double g() { return g; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -y * y - w * w - a * x + a * f;
        out[1] = x * y - b * x * w - y + g;
        out[2] = b * x * y + x * w - w;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -a; out[1] = -2.0 * y; out[2] = -2.0 * w;
        out[3] = y - b * w; out[4] = x - 1.0; out[5] = -b * x;
        out[6] = b * y + w; out[7] = b * x; out[8] = x - 1.0;
    }
}
