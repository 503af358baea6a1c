package ddmatch.fit;

/**
 * The score of each candidate λ of a ridge selection, for plotting and for checking that the minimum is interior.
 *
 * @param criterion what was scored
 * @param lambdas   the λ grid in absolute units, increasing
 * @param scores    the score at each λ (lower is better); NaN where it was not evaluated: below the rounding floor
 *                  ({@link RidgeRegression}) or skipped by the coarse-to-fine search
 * @param best      index of the chosen λ
 */
public record LambdaCurve(Criterion criterion, double[] lambdas, double[] scores, int best) {
    /** The empty curve of a fit whose λ was given. */
    public static final LambdaCurve NONE = new LambdaCurve(Criterion.GIVEN, new double[0], new double[0], -1);

    /** The selection criterion. */
    public enum Criterion {
        /** λ given by the user: nothing scored. */
        GIVEN,
        /** Generalised cross-validation {@code M·RSS/(M − tr H)²} (Golub, Heath and Wahba 1979). */
        GCV,
        /** Mean squared error on held-out folds of k-fold cross-validation, in the units of the targets. */
        K_FOLD
    }

    public LambdaCurve {
        if (lambdas.length != scores.length) {
            throw new IllegalArgumentException("lambda curve: " + lambdas.length + " λ values and " + scores.length
                    + " scores; expected one score per λ");
        }
        if (best < -1 || best >= lambdas.length) {
            throw new IllegalArgumentException("lambda curve: best = " + best + " is not allowed; expected an index in [0, "
                    + lambdas.length + ") or −1 for none");
        }
        lambdas = lambdas.clone();
        scores = scores.clone();
    }

    @Override public double[] lambdas() { return lambdas.clone(); }

    @Override public double[] scores() { return scores.clone(); }

    /**
     * Whether the chosen λ is the first or last grid point (the true minimum may lie outside the grid). GCV curves never
     * score the first point (the rounding floor n·u·e_max always exceeds 10⁻¹⁶ × the trace scale), so for them this is
     * the upper edge.
     */
    public boolean atEdge() {
        return best >= 0 && (best == 0 || best == lambdas.length - 1);
    }
}
