package ddmatch.sde;

/**
 * The Lü–Chen attractor, between the Lorenz and Chen systems: ẋ = a(y − x), ẏ = −xz + c·y, ż = xy − b·z; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code lu-chen} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Lu, Chen. Int J Bifurcat Chaos. 2002: 659-661.
 */
public final class LuChen extends AdditiveNoiseSystem {
    static final String NAME = "lu-chen";
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
    public LuChen(double a, double b, double c, double noise, double[] initialState, double timeStep) {
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
        out[0] = a * (y - x);
        out[1] = -x * w + c * y;
        out[2] = x * y - b * w;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -a; out[1] = a; out[2] = 0.0;
        out[3] = -w; out[4] = c; out[5] = -x;
        out[6] = y; out[7] = x; out[8] = -b;
    }
}
