package ddmatch.sde;

/**
 * The Aizawa (Langford) torus-like attractor: ẋ = xz − b·x − d·y, ẏ = d·x + yz − b·y, ż = c + a·z − z³/3 − x² − y² − e·z(x² + y²) + f·z·x³; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code aizawa} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Aizawa, Yoji, and Tatsuya Uezu (1982). Topological Aspects in Chaos and in 2 k-Period Doubling Cascade. Progress of Theoretical Physics 67.3 (1982): 982-985. See also Langford (1984). Numerical studies of torus bifurcations. Numerical Methods for Bifurcation Problems. Birkhauser, Basel, 1984. 285-295.
 */
public final class Aizawa extends AdditiveNoiseSystem {
    static final String NAME = "aizawa";
    private final double a;
    private final double b;
    private final double c;
    private final double d;
    private final double e;
    private final double f;

    /**
     * @param a parameter a of the equations above
     * @param b parameter b of the equations above
     * @param c parameter c of the equations above
     * @param d parameter d of the equations above
     * @param e parameter e of the equations above
     * @param f parameter f of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public Aizawa(double a, double b, double c, double d, double e, double f, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "a", a);
        Parameters.requireFinite(NAME, "b", b);
        Parameters.requireFinite(NAME, "c", c);
        Parameters.requireFinite(NAME, "d", d);
        Parameters.requireFinite(NAME, "e", e);
        Parameters.requireFinite(NAME, "f", f);
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.e = e;
        this.f = f;
    }

    public double a() { return a; }

    public double b() { return b; }

    public double c() { return c; }

    public double d() { return d; }

    public double e() { return e; }

    public double f() { return f; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = x * w - b * x - d * y;
        out[1] = d * x + y * w - b * y;
        out[2] = c + a * w - w * w * w / 3.0 - x * x - y * y - e * w * (x * x + y * y) + f * w * x * x * x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = w - b; out[1] = -d; out[2] = x;
        out[3] = d; out[4] = w - b; out[5] = y;
        out[6] = -2.0 * x - 2.0 * e * w * x + 3.0 * f * w * x * x; out[7] = -2.0 * y - 2.0 * e * w * y; out[8] = a - w * w - e * (x * x + y * y) + f * x * x * x;
    }
}
