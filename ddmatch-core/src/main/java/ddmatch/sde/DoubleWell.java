package ddmatch.sde;

/**
 * The overdamped particle in the quartic double-well potential {@code V(z) = z⁴/4 − z²/2}:
 * {@code dz = (z − z³) dt + σ dW}. Wells at ±1, barrier ΔV = 1/4 at 0, {@code V''(0) = −1}, {@code V''(±1) = 2}, so
 * Kramers' small-noise mean residence time in a well is {@code (2π/√2) exp(2ΔV/σ²)} (H. A. Kramers, Physica 7, 284,
 * 1940).
 */
public final class DoubleWell implements Sde {
    private final double sigma;

    /** @param sigma noise amplitude σ (&gt; 0 for the stochastic system, 0 for the gradient flow) */
    public DoubleWell(double sigma) {
        Parameters.requireNonNegative("double-well", "sigma", sigma);
        this.sigma = sigma;
    }

    public double sigma() { return sigma; }

    /** Barrier height ΔV of the potential. */
    public static double barrier() { return 0.25; }

    /** Kramers' small-noise mean residence time in one well, {@code 2π/√(|V''(0)| V''(1)) · exp(2ΔV/σ²)}. */
    public double kramersResidenceTime() {
        return 2.0 * Math.PI / Math.sqrt(1.0 * 2.0) * Math.exp(2.0 * barrier() / (sigma * sigma));
    }

    @Override public int dimension() { return 1; }

    @Override public int noiseDimension() { return sigma == 0.0 ? 0 : 1; }

    @Override public NoiseType noiseType() { return sigma == 0.0 ? NoiseType.NONE : NoiseType.ADDITIVE; }

    @Override public String name() { return "double-well"; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0];
        out[0] = x - x * x * x;
    }

    @Override
    public void diffusion(double t, double[] z, double[] out) {
        out[0] = sigma;
    }

    @Override public double[] initialState() { return new double[] {1.0}; }

    @Override public double defaultTimeStep() { return 0.01; }

    @Override public boolean hasJacobian() { return true; }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        out[0] = 1.0 - 3.0 * z[0] * z[0];
    }
}
