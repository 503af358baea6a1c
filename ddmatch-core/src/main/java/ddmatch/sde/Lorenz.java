package ddmatch.sde;

/**
 * The Lorenz (1963) system {@code ẋ = σ(y − x), ẏ = x(ρ − z) − y, ż = xy − βz}, optionally with additive isotropic
 * noise {@code G = g·I}. With σ = 10, ρ = 28, β = 8/3 its Lyapunov spectrum is about (0.906, 0, −14.57) (Wolf et al.,
 * Physica D 16, 285, 1985) and the divergence of the flow is the constant −(σ + 1 + β).
 *
 * <p>Reference: E. N. Lorenz, "Deterministic nonperiodic flow", J. Atmos. Sci. 20, 130 (1963).
 */
public final class Lorenz implements Sde {
    private final double sigma;
    private final double rho;
    private final double beta;
    private final double noise;

    /** The classic parameters σ = 10, ρ = 28, β = 8/3, noise-free. */
    public Lorenz() {
        this(10.0, 28.0, 8.0 / 3.0, 0.0);
    }

    /**
     * @param noise additive noise amplitude {@code g} ({@code G = g·I}); 0 gives the ODE
     */
    public Lorenz(double sigma, double rho, double beta, double noise) {
        Parameters.requireFinite("lorenz", "sigma", sigma);
        Parameters.requireFinite("lorenz", "rho", rho);
        Parameters.requireFinite("lorenz", "beta", beta);
        Parameters.requireNonNegative("lorenz", "noise", noise);
        this.sigma = sigma;
        this.rho = rho;
        this.beta = beta;
        this.noise = noise;
    }

    public double sigma() { return sigma; }

    public double rho() { return rho; }

    public double beta() { return beta; }

    /** Additive noise amplitude {@code g}. */
    public double noise() { return noise; }

    @Override public int dimension() { return 3; }

    @Override public int noiseDimension() { return noise == 0.0 ? 0 : 3; }

    @Override public NoiseType noiseType() { return noise == 0.0 ? NoiseType.NONE : NoiseType.ADDITIVE; }

    @Override public String name() { return noise == 0.0 ? "lorenz" : "lorenz-noisy"; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = sigma * (y - x);
        out[1] = x * (rho - w) - y;
        out[2] = x * y - beta * w;
    }

    @Override
    public void diffusion(double t, double[] z, double[] out) {
        java.util.Arrays.fill(out, 0, 9, 0.0);
        out[0] = noise;
        out[4] = noise;
        out[8] = noise;
    }

    @Override public double[] initialState() { return new double[] {-8.0, 7.0, 27.0}; }

    @Override public double defaultTimeStep() { return 0.01; }

    @Override public boolean hasJacobian() { return true; }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        double x = z[0], y = z[1], w = z[2];
        out[0] = -sigma; out[1] = sigma; out[2] = 0.0;
        out[3] = rho - w; out[4] = -1.0; out[5] = -x;
        out[6] = y;       out[7] = x;    out[8] = -beta;
    }
}
