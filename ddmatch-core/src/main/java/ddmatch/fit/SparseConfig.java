package ddmatch.fit;

/**
 * Constraints and settings of a sparse, weight-bounded dense connectivity ({@link SparseMatcher}).
 *
 * @param connectionProbability p in (0, 1]: each entry J_ij is allowed (may be nonzero) with probability p,
 *                              independently, by a seeded mask; 1 for a dense J. Diagonal entries are allowed like
 *                              the others
 * @param weightBound           B &gt; 0: every entry obeys |J_ij| ≤ B (dimensionless, like J); +∞ for no bound
 * @param transverseScale       σ_ξ ≥ 0: standard deviation per unit of the offsets ξ ⟂ span(U) of the off-manifold
 *                              twin of each sample, in units of the neurons' input x; 0 for on-manifold samples only
 * @param contraction           c in (0, 1]: an off-manifold twin's transverse deviation is asked to relax at rate c/τ
 *                              (1: as fast as the leak, as in a factored network)
 * @param iterations            accelerated projected-gradient iterations for the weight bound (≥ 1); unused when the
 *                              bound is +∞
 * @param relativeLambda        λ as a multiple of the trace scale tr(G)/N of the fit's Gram matrix, &gt; 0, or NaN
 *                              for the GCV λ of the factored fit; a λ fixed in the matching configuration overrides it
 */
public record SparseConfig(double connectionProbability, double weightBound, double transverseScale, double contraction,
                           int iterations, double relativeLambda) {
    public SparseConfig {
        if (!(connectionProbability > 0 && connectionProbability <= 1)) {
            throw new IllegalArgumentException("connection probability p = " + connectionProbability
                    + " is not allowed; it must be in (0, 1]");
        }
        if (!(weightBound > 0)) {
            throw new IllegalArgumentException("weight bound B = " + weightBound + " is not allowed; it must be > 0 (or +∞ for none)");
        }
        if (!(transverseScale >= 0) || !Double.isFinite(transverseScale)) {
            throw new IllegalArgumentException("transverse scale σ_ξ = " + transverseScale
                    + " is not allowed; it must be finite and ≥ 0");
        }
        if (!(contraction > 0 && contraction <= 1)) {
            throw new IllegalArgumentException("contraction c = " + contraction + " is not allowed; it must be in (0, 1]");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations = " + iterations + " is not allowed; it must be ≥ 1");
        }
        if (!Double.isNaN(relativeLambda) && !(relativeLambda > 0 && Double.isFinite(relativeLambda))) {
            throw new IllegalArgumentException("relative lambda = " + relativeLambda
                    + " is not allowed; it must be finite and > 0 (or NaN for GCV)");
        }
    }

    /** Connection probability p, no weight bound, σ_ξ = 0.05, c = 1, 2000 iterations, λ by GCV. */
    public static SparseConfig of(double connectionProbability) {
        return new SparseConfig(connectionProbability, Double.POSITIVE_INFINITY, 0.05, 1.0, 2000, Double.NaN);
    }

    public SparseConfig withWeightBound(double b) {
        return new SparseConfig(connectionProbability, b, transverseScale, contraction, iterations, relativeLambda);
    }

    public SparseConfig withTransverseScale(double s) {
        return new SparseConfig(connectionProbability, weightBound, s, contraction, iterations, relativeLambda);
    }

    public SparseConfig withIterations(int k) {
        return new SparseConfig(connectionProbability, weightBound, transverseScale, contraction, k, relativeLambda);
    }

    public SparseConfig withRelativeLambda(double l) {
        return new SparseConfig(connectionProbability, weightBound, transverseScale, contraction, iterations, l);
    }

    /** True when the bound is finite (the fit then needs the projected-gradient stage). */
    public boolean bounded() {
        return weightBound != Double.POSITIVE_INFINITY;
    }
}
