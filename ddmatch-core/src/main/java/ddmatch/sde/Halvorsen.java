package ddmatch.sde;

/**
 * Halvorsen's cyclically symmetric attractor: ẋ = −a·x − b(y + z) − y², ẏ = −a·y − b(z + x) − z², ż = −a·z − b(x + y) − x²; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code halvorsen} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Sprott, Julien C (2010). Elegant chaos: algebraically simple chaotic flows. World Scientific, 2010.
 */
public final class Halvorsen extends AdditiveNoiseSystem {
    static final String NAME = "halvorsen";
    private final double a;
    private final double b;

    /**
     * @param a parameter a of the equations above
     * @param b parameter b of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public Halvorsen(double a, double b, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        Parameters.requireFinite(NAME, "b", b);
        this.a = a;
        this.b = b;
    }

    public double a() { return a; }

    public double b() { return b; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -a * x - b * (y + w) - y * y;
        out[1] = -a * y - b * (w + x) - w * w;
        out[2] = -a * w - b * (x + y) - x * x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -a; out[1] = -b - 2.0 * y; out[2] = -b;
        out[3] = -b; out[4] = -a; out[5] = -b - 2.0 * w;
        out[6] = -b - 2.0 * x; out[7] = -b; out[8] = -a;
    }
}
