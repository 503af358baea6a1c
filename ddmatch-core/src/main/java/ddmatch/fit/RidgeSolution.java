package ddmatch.fit;

/**
 * The outcome of a ridge regression {@code min ‖Φ β − Y‖² + λ‖β‖²}.
 *
 * @param coefficients β, row-major features × outputs
 * @param features     number of features (columns of Φ)
 * @param outputs      number of outputs (columns of Y)
 * @param lambda       the regularisation used
 * @param lambdaScale  the trace scale tr(ΦᵀΦ)/features against which λ was searched (λ/scale is the relative value)
 * @param gcv          the generalised cross-validation score at λ (mean squared residual over (1 − tr H/M)²); NaN if λ
 *                     was given rather than selected
 * @param effectiveDof tr H, the effective number of parameters at λ
 * @param form         which normal equations were solved
 * @param factorization how they were solved ("cholesky", or "eigen" when Cholesky failed as ill-conditioned)
 * @param atGridEdge   true if the selected λ is the smallest or largest value of the search grid (widen it)
 * @param curve        the selection curve (λ grid and scores, for plotting); {@link LambdaCurve#NONE} when λ was given
 */
public record RidgeSolution(double[] coefficients, int features, int outputs, double lambda, double lambdaScale, double gcv,
                            double effectiveDof, Form form, String factorization, boolean atGridEdge, LambdaCurve curve) {

    /** A solution without a selection curve (λ given). */
    public RidgeSolution(double[] coefficients, int features, int outputs, double lambda, double lambdaScale, double gcv,
                         double effectiveDof, Form form, String factorization, boolean atGridEdge) {
        this(coefficients, features, outputs, lambda, lambdaScale, gcv, effectiveDof, form, factorization, atGridEdge,
                LambdaCurve.NONE);
    }

    /** The normal equations solved. */
    public enum Form {
        /** {@code (ΦᵀΦ + λI) β = ΦᵀY}: features × features, used when samples ≥ features. */
        PRIMAL,
        /** {@code β = Φᵀ (ΦΦᵀ + λI)⁻¹ Y}: samples × samples, used when samples &lt; features. */
        DUAL
    }

    public RidgeSolution {
        if (curve == null) {
            throw new IllegalArgumentException("curve = null is not allowed; use LambdaCurve.NONE");
        }
        if (coefficients.length != features * outputs) {
            throw new IllegalArgumentException("coefficients have " + coefficients.length + " entries; expected "
                    + features + "·" + outputs);
        }
    }
}
