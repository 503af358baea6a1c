package ddmatch.sde;

/**
 * Dadras and Momeni's three-scroll attractor: ẋ = y − p·x + o·yz, ẏ = r·y − xz + z, ż = c·xy − e·z; optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code dadras} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: S Dadras, HR Momeni (2009). A novel three-dimensional autonomous chaotic system generating two, three and four-scroll attractors. Physics Letters A.
 */
public final class Dadras extends AdditiveNoiseSystem {
    static final String NAME = "dadras";
    private final double c;
    private final double e;
    private final double o;
    private final double p;
    private final double r;

    /**
     * @param c parameter c of the equations above
     * @param e parameter e of the equations above
     * @param o parameter o of the equations above
     * @param p parameter p of the equations above
     * @param r parameter r of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public Dadras(double c, double e, double o, double p, double r, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "c", c);
        Parameters.requireFinite(NAME, "e", e);
        Parameters.requireFinite(NAME, "o", o);
        Parameters.requireFinite(NAME, "p", p);
        Parameters.requireFinite(NAME, "r", r);
        this.c = c;
        this.e = e;
        this.o = o;
        this.p = p;
        this.r = r;
    }

    public double c() { return c; }

    public double e() { return e; }

    public double o() { return o; }

    public double p() { return p; }

    public double r() { return r; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = y - p * x + o * y * w;
        out[1] = r * y - x * w + w;
        out[2] = c * x * y - e * w;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -p; out[1] = 1.0 + o * w; out[2] = o * y;
        out[3] = -w; out[4] = r; out[5] = 1.0 - x;
        out[6] = c * y; out[7] = c * x; out[8] = -e;
    }
}
