package ddmatch.sde;

/**
 * The Rössler (1976) spiral attractor: ẋ = −y − z, ẏ = x + a·y, ż = b + z·(x − c); optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code rossler} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: O. E. Rössler (1976), An equation for continuous chaos, Physics Letters A 57(5): 397–398.
 */
public final class Rossler extends AdditiveNoiseSystem {
    static final String NAME = "rossler";
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
    public Rossler(double a, double b, double c, double noise, double[] initialState, double timeStep) {
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
        out[0] = -y - w;
        out[1] = x + a * y;
        out[2] = b + w * (x - c);
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = -1.0; out[2] = -1.0;
        out[3] = 1.0; out[4] = a; out[5] = 0.0;
        out[6] = w; out[7] = 0.0; out[8] = x - c;
    }
}
