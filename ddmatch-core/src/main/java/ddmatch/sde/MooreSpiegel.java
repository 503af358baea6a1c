package ddmatch.sde;

/**
 * The Moore–Spiegel thermo-mechanical oscillator: ẋ = y, ẏ = a·z, ż = −z + ε·y − y·x² − b·x; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code moore-spiegel} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Moore, Spiegel. A Thermally Excited Nonlinear Oscillator, Ap. J., 143, 871 (1966)
 */
public final class MooreSpiegel extends AdditiveNoiseSystem {
    static final String NAME = "moore-spiegel";
    private final double a;
    private final double b;
    private final double eps;

    /**
     * @param a parameter a of the equations above
     * @param b parameter b of the equations above
     * @param eps parameter eps of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public MooreSpiegel(double a, double b, double eps, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        Parameters.requireFinite(NAME, "b", b);
        Parameters.requireFinite(NAME, "eps", eps);
        this.a = a;
        this.b = b;
        this.eps = eps;
    }

    public double a() { return a; }

    public double b() { return b; }

    public double eps() { return eps; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y;
        out[1] = a * w;
        out[2] = -w + eps * y - y * x * x - b * x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = 0.0; out[1] = 1.0; out[2] = 0.0;
        out[3] = 0.0; out[4] = 0.0; out[5] = a;
        out[6] = -2.0 * x * y - b; out[7] = eps - x * x; out[8] = -1.0;
    }
}
