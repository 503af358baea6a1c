package ddmatch.sde;

/**
 * A chaotic finance model (interest rate x, investment demand y, price index z): ẋ = (1/b − a)x + z + xy, ẏ = −b·y − x², ż = −x − c·z; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code finance} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Guoliang Cai, Juanjuan Huang. International Journal of Nonlinear Science, Vol. 3 (2007)
 */
public final class Finance extends AdditiveNoiseSystem {
    static final String NAME = "finance";
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
    public Finance(double a, double b, double c, double noise, double[] initialState, double timeStep) {
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
        out[0] = (1.0 / b - a) * x + w + x * y;
        out[1] = -b * y - x * x;
        out[2] = -x - c * w;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 1.0 / b - a + y; out[1] = x; out[2] = 1.0;
        out[3] = -2.0 * x; out[4] = -b; out[5] = 0.0;
        out[6] = -1.0; out[7] = 0.0; out[8] = -c;
    }
}
