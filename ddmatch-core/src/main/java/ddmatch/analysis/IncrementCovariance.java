package ddmatch.analysis;

/**
 * The covariance of the drift-corrected increments of a trajectory: an estimate of the diffusion {@code G Gᵀ} of
 * {@code dz = f(z) dt + G dW}.
 *
 * <p><b>Algorithm.</b> For each of the {@code n − 1} steps the normalised residual
 * {@code r_k = (z_{k+1} − z_k − f(z_k) Δt) / √Δt} is formed (an Euler–Maruyama inversion, evaluating the drift at the
 * left point as in the Itô convention), and the sample covariance of the {@code r_k} (mean subtracted, denominator
 * {@code n − 2}) is returned. For an Euler–Maruyama path with additive noise and the exact drift, {@code r_k = G ξ_k}
 * exactly and the estimate is unbiased with relative standard error about {@code √(2/(n−1))} per diagonal entry.
 * For data sampled from the exact process the residuals carry {@code O(Δt)} corrections (the drift changes during a
 * step; with multiplicative noise the estimate is the time average of {@code G(z)G(z)ᵀ}). This is the classical
 * quadratic-variation estimator; see e.g. P. E. Kloeden and E. Platen, "Numerical Solution of Stochastic Differential
 * Equations" (Springer, 1992), and S. Siegert, R. Friedrich and J. Peinke, Phys. Lett. A 243, 275 (1998).
 */
public final class IncrementCovariance {

    private IncrementCovariance() {}

    /**
     * Covariance of {@code (Δz − f(z_k) Δt)/√Δt}.
     *
     * @param z  trajectory, row-major {@code n × d}, finite, at least 3 rows, sampled at {@code dt}
     * @param d  state dimension, ≥ 1
     * @param dt sampling interval (time units), finite and &gt; 0
     * @param f  drift of the model, called once per step with a reused buffer; must write finite values
     * @return the {@code d × d} covariance, row-major and symmetric, in state²/time: an estimate of {@code G Gᵀ}
     * @throws IllegalArgumentException on invalid input or if {@code f} returns a non-finite value
     */
    public static double[] ofResiduals(double[] z, int d, double dt, DriftFunction f) {
        Checks.dimension("d", d);
        int n = Checks.rows("z", z, d, 3);
        Checks.positive("dt", dt);
        if (f == null) {
            throw new IllegalArgumentException("parameter 'f' = null is not allowed; it must be a drift function");
        }
        int m = n - 1;
        double sqrtDt = Math.sqrt(dt);
        double[] state = new double[d];
        double[] drift = new double[d];
        double[] r = new double[d];
        double[] mean = new double[d];
        double[] cross = new double[d * d];
        for (int k = 0; k < m; k++) {
            int o = k * d;
            System.arraycopy(z, o, state, 0, d);
            f.drift(state, drift);
            for (int a = 0; a < d; a++) {
                double v = (z[o + d + a] - z[o + a] - drift[a] * dt) / sqrtDt;
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("parameter 'f' returned the non-finite drift " + drift[a]
                            + " in component " + a + " at sample " + k + ", which is not allowed");
                }
                r[a] = v;
                mean[a] += v;
            }
            for (int a = 0; a < d; a++) {
                for (int c = 0; c <= a; c++) {
                    cross[a * d + c] += r[a] * r[c];
                }
            }
        }
        double[] cov = new double[d * d];
        for (int a = 0; a < d; a++) {
            mean[a] /= m;
        }
        for (int a = 0; a < d; a++) {
            for (int c = 0; c <= a; c++) {
                double v = (cross[a * d + c] - m * mean[a] * mean[c]) / (m - 1);
                cov[a * d + c] = v;
                cov[c * d + a] = v;
            }
        }
        return cov;
    }
}
