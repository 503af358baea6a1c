package ddmatch.fit;

/**
 * Constraints on a dense connectivity J and the settings of its constrained fit ({@link ConstrainedMatcher}).
 *
 * @param excitatoryFraction fraction in [0, 1] of excitatory units under Dale's law (units 0 … round(f·N) − 1 are
 *                           excitatory: column j of J is ≥ 0; the others inhibitory: column j ≤ 0), or NaN for no
 *                           sign constraint. The embedding is random, so which units are excitatory is immaterial
 * @param connectionProbability p in (0, 1]: each entry of J is allowed (kept nonzero) with probability p by a seeded
 *                           mask; 1 for no mask. Diagonal entries are allowed like the others
 * @param weightBound        bound B &gt; 0 on |J_ij| (+∞ for none)
 * @param contraction        c in (0, 1]: the transverse deviation ξ of an off-manifold sample is to relax at rate c/τ
 *                           (c = 1: as fast as the leak, as in a factored network)
 * @param transverseScale    σ_ξ ≥ 0: standard deviation per unit of the off-manifold offsets ξ ⟂ span(U); 0 for no
 *                           off-manifold samples (DESIGN warns: then a sign-constrained J leaves the manifold)
 * @param balanceWeight      w ≥ 0: weight of the linear-response rows {@code J (φ'(x_n) ⊙ ê) = (1 − c) ê} for the
 *                           uniform mode ê (all ones, projected out of span U): they ask each neuron for E/I balance.
 *                           A sign-constrained J acts on this mode with all the weights of a column at once; 0 for none
 * @param relativeLambda     λ as a multiple of the trace scale tr(ΦᵀΦ)/N, &gt; 0 (used when the matching
 *                           configuration leaves λ to be selected)
 * @param iterations         number of accelerated projected-gradient iterations (≥ 1)
 */
public record Constraints(double excitatoryFraction, double connectionProbability, double weightBound, double contraction,
                          double transverseScale, double balanceWeight, double relativeLambda, int iterations) {
    public Constraints {
        if (!Double.isNaN(excitatoryFraction) && !(excitatoryFraction >= 0 && excitatoryFraction <= 1)) {
            throw new IllegalArgumentException("excitatory fraction = " + excitatoryFraction
                    + " is not allowed; it must be in [0, 1] (or NaN for no Dale constraint)");
        }
        if (!(connectionProbability > 0 && connectionProbability <= 1)) {
            throw new IllegalArgumentException("connection probability = " + connectionProbability + " is not allowed; it must be in (0, 1]");
        }
        if (!(weightBound > 0)) {
            throw new IllegalArgumentException("weight bound = " + weightBound + " is not allowed; it must be > 0 (or +∞ for none)");
        }
        if (!(contraction > 0 && contraction <= 1)) {
            throw new IllegalArgumentException("contraction c = " + contraction + " is not allowed; it must be in (0, 1]");
        }
        if (!(transverseScale >= 0) || !Double.isFinite(transverseScale)) {
            throw new IllegalArgumentException("transverse scale = " + transverseScale + " is not allowed; it must be finite and ≥ 0");
        }
        if (!(balanceWeight >= 0) || !Double.isFinite(balanceWeight)) {
            throw new IllegalArgumentException("balance weight = " + balanceWeight + " is not allowed; it must be finite and ≥ 0");
        }
        if (!(relativeLambda > 0) || !Double.isFinite(relativeLambda)) {
            throw new IllegalArgumentException("relative lambda = " + relativeLambda + " is not allowed; it must be finite and > 0");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations = " + iterations + " is not allowed; it must be ≥ 1");
        }
    }

    /**
     * Dale's law with {@code excitatoryFraction} excitatory units, no mask, no bound, c = 1, σ_ξ = 0.2, balance
     * weight 10, λ = 1e-4 of the trace scale, 500 iterations.
     */
    public static Constraints dale(double excitatoryFraction) {
        return new Constraints(excitatoryFraction, 1.0, Double.POSITIVE_INFINITY, 1.0, 0.2, 10.0, 1e-4, 500);
    }

    public Constraints withIterations(int k) {
        return new Constraints(excitatoryFraction, connectionProbability, weightBound, contraction, transverseScale, balanceWeight, relativeLambda, k);
    }

    public Constraints withTransverseScale(double s) {
        return new Constraints(excitatoryFraction, connectionProbability, weightBound, contraction, s, balanceWeight, relativeLambda, iterations);
    }

    public Constraints withRelativeLambda(double l) {
        return new Constraints(excitatoryFraction, connectionProbability, weightBound, contraction, transverseScale, balanceWeight, l, iterations);
    }

    public Constraints withBalanceWeight(double w) {
        return new Constraints(excitatoryFraction, connectionProbability, weightBound, contraction, transverseScale, w, relativeLambda, iterations);
    }

    public Constraints withWeightBound(double bound) {
        return new Constraints(excitatoryFraction, connectionProbability, bound, contraction, transverseScale, balanceWeight, relativeLambda, iterations);
    }

    public Constraints withConnectionProbability(double p) {
        return new Constraints(excitatoryFraction, p, weightBound, contraction, transverseScale, balanceWeight, relativeLambda, iterations);
    }

    /** Number of excitatory units of an N-unit network (all N when there is no Dale constraint). */
    public int excitatoryCount(int neurons) {
        return Double.isNaN(excitatoryFraction) ? neurons : (int) Math.round(excitatoryFraction * neurons);
    }

    /**
     * Per-entry bounds {@code lo ≤ J_ij ≤ hi} (row-major N × N) that encode all constraints: a box, so that the
     * Euclidean projection is an entrywise clamp. A masked-out entry has {@code lo = hi = 0}.
     */
    public void bounds(int neurons, long maskSeed, double[] lo, double[] hi) {
        int n = neurons;
        int exc = excitatoryCount(n);
        boolean dale = !Double.isNaN(excitatoryFraction);
        java.util.SplittableRandom mask = new java.util.SplittableRandom(maskSeed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double l = -weightBound, h = weightBound;
                if (dale) {
                    if (j < exc) l = 0.0; else h = 0.0;
                }
                if (connectionProbability < 1 && mask.nextDouble() >= connectionProbability) {
                    l = 0.0;
                    h = 0.0;
                }
                lo[i * n + j] = l;
                hi[i * n + j] = h;
            }
        }
    }
}
