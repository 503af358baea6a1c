package ddmatch.sde;

/**
 * Chua's circuit with the piecewise-linear diode characteristic (double scroll): ẋ = α(y − x − h(x)), ẏ = x − y + z, ż = −β·y, h(x) = m1·x + ½(m0 − m1)(|x + 1| − |x − 1|); optionally with additive isotropic noise {@code G = noise·I}.
 * The catalog entry {@code chua} takes its default parameters, initial state and reference Lyapunov values from the
 * dysts metadata (see {@link SystemCatalog}).
 *
 * <p>Reference: Chua, L. O. (1969) Introduction to Nonlinear Network Theory, McGraw-Hill, New York.
 */
public final class Chua extends AdditiveNoiseSystem {
    static final String NAME = "chua";
    private final double alpha;
    private final double beta;
    private final double m0;
    private final double m1;

    /**
     * @param alpha parameter alpha of the equations above
     * @param beta parameter beta of the equations above
     * @param m0 parameter m0 of the equations above
     * @param m1 parameter m1 of the equations above
     * @param noise        additive noise amplitude (0 for the ODE)
     * @param initialState default initial state (length 3)
     * @param timeStep     default time step
     */
    public Chua(double alpha, double beta, double m0, double m1, double noise, double[] initialState, double timeStep) {
        super(NAME, 3, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "alpha", alpha);
        Parameters.requireFinite(NAME, "beta", beta);
        Parameters.requireFinite(NAME, "m0", m0);
        Parameters.requireFinite(NAME, "m1", m1);
        this.alpha = alpha;
        this.beta = beta;
        this.m0 = m0;
        this.m1 = m1;
    }

    public double alpha() { return alpha; }

    public double beta() { return beta; }

    public double m0() { return m0; }

    public double m1() { return m1; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = alpha * (y - x - (m1 * x + 0.5 * (m0 - m1) * (Math.abs(x + 1.0) - Math.abs(x - 1.0))));
        out[1] = x - y + w;
        out[2] = -beta * y;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -alpha * (1.0 + (Math.abs(x) < 1.0 ? m0 : m1)); out[1] = alpha; out[2] = 0.0;
        out[3] = 1.0; out[4] = -1.0; out[5] = 1.0;
        out[6] = 0.0; out[7] = -beta; out[8] = 0.0;
    }
}
