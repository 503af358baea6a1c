package ddmatch.sde;

/**
 * The Shimizu–Morioka model of the Lorenz-type Lorenz attractor: ẋ = y, ẏ = x − a·y − xz, ż = −b·z + x²; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code shimizu-morioka} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Shimizu, Morioka. Phys Lett A. 1980: 201-204
 */
public final class ShimizuMorioka extends AdditiveNoiseSystem {
    static final String NAME = "shimizu-morioka";
    private final double a;
    private final double b;

    /**
     * @param a parameter a of the equations above
     * @param b parameter b of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public ShimizuMorioka(double a, double b, double noise, double[] initialState, double timeStep) {
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
        out[0] = y;
        out[1] = x - a * y - x * w;
        out[2] = -b * w + x * x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = 1.0; out[2] = 0.0;
        out[3] = 1.0 - w; out[4] = -a; out[5] = -x;
        out[6] = 2.0 * x; out[7] = 0.0; out[8] = -b;
    }
}
