package ddmatch.sde;

/**
 * Rucklidge's model of double convection: ẋ = −a·x + b·y − yz, ẏ = x, ż = −z + y²; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code rucklidge} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Rucklidge, A.M. (1992). Chaos in models of double convection. Journal of Fluid Mechanics.
 */
public final class Rucklidge extends AdditiveNoiseSystem {
    static final String NAME = "rucklidge";
    private final double a;
    private final double b;

    /**
     * @param a parameter a of the equations above
     * @param b parameter b of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public Rucklidge(double a, double b, double noise, double[] initialState, double timeStep) {
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
        out[0] = -a * x + b * y - y * w;
        out[1] = x;
        out[2] = -w + y * y;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -a; out[1] = b - w; out[2] = -y;
        out[3] = 1.0; out[4] = 0.0; out[5] = 0.0;
        out[6] = 0.0; out[7] = 2.0 * y; out[8] = -1.0;
    }
}
