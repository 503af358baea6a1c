package ddmatch.sde;

/**
 * Thomas' cyclically symmetric attractor (labyrinth chaos), time-rescaled form: ẋ = −a·x + b·sin y, ẏ = −a·y + b·sin z, ż = −a·z + b·sin x (the classical form with dissipation a/b in time b·t); optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code thomas} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Thomas, Rene (1999). Deterministic chaos seen in terms of feedback circuits: Analysis, synthesis, labyrinth chaos. Int. J. Bifurc. Chaos.
 */
public final class Thomas extends AdditiveNoiseSystem {
    static final String NAME = "thomas";
    private final double a;
    private final double b;

    /**
     * @param a parameter a of the equations above
     * @param b parameter b of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public Thomas(double a, double b, double noise, double[] initialState, double timeStep) {
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
        out[0] = -a * x + b * Math.sin(y);
        out[1] = -a * y + b * Math.sin(w);
        out[2] = -a * w + b * Math.sin(x);
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -a; out[1] = b * Math.cos(y); out[2] = 0.0;
        out[3] = 0.0; out[4] = -a; out[5] = b * Math.cos(w);
        out[6] = b * Math.cos(x); out[7] = 0.0; out[8] = -a;
    }
}
