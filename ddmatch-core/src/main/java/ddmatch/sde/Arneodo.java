package ddmatch.sde;

/**
 * The Arneodo–Coullet–Tresser jerk flow: ẋ = y, ẏ = z, ż = −a·x − b·y − c·z + d·x³; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code arneodo} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Arneodo, A., Coullet, P. &amp; Tresser, C. Occurence of strange attractors in three-dimensional Volterra equations. Physics Letters A 79, 259--263 (1980)
 */
public final class Arneodo extends AdditiveNoiseSystem {
    static final String NAME = "arneodo";
    private final double a;
    private final double b;
    private final double c;
    private final double d;

    /**
     * @param a parameter a of the equations above
     * @param b parameter b of the equations above
     * @param c parameter c of the equations above
     * @param d parameter d of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public Arneodo(double a, double b, double c, double d, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        Parameters.requireFinite(NAME, "b", b);
        Parameters.requireFinite(NAME, "c", c);
        Parameters.requireFinite(NAME, "d", d);
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    public double a() { return a; }

    public double b() { return b; }

    public double c() { return c; }

    public double d() { return d; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y;
        out[1] = w;
        out[2] = -a * x - b * y - c * w + d * x * x * x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = 1.0; out[2] = 0.0;
        out[3] = 0.0; out[4] = 0.0; out[5] = 1.0;
        out[6] = -a + 3.0 * d * x * x; out[7] = -b; out[8] = -c;
    }
}
