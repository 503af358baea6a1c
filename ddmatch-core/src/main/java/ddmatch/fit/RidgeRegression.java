package ddmatch.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Multi-output ridge regression with the regularisation chosen by generalised cross-validation.
 *
 * <p><b>Description.</b> With M samples and F features, the smaller Gram matrix is formed: {@code G = ΦᵀΦ} (F × F,
 * primal) when M ≥ F, {@code K = ΦΦᵀ} (M × M, dual) otherwise. Its symmetric eigendecomposition {@code Σ e_i v_i v_iᵀ}
 * gives, for every λ of a logarithmic grid at no further O(n³) cost, the residual sum of squares and the trace of the
 * hat matrix {@code tr H = Σ e_i/(e_i + λ)}, hence the GCV score {@code M·RSS/(M − tr H)²} (Golub, Heath and Wahba,
 * Technometrics 21, 215, 1979). The λ that minimises it (shared by all outputs) is then used in a Cholesky solve of
 * the normal equations; no inverse is formed. If Cholesky fails (the matrix is numerically indefinite at a tiny λ),
 * the solution is taken from the eigendecomposition and the fallback is recorded in the result.
 *
 * <p>The grid is {@code λ = scale · 10^p}, {@code p = −16, −15.75, …, 0}, with {@code scale = tr(G)/F} the mean
 * eigenvalue: noise-free targets typically select p ≈ −13 (DESIGN §1.4). It is searched coarse to fine: every whole
 * decade, then the quarter decades within one decade of the best one (GCV curves of these problems are unimodal on
 * the decade scale; a curve with several minima closer than a decade could be resolved to the wrong one).
 */
public final class RidgeRegression {
    /** Exponents of the default λ grid relative to the trace scale. */
    public static final double MIN_EXPONENT = -16.0;
    public static final double MAX_EXPONENT = 0.0;
    public static final double EXPONENT_STEP = 0.25;

