package ddmatch.fit;

import ddmatch.linalg.GramProduct;
import ddmatch.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Multi-output ridge regression with the regularisation chosen by generalised cross-validation.
 *
 * <p><b>Description.</b> With M samples and F features, the smaller Gram matrix is formed: {@code G = ΦᵀΦ} (F × F,
 * primal) when M ≥ F, {@code K = ΦΦᵀ} (M × M, dual) otherwise, and reduced to tridiagonal form {@code Q T Qᵀ} by
 * Householder reflections ({@link SymmetricTridiagonal}; 4n³/3 flops, no eigenvectors). For every λ of a logarithmic
 * grid, the eigenvalues {@code eᵢ} of T give the trace of the hat matrix {@code tr H = Σ eᵢ/(eᵢ + λ)}, and the solution
 * {@code Q (T + λI)⁻¹ Qᵀ b} (an O(n) tridiagonal solve plus O(n²) per right-hand side for Q) gives the residual sum of
 * squares, hence the GCV score {@code M·RSS/(M − tr H)²} (Golub, Heath and Wahba, Technometrics 21, 215, 1979). The
 * λ that minimises it (shared by all outputs) gives the solution the same way; no inverse and no second factorisation
 * of the Gram matrix is formed. The shifted tridiagonal systems are solved by LDLᵀ when positive definite; if a pivot
 * is not positive (the regularised normal equations are numerically indefinite at a tiny λ), by elimination with
 * partial pivoting, and that is recorded in the result ({@link RidgeSolution#TRIDIAGONAL_LU}).
 *
 * <p>The grid is {@code λ = scale · 10^p}, {@code p = −16, −15.75, …, 0}, with {@code scale = tr(G)/F} the mean
 * eigenvalue. <b>Rounding floor.</b> Only λ at or above {@code λ_floor = n·u·e_max} is scored (n the order of the Gram
 * matrix, u = 2⁻⁵³ the unit roundoff, {@code e_max = ‖G‖₂} its largest eigenvalue, known from T); the grid points below
 * it keep a NaN score in the {@link LambdaCurve}. The Householder reduction is backward stable, the computed T being
 * orthogonally similar to {@code G + E} with {@code ‖E‖₂ ≲ c·n·u·‖G‖₂} (Golub and Van Loan, Matrix Computations, 4th ed.,
 * §8.3.1; Wilkinson, The Algebraic Eigenvalue Problem, 1965, ch. 3; c = 1 here), so a smaller λ regularises nothing that
 * rounding does not already perturb. Below it, on noise-free targets, the GCV scores are rounding noise (1e-13 … 1e-11 of
 * the targets' mean square, erratic from one grid point to the next): the Java and the native LAPACK reductions picked
 * λ 30× apart there for the same problem, and the smaller gave a full-rank network that left its manifold. Above the
 * floor the scores of the two kernels, of a Φ perturbed by 1e-15 and of another summation order agree to a few per
 * cent at the floor and to 1e-3 or better a few grid points above it, and the curves measured were increasing from the
 * floor on; so no tie rule is needed and the plain minimum is taken (an exact tie goes to the larger λ). Noise-free
 * targets therefore select the lowest admissible grid point, λ/scale ≈ 3e-12 … 1e-10 for N = 200 … 1000 tanh
 * features (e_max/scale ≈ 40 … 560); that is flagged in the result ({@link RidgeSolution#atRoundingFloor()}), not
 * treated as the grid's edge: the fit is as precise as the arithmetic allows. The floor is the worst-case bound and so
 * conservative: the measured onset of the rounding noise in the scores (N = 60 … 1000) is near {@code u·e_max}, about n
 * times lower, and the floor costs accuracy on noise-free targets. Held-out drift error of Lorenz, seed 1, M = 5000:
 * N = 400, 3.1e-5 at λ/scale = 1e-15 (below the floor, where the kernels disagree) and 5.9e-5 at the floor's grid point
 * 10^-10.75; N = 1000, 1.6e-6 at 10^-13.25 (still resolved: the kernels' scores agree to 0.6%) and 1.5e-5 at the
 * floor's grid point 10^-10. A floor of {@code √n·u·e_max}, the statistical size of the same rounding errors (Higham,
 * Accuracy and Stability of Numerical Algorithms, 2nd ed., §2.8), would be 1/√n of this one; it was not adopted because
 * at N = 60 its grid point is still within the noise (the kernels' scores differ by 12% there).
 *
 * <p>The grid is searched coarse to fine: the lowest admissible point and every whole decade above it, then the quarter
 * decades within one decade of the best one (GCV curves of these problems are unimodal on the decade scale; a curve
 * with several minima closer than a decade could be resolved to the wrong one).
 */
public final class RidgeRegression {
    /** Exponents of the default λ grid relative to the trace scale: from, to (inclusive) and step. */
    public static final double MIN_EXPONENT = -16.0;
    public static final double MAX_EXPONENT = 0.0;
    public static final double EXPONENT_STEP = 0.25;

    /** The unit roundoff of IEEE double precision, u = 2⁻⁵³ (Golub and Van Loan, 4th ed., §2.7). */
    static final double UNIT_ROUNDOFF = 0x1p-53;

    private RidgeRegression() {}

    /**
     * The rounding floor of λ: {@code n·u·e_max}, with n the order of the Gram matrix (the length of {@code e}), u the
     * unit roundoff and {@code e_max = ‖G‖₂} its largest eigenvalue. The Householder tridiagonalisation is backward
     * stable: the computed T is exactly orthogonally similar to {@code G + E} with {@code ‖E‖₂ ≲ c·n·u·‖G‖₂} (Golub and
     * Van Loan, Matrix Computations, 4th ed., §8.3.1; Wilkinson, The Algebraic Eigenvalue Problem, 1965, ch. 3), so
     * eigenvalues of G below that level are not resolved and a λ below it regularises nothing that rounding does not
     * already perturb. c = 1 is used.
     *
     * @param e the eigenvalues of the Gram matrix (any order; negative rounding values allowed)
     * @return the floor in the units of λ, ≥ 0
     */
    static double roundingFloor(double[] e) {
        double max = 0;
        for (double v : e) max = Math.max(max, v);
        return e.length * UNIT_ROUNDOFF * max;
    }

    /**
     * Fits with λ chosen by GCV.
     *
     * @param phi features Φ (M × F)
     * @param y   targets Y (M × outputs)
     */
    public static RidgeSolution fit(DMatrixRMaj phi, DMatrixRMaj y) {
        return fit(phi, y, Double.NaN);
    }

    /**
     * Fits with the given λ, or with λ chosen by GCV when {@code lambda} is NaN.
     *
     * @param lambda regularisation ≥ 0 in absolute units, or NaN to select it
     */
    public static RidgeSolution fit(DMatrixRMaj phi, DMatrixRMaj y, double lambda) {
        return fit(phi, y, lambda, true);
    }

    /**
     * As {@link #fit(DMatrixRMaj, DMatrixRMaj, double)}; without {@code allowNative} the pure-Java kernels are used even
     * when a native BLAS/LAPACK is loaded (to compare the two in one process).
     */
    static RidgeSolution fit(DMatrixRMaj phi, DMatrixRMaj y, double lambda, boolean allowNative) {
        int m = phi.numRows;
        int f = phi.numCols;
        int q = y.numCols;
        if (y.numRows != m) {
            throw new IllegalArgumentException("targets have " + y.numRows + " rows but features have " + m);
        }
        if (!Double.isNaN(lambda) && !(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda = " + lambda + " is not allowed; it must be finite and ≥ 0 (or NaN to select by GCV)");
        }
        boolean primal = m >= f;
        int n = primal ? f : m;
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        DMatrixRMaj rhs;
        if (primal) {
            if (allowNative) {
                GramProduct.computeFastest(phi.data, m, f, gram.data, ddmatch.solve.Parallelism.threads());
            } else {
                GramProduct.compute(phi.data, m, f, gram.data, ddmatch.solve.Parallelism.threads());
            }
            rhs = new DMatrixRMaj(f, q);
            CommonOps_DDRM.multTransA(phi, y, rhs);
        } else {
            if (!allowNative || !NativeBlas.gramOuter(phi.data, m, f, gram.data)) {
                CommonOps_DDRM.multOuter(phi, gram);
            }
            rhs = y.copy();
        }
        double trace = 0;
        for (int i = 0; i < n; i++) trace += gram.unsafe_get(i, i);
        double scale = trace / f;
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("the feature matrix is zero or non-finite (trace of its Gram matrix = " + trace
                    + "); check the inputs of the regression");
        }

        // G = Q T Qᵀ (G is overwritten by the reflectors); c = Qᵀ · right-hand side.
        SymmetricTridiagonal t = SymmetricTridiagonal.reduce(gram.data, n, ddmatch.solve.Parallelism.threads(), allowNative);
        double[] e = t.eigenvalues();
        for (int i = 0; i < n; i++) e[i] = Math.max(0.0, e[i]);
        double[] c = rhs.data.clone();
        t.applyQTranspose(c, q);

        double chosen = lambda;
        double gcv = Double.NaN;
        boolean edge = false;
        boolean atFloor = false;
        double floor = Double.NaN;
        LambdaCurve curve = LambdaCurve.NONE;
        if (Double.isNaN(lambda)) {
            int steps = (int) Math.round((MAX_EXPONENT - MIN_EXPONENT) / EXPONENT_STEP);
            double[] grid = new double[steps + 1];
            for (int s = 0; s <= steps; s++) grid[s] = scale * Math.pow(10.0, MIN_EXPONENT + s * EXPONENT_STEP);
            // λ below the rounding floor is not scored (NaN in the curve): see the class comment.
            floor = roundingFloor(e);
            int lowest = 0;
            while (lowest < steps && grid[lowest] < floor) lowest++;
            // Coarse-to-fine: the lowest admissible point and every decade above it first, then the quarter-decade
            // points around the best one (the primal score costs O(M·F·outputs) per λ, so this evaluates at most 24 of
            // the 65 grid points). Each pass scores its λ values together, so that Q and Φ are streamed once per pass
            // rather than once per λ.
            double[] scores = new double[steps + 1];
            java.util.Arrays.fill(scores, Double.NaN);
            int coarse = (int) Math.round(1.0 / EXPONENT_STEP);
            double best = Double.POSITIVE_INFINITY;
            int bestIndex = -1;
            for (int pass = 0; pass < 2; pass++) {
                int count = 0;
                int[] idx = new int[steps + 1];
                if (pass == 0) {
                    idx[count++] = lowest;
                    for (int s = 0; s <= steps; s += coarse) {
                        if (s > lowest) idx[count++] = s;
                    }
                } else {
                    int from = Math.max(lowest, bestIndex - coarse + 1);
                    int to = Math.min(steps, bestIndex + coarse - 1);
                    for (int s = from; s <= to; s++) {
                        if (Double.isNaN(scores[s])) idx[count++] = s;
                    }
                }
                double[] lams = new double[count];
                for (int k = 0; k < count; k++) lams[k] = grid[idx[k]];
                double[] g = primal ? gcvScoresPrimal(phi, y, t, e, c, lams, allowNative) : gcvScoresDual(t, e, c, q, m, lams);
                for (int k = 0; k < count; k++) {
                    scores[idx[k]] = g[k];
                    // Ties go to the larger λ (the more regularised of two equally good fits).
                    if (g[k] < best || (g[k] == best && idx[k] > bestIndex)) {
                        best = g[k];
                        bestIndex = idx[k];
                    }
                }
            }
            if (bestIndex < 0 || !Double.isFinite(best)) {
                throw new IllegalStateException("GCV: no λ of the grid gave a finite score for the " + n + " × " + n
                        + " Gram matrix (scale " + scale + "); give --lambda to fix it");
            }
            chosen = grid[bestIndex];
            atFloor = bestIndex == lowest;
            edge = bestIndex == steps && !atFloor;
            gcv = scores[bestIndex];
            curve = new LambdaCurve(LambdaCurve.Criterion.GCV, grid, scores, bestIndex);
        }
        double dof = 0;
        for (double ei : e) dof += ei / (ei + chosen);

        // The solution at the chosen λ: (G + λI)⁻¹ rhs = Q (T + λI)⁻¹ Qᵀ rhs (no second factorisation of G).
        double[] sol = c.clone();
        SymmetricTridiagonal.Solve how = t.solveShifted(chosen, sol, q, 0, q);
        if (how == SymmetricTridiagonal.Solve.SINGULAR) {
            throw new IllegalArgumentException("λ = " + chosen + " leaves the " + n + " × " + n
                    + " normal equations exactly singular; give a positive --lambda");
        }
        t.applyQ(sol, q);
        String factorization = how == SymmetricTridiagonal.Solve.LDLT ? RidgeSolution.TRIDIAGONAL_LDLT : RidgeSolution.TRIDIAGONAL_LU;
        DMatrixRMaj beta;
        if (primal) {
            beta = DMatrixRMaj.wrap(f, q, sol);
        } else {
            beta = new DMatrixRMaj(f, q);
            CommonOps_DDRM.multTransA(phi, DMatrixRMaj.wrap(m, q, sol), beta);
        }
        return new RidgeSolution(beta.data, f, q, chosen, scale, gcv, dof,
                primal ? RidgeSolution.Form.PRIMAL : RidgeSolution.Form.DUAL, factorization, edge, curve, floor, atFloor);
    }

    /**
     * Fits with λ chosen by k-fold cross-validation when {@code lambda} is NaN and {@code folds ≥ 2} (else as
     * {@link #fit(DMatrixRMaj, DMatrixRMaj, double)}): the λ that minimises {@link #kFoldCurve}'s held-out error is used
     * for the fit on all rows, and that curve is returned in the solution.
     */
    public static RidgeSolution fit(DMatrixRMaj phi, DMatrixRMaj y, double lambda, int folds) {
        if (folds == 0 || !Double.isNaN(lambda)) {
            return fit(phi, y, lambda);
        }
        KFold kf = kFold(phi, y, folds);
        LambdaCurve curve = kf.curve();
        RidgeSolution s = fit(phi, y, curve.lambdas()[curve.best()]);
        boolean atFloor = curve.best() == kf.lowest();
        return new RidgeSolution(s.coefficients(), s.features(), s.outputs(), s.lambda(), s.lambdaScale(), Double.NaN,
                s.effectiveDof(), s.form(), s.factorization(), curve.atEdge() && !atFloor, curve, kf.floor(), atFloor);
    }

    /** A k-fold curve with its rounding floor (the largest of the folds') and the index of the lowest scored λ. */
    private record KFold(LambdaCurve curve, double floor, int lowest) {}

    /**
     * The k-fold cross-validation curve: for each λ of the grid of {@link #fit} at or above the rounding floor (the
     * largest of the folds' {@code n·u·e_max}, see the class comment), searched coarse to fine the same way (the lowest
     * admissible point and the whole decades above it, then quarter decades around the best; NaN elsewhere), the mean
     * squared error of the held-out rows
     * over the {@code folds} folds. The folds are contiguous blocks of rows, not random subsets: training samples taken
     * along a trajectory are correlated in time, and a random split would let each held-out row be predicted from its
     * neighbours, underestimating the error (Bergmeir and Benítez, Information Sciences 191, 192, 2012). Each fold costs
     * one Gram product and one tridiagonalisation ({@link SymmetricTridiagonal}); each λ then costs
     * O(F²·outputs + M·F·outputs) per fold.
     *
     * @param phi   features Φ (M × F)
     * @param y     targets Y (M × outputs)
     * @param folds k, 2 ≤ k ≤ M/2
     */
    public static LambdaCurve kFoldCurve(DMatrixRMaj phi, DMatrixRMaj y, int folds) {
        return kFold(phi, y, folds).curve();
    }

    private static KFold kFold(DMatrixRMaj phi, DMatrixRMaj y, int folds) {
        int m = phi.numRows;
        int f = phi.numCols;
        int q = y.numCols;
        if (folds < 2 || folds > m / 2) {
            throw new IllegalArgumentException("folds = " + folds + " is not allowed for " + m + " samples; it must be in [2, "
                    + (m / 2) + "] (at least 2 rows per fold)");
        }
        double trace = 0;
        for (double v : phi.data) trace += v * v;
        double scale = trace / f;
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("the feature matrix is zero or non-finite (trace of its Gram matrix = " + trace
                    + "); check the inputs of the regression");
        }
        int steps = (int) Math.round((MAX_EXPONENT - MIN_EXPONENT) / EXPONENT_STEP);
        double[] grid = new double[steps + 1];
        for (int s = 0; s <= steps; s++) grid[s] = scale * Math.pow(10.0, MIN_EXPONENT + s * EXPONENT_STEP);
        // Per fold: the tridiagonal form Q T Qᵀ of the training Gram ΦᵀΦ and c = Qᵀ Φᵀ Y; the floor is the folds' largest.
        double floor = 0;
        SymmetricTridiagonal[] tri = new SymmetricTridiagonal[folds];
        double[][] proj = new double[folds][];
        int[] from = new int[folds + 1];
        for (int k = 0; k <= folds; k++) from[k] = (int) ((long) k * m / folds);
        for (int k = 0; k < folds; k++) {
            int rows = m - (from[k + 1] - from[k]);
            DMatrixRMaj pt = new DMatrixRMaj(rows, f);
            DMatrixRMaj yt = new DMatrixRMaj(rows, q);
            int r2 = 0;
            for (int r = 0; r < m; r++) {
                if (r >= from[k] && r < from[k + 1]) {
                    continue;
                }
                System.arraycopy(phi.data, r * f, pt.data, r2 * f, f);
                System.arraycopy(y.data, r * q, yt.data, r2 * q, q);
                r2++;
            }
            double[] gram = new double[f * f];
            GramProduct.computeFastest(pt.data, rows, f, gram, ddmatch.solve.Parallelism.threads());
            tri[k] = SymmetricTridiagonal.reduce(gram, f, ddmatch.solve.Parallelism.threads());
            floor = Math.max(floor, roundingFloor(tri[k].eigenvalues()));
            DMatrixRMaj rhs = new DMatrixRMaj(f, q);
            CommonOps_DDRM.multTransA(pt, yt, rhs);
            proj[k] = rhs.data;
            tri[k].applyQTranspose(proj[k], q);
        }
        double[] scores = new double[steps + 1];
        java.util.Arrays.fill(scores, Double.NaN);
        int coarse = (int) Math.round(1.0 / EXPONENT_STEP);
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        double[] beta = new double[f * q];
        int lowest = 0;
        while (lowest < steps && grid[lowest] < floor) lowest++;
        for (int pass = 0; pass < 2; pass++) {
            int lo = pass == 0 ? lowest : Math.max(lowest, bestIndex - coarse + 1);
            int hi = pass == 0 ? steps : Math.min(steps, bestIndex + coarse - 1);
            // Pass 0: the lowest admissible point, then every whole decade above it; pass 1: quarter decades.
            for (int s = lo; s <= hi; s = pass == 1 ? s + 1 : s == lowest ? (lowest / coarse + 1) * coarse : s + coarse) {
                if (!Double.isNaN(scores[s])) {
                    continue;
                }
                double sse = 0;
                for (int k = 0; k < folds; k++) {
                    System.arraycopy(proj[k], 0, beta, 0, beta.length);
                    if (tri[k].solveShifted(grid[s], beta, q, 0, q) == SymmetricTridiagonal.Solve.SINGULAR) {
                        sse = Double.POSITIVE_INFINITY;
                        break;
                    }
                    tri[k].applyQ(beta, q);
                    for (int r = from[k]; r < from[k + 1]; r++) {
                        for (int c = 0; c < q; c++) {
                            double pred = 0;
                            for (int j = 0; j < f; j++) pred += phi.data[r * f + j] * beta[j * q + c];
                            double e = y.data[r * q + c] - pred;
                            sse += e * e;
                        }
                    }
                }
                double score = Double.isFinite(sse) ? sse / ((double) m * q) : Double.POSITIVE_INFINITY;
                scores[s] = score;
                if (score < best) {
                    best = score;
                    bestIndex = s;
                }
            }
        }
        return new KFold(new LambdaCurve(LambdaCurve.Criterion.K_FOLD, grid, scores, bestIndex), floor, lowest);
    }

    /**
     * GCV scores {@code M·RSS/(M − tr H)²} of the primal problem at each λ of {@code lams}, with the residual computed
     * directly, {@code RSS = ‖Y − Φ β(λ)‖²}, {@code β(λ) = Q (T + λI)⁻¹ c}: the closed form
     * {@code ‖Y‖² − Σ proj²(e + 2λ)/(e + λ)²} cancels catastrophically for noise-free targets, whose relative residuals
     * reach 1e-10, and would select λ by rounding noise. All λ share one pass of Q over the block of solutions and one
     * pass over Φ. Cost O(L·(n²·q + M·n·q)) for L values of λ; memory O((n + M)·L·q).
     */
    static double[] gcvScoresPrimal(DMatrixRMaj phi, DMatrixRMaj y, SymmetricTridiagonal t, double[] e, double[] c,
                                    double[] lams, boolean allowNative) {
        int n = e.length;
        int q = y.numCols;
        int m = phi.numRows;
        int len = lams.length;
        int cols = len * q;
        double[] scores = new double[len];
        if (len == 0) {
            return scores;
        }
        double[] w = new double[n * cols];
        boolean[] singular = new boolean[len];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < len; k++) System.arraycopy(c, i * q, w, i * cols + k * q, q);
        }
        for (int k = 0; k < len; k++) {
            singular[k] = t.solveShifted(lams[k], w, cols, k * q, q) == SymmetricTridiagonal.Solve.SINGULAR;
        }
        t.applyQ(w, cols);
        double[] rss = allowNative ? residuals(phi.data, m, n, y.data, q, w, cols)
                : residualsJava(phi.data, m, n, y.data, q, w, cols);
        for (int k = 0; k < len; k++) {
            double denom = m - n;
            for (int i = 0; i < n; i++) denom += lams[k] / (e[i] + lams[k]);
            scores[k] = singular[k] || denom <= 0 || !Double.isFinite(rss[k]) ? Double.POSITIVE_INFINITY
                    : m * rss[k] / (denom * denom);
        }
        return scores;
    }

    /**
     * Per block of q columns of W (cols = L·q): {@code ‖Y − Φ W_k‖²}. Rows of Φ are taken four at a time so that each
     * row of W, read once, serves four rows of the product (the inner loop runs over W's row, contiguous).
     */
    static double[] residuals(double[] phi, int m, int n, double[] y, int q, double[] w, int cols) {
        int len = cols / q;
        double[] rss = new double[len];
        if (NativeBlas.available()) {
            // M × cols: the same order as Y (q = d columns per λ), so within O(M·d) per λ.
            double[] fitted = new double[m * cols];
            NativeBlas.multiply(phi, m, n, w, cols, fitted);
            for (int r = 0; r < m; r++) {
                for (int k = 0; k < len; k++) {
                    double s = 0;
                    for (int o = 0; o < q; o++) {
                        double d = y[r * q + o] - fitted[r * cols + k * q + o];
                        s += d * d;
                    }
                    rss[k] += s;
                }
            }
            return rss;
        }
        return residualsJava(phi, m, n, y, q, w, cols);
    }

    /**
     * {@link #residuals} without the native BLAS. Row blocks of {@value #RESIDUAL_ROWS} are shared among
     * {@link ddmatch.solve.Parallelism#threads()} threads; each row's squared residuals are stored and then added in
     * row order on the calling thread, so the sums are those of a single-threaded row-by-row loop, bit for bit, for any
     * thread count.
     */
    static double[] residualsJava(double[] phi, int m, int n, double[] y, int q, double[] w, int cols) {
        int len = cols / q;
        double[] perRow = new double[m * len];
        int blocks = (m + RESIDUAL_ROWS - 1) / RESIDUAL_ROWS;
        Chunks.run(blocks, ddmatch.solve.Parallelism.threads(), "ddmatch-gcv", b ->
                residualRows(phi, m, n, y, q, w, cols, b * RESIDUAL_ROWS, Math.min(m, (b + 1) * RESIDUAL_ROWS), perRow));
        double[] rss = new double[len];
        for (int r = 0; r < m; r++) {
            for (int k = 0; k < len; k++) rss[k] += perRow[r * len + k];
        }
        return rss;
    }

    /** Rows per task of {@link #residualsJava} (a multiple of 4). */
    static final int RESIDUAL_ROWS = 256;

    /**
     * {@code perRow[r·len + k] = ‖Y_r − (Φ W_k)_r‖²} for rows {@code [from, to)}, from a multiple of 4. Rows of Φ are
     * taken four at a time so that each row of W, read once, serves four rows of the product (the inner loop runs over
     * W's row, contiguous).
     */
    private static void residualRows(double[] phi, int m, int n, double[] y, int q, double[] w, int cols, int from, int to,
                                     double[] perRow) {
        int len = cols / q;
        double[] f0 = new double[cols], f1 = new double[cols], f2 = new double[cols], f3 = new double[cols];
        for (int r = from; r < to; r += 4) {
            int rows = Math.min(4, to - r);
            java.util.Arrays.fill(f0, 0.0);
            java.util.Arrays.fill(f1, 0.0);
            java.util.Arrays.fill(f2, 0.0);
            java.util.Arrays.fill(f3, 0.0);
            int p0 = r * n, p1 = Math.min(r + 1, m - 1) * n, p2 = Math.min(r + 2, m - 1) * n, p3 = Math.min(r + 3, m - 1) * n;
            for (int j = 0; j < n; j++) {
                double a0 = phi[p0 + j], a1 = phi[p1 + j], a2 = phi[p2 + j], a3 = phi[p3 + j];
                int wj = j * cols;
                for (int k = 0; k < cols; k++) {
                    double x = w[wj + k];
                    f0[k] += a0 * x;
                    f1[k] += a1 * x;
                    f2[k] += a2 * x;
                    f3[k] += a3 * x;
                }
            }
            for (int a = 0; a < rows; a++) {
                double[] fa = a == 0 ? f0 : a == 1 ? f1 : a == 2 ? f2 : f3;
                int yr = (r + a) * q;
                for (int k = 0; k < len; k++) {
                    double s = 0;
                    for (int o = 0; o < q; o++) {
                        double d = y[yr + o] - fa[k * q + o];
                        s += d * d;
                    }
                    perRow[(r + a) * len + k] = s;
                }
            }
        }
    }

    /**
     * GCV scores of the dual problem ({@code K = ΦΦᵀ = Q T Qᵀ}, {@code c = QᵀY}): {@code I − H = λ(K + λI)⁻¹}, so
     * {@code RSS = λ²‖(T + λI)⁻¹ c‖²} (Q is orthogonal) and {@code M − tr H = Σ λ/(eᵢ + λ)}, both free of cancellation.
     */
    static double[] gcvScoresDual(SymmetricTridiagonal t, double[] e, double[] c, int q, int m, double[] lams) {
        double[] scores = new double[lams.length];
        double[] x = new double[c.length];
        for (int k = 0; k < lams.length; k++) {
            double lam = lams[k];
            System.arraycopy(c, 0, x, 0, c.length);
            if (t.solveShifted(lam, x, q, 0, q) == SymmetricTridiagonal.Solve.SINGULAR) {
                scores[k] = Double.POSITIVE_INFINITY;
                continue;
            }
            double rss = 0;
            for (double v : x) rss += v * v;
            rss *= lam * lam;
            double denom = 0;
            for (double ei : e) denom += lam / (ei + lam);
            scores[k] = denom <= 0 || !Double.isFinite(rss) ? Double.POSITIVE_INFINITY : m * rss / (denom * denom);
        }
        return scores;
    }
}
