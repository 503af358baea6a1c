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
 * @param factorization how they were solved: {@link #TRIDIAGONAL_LDLT} (positive definite), {@link #TRIDIAGONAL_LU}
 *                     (numerically indefinite, so ill-conditioned); "cholesky" or "eigen" in models of earlier versions
 * @param atGridEdge   true if the selected λ is the largest value of the search grid (the optimum may lie beyond it);
 *                     never true at the lower end, which is the rounding floor instead (see {@code atRoundingFloor})
 * @param curve        the selection curve (λ grid and scores, for plotting); {@link LambdaCurve#NONE} when λ was given
 * @param roundingFloor the smallest λ the selection scored, {@code n·u·e_max} in absolute units (n the order of the
 *                     Gram matrix, u = 2⁻⁵³ the unit roundoff, e_max its largest eigenvalue; see
 *                     {@link RidgeRegression}); NaN when λ was given
 * @param atRoundingFloor true if the selected λ is the smallest grid value at or above {@code roundingFloor}: the fit is
 *                     regularised as little as the rounding of its Gram matrix allows (not a reason to widen the grid)
 */
public record RidgeSolution(double[] coefficients, int features, int outputs, double lambda, double lambdaScale, double gcv,
                            double effectiveDof, Form form, String factorization, boolean atGridEdge, LambdaCurve curve,
                            double roundingFloor, boolean atRoundingFloor) {

    /** Factorisation label: the tridiagonal form of the regularised normal equations was positive definite (LDLᵀ). */
    public static final String TRIDIAGONAL_LDLT = "tridiagonal-ldlt";
    /** Factorisation label: it was not positive definite to working precision and was solved with partial pivoting. */
    public static final String TRIDIAGONAL_LU = "tridiagonal-lu";

    /** True when the regularised normal equations were positive definite to working precision (a well-posed fit). */
    public boolean positiveDefinite() {
        return TRIDIAGONAL_LDLT.equals(factorization) || "cholesky".equals(factorization);
    }

    /** A solution without a selection curve (λ given): no rounding floor. */
    public RidgeSolution(double[] coefficients, int features, int outputs, double lambda, double lambdaScale, double gcv,
                         double effectiveDof, Form form, String factorization, boolean atGridEdge) {
        this(coefficients, features, outputs, lambda, lambdaScale, gcv, effectiveDof, form, factorization, atGridEdge,
                LambdaCurve.NONE, Double.NaN, false);
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
        if (atRoundingFloor && !(roundingFloor > 0)) {
            throw new IllegalArgumentException("atRoundingFloor = true with roundingFloor = " + roundingFloor
                    + " is not allowed; a λ at the floor needs a floor > 0");
        }
        if (coefficients.length != features * outputs) {
            throw new IllegalArgumentException("coefficients have " + coefficients.length + " entries; expected "
                    + features + "·" + outputs);
        }
    }
}