    private RidgeRegression() {}

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
            GramProduct.compute(phi.data, m, f, gram.data, ddmatch.solve.Parallelism.threads());
            rhs = new DMatrixRMaj(f, q);
            CommonOps_DDRM.multTransA(phi, y, rhs);
        } else {
            CommonOps_DDRM.multOuter(phi, gram);
            rhs = y.copy();
        }
        double trace = 0;
        for (int i = 0; i < n; i++) trace += gram.unsafe_get(i, i);
        double scale = trace / f;
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("the feature matrix is zero or non-finite (trace of its Gram matrix = " + trace
                    + "); check the inputs of the regression");
        }

        double chosen = lambda;
        double gcv = Double.NaN;
        double dof = Double.NaN;
        boolean edge = false;
        LambdaCurve curve = LambdaCurve.NONE;
        double[] e = null;
        DMatrixRMaj vecs = null;
        DMatrixRMaj proj = null;
        {
            // The eigendecomposition is needed for GCV; it also gives tr H at a given λ and the fallback solution.
            EigenDecomposition_F64<DMatrixRMaj> eig = symmetricEigen(gram, n);
            if (eig == null) {
                throw new IllegalStateException("eigendecomposition of the " + n + " × " + n + " Gram matrix failed to converge"
                        + " even with 200·n QR iterations; give --lambda to skip the GCV search");
            }
            e = new double[n];
            vecs = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                e[i] = Math.max(0.0, eig.getEigenvalue(i).real);
                DMatrixRMaj v = eig.getEigenVector(i);
                for (int r = 0; r < n; r++) vecs.unsafe_set(r, i, v.data[r]);
            }
            proj = new DMatrixRMaj(n, q);
            CommonOps_DDRM.multTransA(vecs, rhs, proj);
            double yy = 0;
            for (double v : y.data) yy += v * v;
            if (Double.isNaN(lambda)) {
                int steps = (int) Math.round((MAX_EXPONENT - MIN_EXPONENT) / EXPONENT_STEP);
                double best = Double.POSITIVE_INFINITY;
                int bestIndex = -1;
                DMatrixRMaj beta = primal ? new DMatrixRMaj(f, q) : null;
                DMatrixRMaj fitted = primal ? new DMatrixRMaj(m, q) : null;
                // Coarse-to-fine: every decade first, then the quarter-decade points around the best decade. The
                // primal score costs O(M·F·outputs) per λ, so this evaluates 24 of the 65 grid points.
                double[] scores = new double[steps + 1];
                java.util.Arrays.fill(scores, Double.NaN);
                int coarse = (int) Math.round(1.0 / EXPONENT_STEP);
                for (int pass = 0; pass < 2; pass++) {
                    int from = pass == 0 ? 0 : Math.max(0, bestIndex - coarse + 1);
                    int to = pass == 0 ? steps : Math.min(steps, bestIndex + coarse - 1);
                    int stride = pass == 0 ? coarse : 1;
                    for (int s = from; s <= to; s += stride) {
                        if (!Double.isNaN(scores[s])) {
                            continue;
                        }
                        double lam = scale * Math.pow(10.0, MIN_EXPONENT + s * EXPONENT_STEP);
                        double g = primal ? gcvScorePrimal(phi, y, vecs, e, proj, lam, beta, fitted)
                                : gcvScore(e, proj, yy, m, lam, false);
                        scores[s] = g;
                        if (g < best) {
                            best = g;
                            bestIndex = s;
                        }
                    }
                }
                chosen = scale * Math.pow(10.0, MIN_EXPONENT + bestIndex * EXPONENT_STEP);
                edge = bestIndex == 0 || bestIndex == steps;
                gcv = best;
                double[] grid = new double[steps + 1];
                for (int s = 0; s <= steps; s++) grid[s] = scale * Math.pow(10.0, MIN_EXPONENT + s * EXPONENT_STEP);
                curve = new LambdaCurve(LambdaCurve.Criterion.GCV, grid, scores, bestIndex);
            }
            dof = 0;
            for (double ei : e) dof += ei / (ei + chosen);
        }

        DMatrixRMaj reg = gram.copy();
        for (int i = 0; i < n; i++) reg.unsafe_set(i, i, reg.unsafe_get(i, i) + chosen);
        DMatrixRMaj sol = new DMatrixRMaj(n, q);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        String factorization = "cholesky";
        boolean ok = chol.setA(reg);
        if (ok) {
            chol.solve(rhs, sol);
            for (double v : sol.data) {
                if (!Double.isFinite(v)) {
                    ok = false;
                    break;
                }
            }
        }
        if (!ok) {
            factorization = "eigen";
            for (int i = 0; i < n; i++) {
                double w = e[i] + chosen > 0 ? 1.0 / (e[i] + chosen) : 0.0;
                for (int c = 0; c < q; c++) proj.unsafe_set(i, c, proj.unsafe_get(i, c) * w);
            }
            CommonOps_DDRM.mult(vecs, proj, sol);
        }
        DMatrixRMaj beta;
        if (primal) {
            beta = sol;
        } else {
            beta = new DMatrixRMaj(f, q);
            CommonOps_DDRM.multTransA(phi, sol, beta);
        }
        return new RidgeSolution(beta.data, f, q, chosen, scale, gcv, dof,
                primal ? RidgeSolution.Form.PRIMAL : RidgeSolution.Form.DUAL, factorization, edge, curve);
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
        LambdaCurve curve = kFoldCurve(phi, y, folds);
        RidgeSolution s = fit(phi, y, curve.lambdas()[curve.best()]);
        return new RidgeSolution(s.coefficients(), s.features(), s.outputs(), s.lambda(), s.lambdaScale(), Double.NaN,
                s.effectiveDof(), s.form(), s.factorization(), curve.atEdge(), curve);
    }

    /**
     * The k-fold cross-validation curve: for each λ of the grid of {@link #fit} (searched coarse to fine the same way:
     * whole decades, then quarter decades around the best; NaN elsewhere), the mean squared error of the held-out rows
     * over the {@code folds} folds. The folds are contiguous blocks of rows, not random subsets: training samples taken
     * along a trajectory are correlated in time, and a random split would let each held-out row be predicted from its
     * neighbours, underestimating the error (Bergmeir and Benítez, Information Sciences 191, 192, 2012). Each fold costs
     * one eigendecomposition of its Gram matrix; each λ then costs O(F²·outputs + M·F·outputs) per fold.
     *
     * @param phi   features Φ (M × F)
     * @param y     targets Y (M × outputs)
     * @param folds k, 2 ≤ k ≤ M/2
     */
    public static LambdaCurve kFoldCurve(DMatrixRMaj phi, DMatrixRMaj y, int folds) {
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
        // Per fold: eigenvectors V and eigenvalues e of the training Gram ΦᵀΦ, and Vᵀ Φᵀ Y.
        DMatrixRMaj[] vecs = new DMatrixRMaj[folds];
        double[][] eig = new double[folds][];
        DMatrixRMaj[] proj = new DMatrixRMaj[folds];
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
            DMatrixRMaj gram = new DMatrixRMaj(f, f);
            CommonOps_DDRM.multTransA(pt, pt, gram);
            EigenDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.eig(f, true, true);
            // (fold Gram matrices are smaller than the full one; the full fit's retry below covers the large case)
            if (!dec.decompose(gram)) {
                throw new IllegalStateException("eigendecomposition of the " + f + " × " + f + " Gram matrix of fold " + k + " failed");
            }
            eig[k] = new double[f];
            vecs[k] = new DMatrixRMaj(f, f);
            for (int i = 0; i < f; i++) {
                eig[k][i] = Math.max(0.0, dec.getEigenvalue(i).real);
                DMatrixRMaj v = dec.getEigenVector(i);
                for (int r = 0; r < f; r++) vecs[k].unsafe_set(r, i, v.data[r]);
            }
            DMatrixRMaj rhs = new DMatrixRMaj(f, q);
            CommonOps_DDRM.multTransA(pt, yt, rhs);
            proj[k] = new DMatrixRMaj(f, q);
            CommonOps_DDRM.multTransA(vecs[k], rhs, proj[k]);
        }
        double[] scores = new double[steps + 1];
        java.util.Arrays.fill(scores, Double.NaN);
        int coarse = (int) Math.round(1.0 / EXPONENT_STEP);
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        DMatrixRMaj scaled = new DMatrixRMaj(f, q);
        DMatrixRMaj beta = new DMatrixRMaj(f, q);
        for (int pass = 0; pass < 2; pass++) {
            int lo = pass == 0 ? 0 : Math.max(0, bestIndex - coarse + 1);
            int hi = pass == 0 ? steps : Math.min(steps, bestIndex + coarse - 1);
            for (int s = lo; s <= hi; s += pass == 0 ? coarse : 1) {
                if (!Double.isNaN(scores[s])) {
                    continue;
                }
                double sse = 0;
                for (int k = 0; k < folds; k++) {
                    for (int i = 0; i < f; i++) {
                        double w = 1.0 / (eig[k][i] + grid[s]);
                        for (int c = 0; c < q; c++) scaled.unsafe_set(i, c, proj[k].unsafe_get(i, c) * w);
                    }
                    CommonOps_DDRM.mult(vecs[k], scaled, beta);
                    for (int r = from[k]; r < from[k + 1]; r++) {
                        for (int c = 0; c < q; c++) {
                            double pred = 0;
                            for (int j = 0; j < f; j++) pred += phi.data[r * f + j] * beta.data[j * q + c];
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
        return new LambdaCurve(LambdaCurve.Criterion.K_FOLD, grid, scores, bestIndex);
    }

    /**
     * The symmetric eigendecomposition of {@code gram} (not modified), or null if it does not converge. EJML's implicit
     * QR stops after a fixed number of iterations; Gram matrices of large networks have thousands of eigenvalues
     * clustered at rounding level, which can exhaust it (seen at N = 4000), so a failure is retried once with a budget
     * of 200·n iterations.
     */
    static EigenDecomposition_F64<DMatrixRMaj> symmetricEigen(DMatrixRMaj gram, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (eig.decompose(gram.copy())) {
            return eig;
        }
        org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM retry =
                new org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM(true);
        retry.setMaxIterations(200 * n);
        return retry.decompose(gram.copy()) ? retry : null;
    }

    /**
     * GCV score in the primal form with the residual computed directly, {@code RSS = ‖Y − Φ β(λ)‖²} with
     * {@code β(λ) = V diag(1/(e + λ)) Vᵀ ΦᵀY}: the closed form {@code ‖Y‖² − Σ proj²(e + 2λ)/(e + λ)²} cancels
     * catastrophically for noise-free targets, whose relative residuals reach 1e-10, and would select λ by rounding
     * noise. Cost O(M·F·outputs) per λ.
     */
    static double gcvScorePrimal(DMatrixRMaj phi, DMatrixRMaj y, DMatrixRMaj vecs, double[] e, DMatrixRMaj proj, double lam,
                                 DMatrixRMaj beta, DMatrixRMaj fitted) {
        int n = e.length;
        int q = proj.numCols;
        int m = phi.numRows;
        DMatrixRMaj scaled = new DMatrixRMaj(n, q);
        double denom = m - n;
        for (int i = 0; i < n; i++) {
            double w = 1.0 / (e[i] + lam);
            for (int c = 0; c < q; c++) scaled.unsafe_set(i, c, proj.unsafe_get(i, c) * w);
            denom += lam * w;
        }
        CommonOps_DDRM.mult(vecs, scaled, beta);
        CommonOps_DDRM.mult(phi, beta, fitted);
        double rss = 0;
        for (int i = 0; i < fitted.data.length; i++) {
            double r = y.data[i] - fitted.data[i];
            rss += r * r;
        }
        if (denom <= 0 || !Double.isFinite(rss)) {
            return Double.POSITIVE_INFINITY;
        }
        return m * rss / (denom * denom);
    }

    /**
     * GCV score {@code M·RSS/(M − tr H)²} at λ from the eigenvalues {@code e} of the Gram matrix and the projections
     * of the right-hand side on its eigenvectors. Primal: {@code proj = Vᵀ ΦᵀY} and
     * {@code RSS = ‖Y‖² − Σ proj² (e + 2λ)/(e + λ)²}; dual: {@code proj = QᵀY} and {@code RSS = Σ proj² λ²/(e + λ)²}.
     */
    static double gcvScore(double[] e, DMatrixRMaj proj, double yy, int m, double lam, boolean primal) {
        int q = proj.numCols;
        double rss = primal ? yy : 0.0;
        // M − tr H accumulated as (M − n) + Σ λ/(e + λ): the form M − Σ e/(e + λ) cancels when λ ≪ e.
        double denom = m - e.length;
        for (int i = 0; i < e.length; i++) {
            double ei = e[i];
            double den = ei + lam;
            double p2 = 0;
            for (int c = 0; c < q; c++) {
                double p = proj.unsafe_get(i, c);
                p2 += p * p;
            }
            if (primal) {
                rss -= p2 * (ei + 2 * lam) / (den * den);
            } else {
                double r = lam / den;
                rss += p2 * r * r;
            }
            denom += lam / den;
        }
        rss = Math.max(rss, 0.0);
        if (denom <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return m * rss / (denom * denom);
    }
}
