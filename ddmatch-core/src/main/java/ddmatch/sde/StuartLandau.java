package ddmatch.sde;

/**
 * The noisy Stuart–Landau oscillator, the normal form of a supercritical Hopf bifurcation:
 * {@code ż = (μ + iω) z − |z|² z} for {@code z = x + iy}, i.e. {@code ẋ = μx − ωy − (x² + y²)x},
 * {@code ẏ = ωx + μy − (x² + y²)y}, with additive noise {@code G = noise·I}. For μ &gt; 0 the deterministic flow has
 * a stable limit cycle of radius √μ and angular frequency ω; the noise diffuses its phase.
 *
 * <p>Reference: Y. Kuramoto, Chemical Oscillations, Waves, and Turbulence (Springer, 1984), ch. 2.
 */
public final class StuartLandau extends AdditiveNoiseSystem {
    static final String NAME = "stuart-landau";
    private final double mu;
    private final double omega;

    /**
     * @param mu    growth rate μ (the cycle's radius is √μ for μ &gt; 0)
     * @param omega angular frequency ω (rad per time unit)
     * @param noise additive noise amplitude
     */
    public StuartLandau(double mu, double omega, double noise, double[] initialState, double timeStep) {
        super(NAME, 2, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "mu", mu);
        Parameters.requireFinite(NAME, "omega", omega);
        this.mu = mu;
        this.omega = omega;
    }

    public double mu() { return mu; }

    public double omega() { return omega; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], r2 = x * x + y * y;
        out[0] = mu * x - omega * y - r2 * x;
        out[1] = omega * x + mu * y - r2 * y;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], r2 = x * x + y * y;
        out[0] = mu - r2 - 2.0 * x * x; out[1] = -omega - 2.0 * x * y;
        out[2] = omega - 2.0 * x * y;   out[3] = mu - r2 - 2.0 * y * y;
    }
}
