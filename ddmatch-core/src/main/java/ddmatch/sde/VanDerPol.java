package ddmatch.sde;

/**
 * The noisy Van der Pol oscillator {@code ẋ = y, ẏ = μ(1 − x²)y − x} with additive noise {@code G = noise·I}: a
 * relaxation limit cycle for μ ≫ 1, a near-harmonic one of amplitude 2 for μ ≪ 1.
 *
 * <p>Reference: B. van der Pol, "On relaxation-oscillations", Phil. Mag. 2, 978 (1926).
 */
public final class VanDerPol extends AdditiveNoiseSystem {
    static final String NAME = "van-der-pol";
    private final double mu;

    /** @param mu nonlinear damping μ; @param noise additive noise amplitude */
    public VanDerPol(double mu, double noise, double[] initialState, double timeStep) {
        super(NAME, 2, noise, initialState, timeStep);
        Parameters.requireFinite(NAME, "mu", mu);
        this.mu = mu;
    }

    public double mu() { return mu; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1];
        out[0] = y;
        out[1] = mu * (1.0 - x * x) * y - x;
    }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1];
        out[0] = 0.0; out[1] = 1.0;
        out[2] = -2.0 * mu * x * y - 1.0; out[3] = mu * (1.0 - x * x);
    }
}
