package ddmatch.sde;

/**
 * The two-dimensional non-equilibrium Ornstein–Uhlenbeck process {@code dz = −B z dt + √(2ε) dW} with
 * {@code B = [[2, −θ], [θ, 2]]}: a gradient (reversible) relaxation plus a rotation of strength θ that breaks detailed
 * balance. Its stationary covariance is {@code (ε/2) I}, its stationary probability current circulates with angular
 * speed θ, and its entropy production rate is exactly θ² for any ε (see {@code ddmatch.analysis.EntropyProduction}).
 */
public final class RotatingOrnsteinUhlenbeck implements Sde {
    private final double theta;
    private final double epsilon;

    /**
     * @param theta   rotation (non-gradient) strength θ, any finite value
     * @param epsilon noise intensity ε &gt; 0; the diffusion matrix is {@code D = ε I}
     */
    public RotatingOrnsteinUhlenbeck(double theta, double epsilon) {
        Parameters.requireFinite("ou", "theta", theta);
        Parameters.requirePositive("ou", "epsilon", epsilon);
        this.theta = theta;
        this.epsilon = epsilon;
    }

    public double theta() { return theta; }

    public double epsilon() { return epsilon; }

    /** The drift matrix {@code B} (row-major 2 × 2) of {@code f(z) = −B z}. */
    public double[] driftMatrix() {
        return new double[] {2.0, -theta, theta, 2.0};
    }

    /** The diffusion matrix {@code D = ½ G Gᵀ = ε I} (row-major 2 × 2). */
    public double[] diffusionMatrix() {
        return new double[] {epsilon, 0.0, 0.0, epsilon};
    }

    @Override public int dimension() { return 2; }

    @Override public int noiseDimension() { return 2; }

    @Override public NoiseType noiseType() { return NoiseType.ADDITIVE; }

    @Override public String name() { return "ou"; }

    @Override
    public void drift(double t, double[] z, double[] out) {
        double x = z[0], y = z[1];
        out[0] = -(2.0 * x - theta * y);
        out[1] = -(theta * x + 2.0 * y);
    }

    @Override
    public void diffusion(double t, double[] z, double[] out) {
        double g = Math.sqrt(2.0 * epsilon);
        out[0] = g; out[1] = 0.0;
        out[2] = 0.0; out[3] = g;
    }

    @Override public double[] initialState() { return new double[] {0.0, 0.0}; }

    @Override public double defaultTimeStep() { return 0.01; }

    @Override public boolean hasJacobian() { return true; }

    @Override
    public void jacobian(double t, double[] z, double[] out) {
        out[0] = -2.0; out[1] = theta;
        out[2] = -theta; out[3] = -2.0;
    }
}
