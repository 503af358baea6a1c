package ddmatch.fit;

import ddmatch.linalg.NativeBlas;
import java.util.Arrays;

/**
 * A symmetric matrix reduced to tridiagonal form, {@code A = Q T Qᵀ}, with what ridge regression needs from it: the
 * eigenvalues of T (= those of A), products with Q and Qᵀ, and solves with the shifted matrix {@code T + λI}, all
 * without forming an eigenvector.
 *
 * <p><b>Why.</b> Generalised cross-validation needs, for each λ of a grid, {@code tr H(λ) = Σ eᵢ/(eᵢ + λ)} (eigenvalues
 * only) and the residual of {@code β(λ) = (A + λI)⁻¹ b = Q (T + λI)⁻¹ Qᵀ b} for a handful of right-hand sides. The
 * tridiagonalisation costs {@code 4n³/3} flops, a full symmetric eigendecomposition with vectors several times that
 * (EJML's took 1.2 s at n = 1000 and did not converge at n = 4000 within its iteration budget); everything else here is
 * O(n²) per right-hand side or less.
 *
 * <p><b>Algorithms.</b> Reduction: Householder reflections {@code Hₖ = I − τₖ vₖ vₖᵀ}, {@code Q = H₀H₁⋯H_{n−3}}
 * (Householder 1958; Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., §8.3.1), with the two-sided update
 * {@code A₂₂ ← A₂₂ − v wᵀ − w vᵀ}, {@code w = p − (τ/2)(pᵀv) v}, {@code p = τ A₂₂ v}. Only the upper triangle is
 * read and written, and the update of step k is delayed and fused into the pass that forms {@code p} of step k + 1, so
 * each step streams the trailing triangle once (read and write) instead of twice. Eigenvalues: the implicit QL
 * iteration with Wilkinson's shift and no vectors (Bowdler, Martin, Reinsch and Wilkinson, Numer. Math. 11, 293, 1968);
 * should it exceed {@value #MAX_QL_SWEEPS} sweeps for one eigenvalue, all eigenvalues are recomputed by Sturm-sequence
 * bisection (Barth, Martin and Wilkinson, Numer. Math. 9, 386, 1967), which always converges, and
 * {@link #eigenvaluesByBisection()} reports it. Shifted solves: {@code LDLᵀ} without pivoting when every pivot is
 * positive (backward stable for a positive definite matrix), else Gaussian elimination with partial pivoting (stable
 * for any nonsingular tridiagonal matrix; the scheme of LAPACK's {@code dgtsv}).
 *
 * <p>Not thread-safe; every method allocates at most O(n) workspace, none per element.
 */
public final class SymmetricTridiagonal {
    /** QL sweeps allowed per eigenvalue before falling back to bisection. */
    static final int MAX_QL_SWEEPS = 60;

    private final int n;
    /**
     * True when the reflectors are LAPACK's ({@code dsytrd}, uplo 'U'): {@code Q = H_{n−2}⋯H₀}, vᵢ[i] = 1 and
     * vᵢ[r] (r &lt; i) in row i + 1, columns r (the column-major upper triangle read row-major).
     */
    private final boolean lapack;
    /** The reflectors: row k (k ≤ n − 3) holds vₖ in columns k+1 … n−1 (vₖ[k+1] = 1), row-major n × n. */
    private final double[] a;
    private final double[] tau;
    private final double[] diag;
    private final double[] off;
    private double[] eigenvalues;
    private boolean bisection;

    private SymmetricTridiagonal(int n, double[] a, double[] tau, double[] diag, double[] off, boolean lapack) {
        this.n = n;
        this.lapack = lapack;
        this.a = a;
        this.tau = tau;
        this.diag = diag;
        this.off = off;
    }

    /**
     * Reduces the symmetric matrix {@code a} (row-major n × n; only its upper triangle is read) to tridiagonal form,
     * overwriting it with the Householder vectors; the returned object keeps {@code a} (no copy).
     *
     * @param a row-major n × n symmetric matrix, overwritten
     * @param n order ≥ 1
     */
    public static SymmetricTridiagonal reduce(double[] a, int n) {
        return reduce(a, n, 1);
    }

    /**
     * As {@link #reduce(double[], int)} with the trailing-matrix pass of each step shared among {@code threads}
     * threads; the result is bit-identical for every thread count.
     *
     * @param threads worker threads ≥ 1 (1: the calling thread only)
     */
    public static SymmetricTridiagonal reduce(double[] a, int n, int threads) {
        return reduce(a, n, threads, true);
    }

    /**
     * As {@link #reduce(double[], int, int)}; with {@code allowNative}, the native LAPACK's {@code dsytrd} is used when
     * one is loaded ({@link NativeBlas}), whose results differ from the Java kernel's in the last bits and whose
     * threading is the native library's own.
     */
    static SymmetricTridiagonal reduce(double[] a, int n, int threads, boolean allowNative) {
        if (n < 1 || a.length < (long) n * n) {
            throw new IllegalArgumentException("tridiagonalisation: n = " + n + " with " + a.length
                    + " entries is not allowed; n must be ≥ 1 and the array must hold n² entries");
        }
        if (allowNative && n > 2) {
            double[] d = new double[n], e = new double[n], tau = new double[n];
            if (NativeBlas.tridiagonalize(a, n, d, e, tau)) {
                e[n - 1] = 0;
                return new SymmetricTridiagonal(n, a, tau, d, e, true);
            }
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is not allowed; it must be ≥ 1");
        }
        java.util.concurrent.ExecutorService pool = threads == 1 || n <= PARALLEL_ROWS ? null
                : java.util.concurrent.Executors.newFixedThreadPool(Math.min(threads, CHUNKS), r -> {
                    Thread t = new Thread(r, "ddmatch-tridiagonal");
                    t.setDaemon(true);
                    return t;
                });
        try {
            return reduce(a, n, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static SymmetricTridiagonal reduce(double[] a, int n, java.util.concurrent.ExecutorService pool) {
        if (n < 1 || a.length < (long) n * n) {
            throw new IllegalArgumentException("tridiagonalisation: n = " + n + " with " + a.length
                    + " entries is not allowed; n must be ≥ 1 and the array must hold n² entries");
        }
        double[] tau = new double[n];
        double[] d = new double[n];
        double[] e = new double[n];
        double[] v0 = new double[n];
        double[] w0 = new double[n];
        double[] v1 = new double[n];
        double[] w1 = new double[n];
        double[][] partial = new double[CHUNKS][n];
        double[] pv = null, pw = null; // the pending update (v, w) of the previous step, on indices ≥ k
        for (int k = 0; k + 2 < n; k++) {
            if (pv != null) {
                updateRow(a, n, k, pv, pw);
            }
            int row = k * n;
            // Householder vector of x = A[k][k+1..n): (I − τ v vᵀ) x = β e₁ (the convention of LAPACK's dlarfg).
            double alpha = a[row + k + 1];
            double ss = 0;
            for (int j = k + 2; j < n; j++) ss += a[row + j] * a[row + j];
            double[] v = (k & 1) == 0 ? v0 : v1;
            double[] w = (k & 1) == 0 ? w0 : w1;
            d[k] = a[row + k];
            if (ss == 0) {
                // Already reduced in this column: H = I, but the pending update must still reach the trailing rows.
                tau[k] = 0;
                e[k] = alpha;
                a[row + k + 1] = 1;
                for (int j = k + 2; j < n; j++) a[row + j] = 0;
                if (pv != null) {
                    for (int i = k + 1; i < n; i++) updateRow(a, n, i, pv, pw);
                }
                pv = null;
                pw = null;
                continue;
            }
            double beta = -Math.copySign(Math.sqrt(alpha * alpha + ss), alpha);
            double t = (beta - alpha) / beta;
            double scale = 1.0 / (alpha - beta);
            a[row + k + 1] = 1;
            for (int j = k + 2; j < n; j++) a[row + j] *= scale;
            tau[k] = t;
            e[k] = beta;
            System.arraycopy(a, row + k + 1, v, k + 1, n - k - 1);
            // p = A₂₂ v over the trailing triangle (rows ≥ k+1), applying the pending update to each row first. The rows
            // are cut into CHUNKS blocks of equal work that depend on n and k only; each block accumulates into its
            // own array and the blocks are summed in order, so the result does not depend on the thread count.
            int[] cut = chunkRows(k + 1, n);
            final double[] fv = v, fpv = pv, fpw = pw;
            if (pool != null && n - k > PARALLEL_ROWS) {
                java.util.List<java.util.concurrent.Callable<Void>> tasks = new java.util.ArrayList<>(CHUNKS);
                for (int c = 0; c < CHUNKS; c++) {
                    final int lo = cut[c], hi = cut[c + 1];
                    final double[] acc = partial[c];
                    tasks.add(() -> {
                        passRows(a, n, lo, hi, fv, fpv, fpw, acc);
                        return null;
                    });
                }
                invokeAll(pool, tasks);
            } else {
                for (int c = 0; c < CHUNKS; c++) passRows(a, n, cut[c], cut[c + 1], fv, fpv, fpw, partial[c]);
            }
            System.arraycopy(partial[0], k + 1, w, k + 1, n - k - 1);
            for (int c = 1; c < CHUNKS; c++) {
                double[] acc = partial[c];
                for (int j = cut[c]; j < n; j++) w[j] += acc[j];
            }
            // w = τ p − (τ/2)(τ pᵀv) v
            double pvDot = 0;
            for (int i = k + 1; i < n; i++) {
                w[i] *= t;
                pvDot += w[i] * v[i];
            }
            double half = 0.5 * t * pvDot;
            for (int i = k + 1; i < n; i++) w[i] -= half * v[i];
            pv = v;
            pw = w;
        }
        int last = Math.max(0, n - 2);
        if (pv != null) {
            for (int i = last; i < n; i++) updateRow(a, n, i, pv, pw);
        }
        if (n >= 2) {
            d[n - 2] = a[(n - 2) * n + n - 2];
            e[n - 2] = a[(n - 2) * n + n - 1];
        }
        d[n - 1] = a[(n - 1) * n + n - 1];
        return new SymmetricTridiagonal(n, a, tau, d, e, false);
    }

    /** Row blocks per step (fixed, so that results do not depend on the thread count). */
    static final int CHUNKS = 8;
    /** Trailing sizes at or below which a step runs on the calling thread (task hand-off would cost more). */
    static final int PARALLEL_ROWS = 384;

    /** Row boundaries {@code cut[0] = from < … < cut[CHUNKS] = n} of blocks of the trailing triangle of equal work. */
    private static int[] chunkRows(int from, int n) {
        int[] cut = new int[CHUNKS + 1];
        int len = n - from;
        cut[0] = from;
        for (int c = 1; c < CHUNKS; c++) {
            int r = n - (int) Math.round(len * Math.sqrt(1.0 - (double) c / CHUNKS));
            cut[c] = Math.max(cut[c - 1], Math.min(n, r));
        }
        cut[CHUNKS] = n;
        return cut;
    }

    /**
     * Rows [lo, hi) of step k's pass: the pending update (pv, pw) is applied to each row (columns ≥ i), then the row's
     * contributions to {@code p = A₂₂ v} are added into acc, which is cleared from column lo on first.
     */
    private static void passRows(double[] a, int n, int lo, int hi, double[] v, double[] pv, double[] pw, double[] acc) {
        Arrays.fill(acc, lo, n, 0.0);
        for (int i = lo; i < hi; i++) {
            int base = i * n;
            double vi = v[i];
            if (pv != null) {
                double pvi = pv[i], pwi = pw[i];
                for (int j = i; j < n; j++) {
                    double x = a[base + j] - pvi * pw[j] - pwi * pv[j];
                    a[base + j] = x;
                    acc[j] += x * vi;
                }
            } else {
                for (int j = i; j < n; j++) acc[j] += a[base + j] * vi;
            }
            acc[i] += dot(a, base, v, i + 1, n);
        }
    }

    private static void invokeAll(java.util.concurrent.ExecutorService pool, java.util.List<java.util.concurrent.Callable<Void>> tasks) {
        try {
            for (java.util.concurrent.Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("tridiagonalisation interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("tridiagonalisation failed", e.getCause());
        }
    }

    /** Row i, columns ≥ i: {@code A[i][j] −= v_i w_j + w_i v_j}. */
    private static void updateRow(double[] a, int n, int i, double[] v, double[] w) {
        int base = i * n;
        double vi = v[i], wi = w[i];
        for (int j = i; j < n; j++) a[base + j] -= vi * w[j] + wi * v[j];
    }

    /** {@code Σ_{j ∈ [from, to)} a[base + j]·v[j]} with four partial sums (the JIT does not reorder a double sum). */
    private static double dot(double[] a, int base, double[] v, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            s0 += a[base + j] * v[j];
            s1 += a[base + j + 1] * v[j + 1];
            s2 += a[base + j + 2] * v[j + 2];
            s3 += a[base + j + 3] * v[j + 3];
        }
        for (; j < to; j++) s0 += a[base + j] * v[j];
        return (s0 + s1) + (s2 + s3);
    }

    /** True when the reduction was done by the native LAPACK's {@code dsytrd}. */
    public boolean byNativeLapack() {
        return lapack;
    }

    /** The order n. */
    public int order() {
        return n;
    }

    /** The diagonal of T (a copy). */
    public double[] diagonal() {
        return diag.clone();
    }

    /** The off-diagonal of T, {@code T[i][i+1]} for i &lt; n − 1 (a copy of length n − 1). */
    public double[] offDiagonal() {
        return Arrays.copyOf(off, Math.max(0, n - 1));
    }

    /** True if the QL iteration did not converge and the eigenvalues came from bisection. */
    public boolean eigenvaluesByBisection() {
        eigenvalues();
        return bisection;
    }

    /** The eigenvalues of T in increasing order (computed once; the returned array is a copy). */
    public double[] eigenvalues() {
        if (eigenvalues == null) {
            double[] ev = diag.clone();
            double[] sub = Arrays.copyOf(off, n);
            if (n > 1) {
                sub[n - 1] = 0;
            }
            if (!implicitQl(ev, sub, n)) {
                ev = bisect(diag, off, n);
                bisection = true;
            }
            Arrays.sort(ev);
            eigenvalues = ev;
        }
        return eigenvalues.clone();
    }

    /**
     * Implicit QL with Wilkinson's shift on (d, e), e[i] = T[i][i+1], e[n−1] = 0; d is overwritten with the
     * eigenvalues, each to an absolute accuracy of a few ε‖T‖. Returns false if one eigenvalue needs more than {@value #MAX_QL_SWEEPS} sweeps.
     */
    static boolean implicitQl(double[] d, double[] e, int n) {
        final double eps = Math.ulp(1.0);
        // Splitting test against the norm of the whole matrix, as EISPACK's tql1 does with its running maximum: a
        // relative test |e| ≤ ε(|d_m| + |d_m+1|) cannot be met beside eigenvalues at rounding level (rank-deficient
        // Gram matrices have hundreds), and absolute accuracy ε‖T‖ is all that a Gram matrix's eigenvalues carry.
        double norm = 0;
        for (int i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]) + Math.abs(e[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0));
        for (int l = 0; l < n; l++) {
            int sweeps = 0;
            while (true) {
                int m = l;
                for (; m < n - 1; m++) {
                    if (Math.abs(e[m]) <= eps * norm) {
                        break;
                    }
                }
                if (m == l) {
                    break;
                }
                if (++sweeps > MAX_QL_SWEEPS) {
                    return false;
                }
                // Wilkinson shift from the leading 2 × 2 block of the unreduced part.
                double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                double r = Math.sqrt(g * g + 1.0);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1, c = 1, p = 0;
                boolean deflated = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        // Underflow: the matrix splits at i + 1; restart the sweep there.
                        d[i + 1] -= p;
                        e[m] = 0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (deflated) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
        for (double x : d) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * All eigenvalues by bisection on the Sturm count {@code #{i : qᵢ < 0}} of the LDLᵀ pivots of {@code T − xI},
     * inside the Gershgorin interval, each to the resolution of doubles.
     */
    static double[] bisect(double[] d, double[] e, int n) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
            lo = Math.min(lo, d[i] - r);
            hi = Math.max(hi, d[i] + r);
        }
        double pad = Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))) * n + Double.MIN_NORMAL;
        lo -= pad;
        hi += pad;
        double[] ev = new double[n];
        for (int k = 0; k < n; k++) {
            // The k-th smallest: count(x) ≥ k + 1 ⇔ x > λₖ.
            double a = lo, b = hi;
            while (true) {
                double mid = 0.5 * (a + b);
                if (mid <= a || mid >= b) {
                    break;
                }
                if (sturmCount(d, e, n, mid) > k) {
                    b = mid;
                } else {
                    a = mid;
                }
            }
            ev[k] = 0.5 * (a + b);
            lo = a;
        }
        return ev;
    }

    private static int sturmCount(double[] d, double[] e, int n, double x) {
        int count = 0;
        double q = d[0] - x;
        if (q < 0) count++;
        for (int i = 1; i < n; i++) {
            if (q == 0) {
                q = Math.ulp(1.0) * (Math.abs(e[i - 1]) + Double.MIN_NORMAL);
            }
            q = d[i] - x - e[i - 1] * e[i - 1] / q;
            if (q < 0) count++;
        }
        return count;
    }

    /**
     * {@code b ← Qᵀ b} for a row-major n × cols block b.
     *
     * @param b    n × cols, row-major, overwritten
     * @param cols number of columns ≥ 1
     */
    public void applyQTranspose(double[] b, int cols) {
        check(b, cols);
        double[] s = new double[cols];
        if (lapack) {
            for (int k = n - 2; k >= 0; k--) reflectLapack(k, b, cols, s);
            return;
        }
        for (int k = 0; k + 2 < n; k++) {
            reflect(k, b, cols, s);
        }
    }

    /**
     * {@code b ← Q b} for a row-major n × cols block b.
     *
     * @param b    n × cols, row-major, overwritten
     * @param cols number of columns ≥ 1
     */
    public void applyQ(double[] b, int cols) {
        check(b, cols);
        double[] s = new double[cols];
        if (lapack) {
            for (int k = 0; k <= n - 2; k++) reflectLapack(k, b, cols, s);
            return;
        }
        for (int k = n - 3; k >= 0; k--) {
            reflect(k, b, cols, s);
        }
    }

    private void check(double[] b, int cols) {
        if (cols < 1 || b.length < (long) n * cols) {
            throw new IllegalArgumentException("block of " + b.length + " entries for " + n + " × " + cols
                    + " is not allowed; it must hold n·cols entries with cols ≥ 1");
        }
    }

    /** {@code b ← (I − τₖ vₖ vₖᵀ) b}: s = vᵀb over rows k+1 … n−1, then b −= τ v sᵀ. */
    private void reflect(int k, double[] b, int cols, double[] s) {
        double t = tau[k];
        if (t == 0) {
            return;
        }
        int row = k * n;
        Arrays.fill(s, 0.0);
        for (int i = k + 1; i < n; i++) {
            double vi = a[row + i];
            int bi = i * cols;
            for (int c = 0; c < cols; c++) s[c] += vi * b[bi + c];
        }
        for (int c = 0; c < cols; c++) s[c] *= t;
        for (int i = k + 1; i < n; i++) {
            double vi = a[row + i];
            int bi = i * cols;
            for (int c = 0; c < cols; c++) b[bi + c] -= vi * s[c];
        }
    }

    /** LAPACK's reflector k (uplo 'U'): v[k] = 1, v[r] = a[(k+1)·n + r] for r &lt; k, zero after k. */
    private void reflectLapack(int k, double[] b, int cols, double[] s) {
        double t = tau[k];
        if (t == 0) {
            return;
        }
        int row = (k + 1) * n;
        int bk = k * cols;
        for (int c = 0; c < cols; c++) s[c] = b[bk + c];
        for (int r = 0; r < k; r++) {
            double vr = a[row + r];
            int br = r * cols;
            for (int c = 0; c < cols; c++) s[c] += vr * b[br + c];
        }
        for (int c = 0; c < cols; c++) {
            s[c] *= t;
            b[bk + c] -= s[c];
        }
        for (int r = 0; r < k; r++) {
            double vr = a[row + r];
            int br = r * cols;
            for (int c = 0; c < cols; c++) b[br + c] -= vr * s[c];
        }
    }

    /** How a shifted solve was done. */
    public enum Solve {
        /** Every LDLᵀ pivot of T + λI was positive: the matrix is positive definite to working precision. */
        LDLT,
        /** Some pivot was ≤ 0 (T + λI indefinite to working precision): Gaussian elimination with partial pivoting. */
        PIVOTED_LU,
        /** T + λI is exactly singular: the block is left unchanged. */
        SINGULAR
    }

    /**
     * {@code b ← (T + λI)⁻¹ b} for a row-major n × cols block b (columns [col0, col0 + width) of a block with
     * {@code stride} columns): LDLᵀ when positive definite, else partial pivoting.
     *
     * @param lambda shift λ (any finite value)
     * @param b      block, row-major with {@code stride} columns, overwritten in the given columns
     * @return how it was solved
     */
    public Solve solveShifted(double lambda, double[] b, int stride, int col0, int width) {
        if (stride < 1 || col0 < 0 || width < 1 || col0 + width > stride || b.length < (long) n * stride) {
            throw new IllegalArgumentException("shifted solve: columns [" + col0 + ", " + (col0 + width) + ") of a block with "
                    + stride + " columns and " + b.length + " entries are not allowed for n = " + n);
        }
        double[] dd = new double[n];
        // LDLᵀ: dd[i] = pivots, l[i] = e[i]/dd[i] (kept in dl).
        double[] dl = new double[n];
        boolean definite = true;
        dd[0] = diag[0] + lambda;
        if (!(dd[0] > 0)) definite = false;
        for (int i = 1; i < n && definite; i++) {
            dl[i - 1] = off[i - 1] / dd[i - 1];
            dd[i] = diag[i] + lambda - dl[i - 1] * off[i - 1];
            if (!(dd[i] > 0)) definite = false;
        }
        if (definite) {
            for (int c = col0; c < col0 + width; c++) {
                for (int i = 1; i < n; i++) b[i * stride + c] -= dl[i - 1] * b[(i - 1) * stride + c];
                b[(n - 1) * stride + c] /= dd[n - 1];
                for (int i = n - 2; i >= 0; i--) {
                    b[i * stride + c] = b[i * stride + c] / dd[i] - dl[i] * b[(i + 1) * stride + c];
                }
            }
            return Solve.LDLT;
        }
        return pivotedSolve(lambda, b, stride, col0, width) ? Solve.PIVOTED_LU : Solve.SINGULAR;
    }

    /** Gaussian elimination with partial pivoting on T + λI (sub = super = off; fill in a second superdiagonal). */
    private boolean pivotedSolve(double lambda, double[] b, int stride, int col0, int width) {
        double[] d = new double[n];
        double[] du = new double[n];
        double[] du2 = new double[n];
        double[] dl = new double[n];
        for (int i = 0; i < n; i++) d[i] = diag[i] + lambda;
        for (int i = 0; i + 1 < n; i++) {
            du[i] = off[i];
            dl[i] = off[i];
        }
        boolean[] swapped = new boolean[n];
        double[] mult = new double[n];
        for (int i = 0; i + 1 < n; i++) {
            if (Math.abs(d[i]) >= Math.abs(dl[i])) {
                if (d[i] == 0) {
                    return false;
                }
                double f = dl[i] / d[i];
                mult[i] = f;
                d[i + 1] -= f * du[i];
                du2[i] = 0;
            } else {
                // Swap rows i and i+1.
                swapped[i] = true;
                double f = d[i] / dl[i];
                mult[i] = f;
                d[i] = dl[i];
                double tmp = d[i + 1];
                d[i + 1] = du[i] - f * tmp;
                du[i] = tmp;
                if (i + 2 < n) {
                    du2[i] = du[i + 1];
                    du[i + 1] = -f * du2[i];
                }
            }
        }
        if (d[n - 1] == 0) {
            return false;
        }
        for (int c = col0; c < col0 + width; c++) {
            for (int i = 0; i + 1 < n; i++) {
                int r0 = i * stride + c, r1 = (i + 1) * stride + c;
                if (swapped[i]) {
                    double tmp = b[r0];
                    b[r0] = b[r1];
                    b[r1] = tmp - mult[i] * b[r1];
                } else {
                    b[r1] -= mult[i] * b[r0];
                }
            }
            b[(n - 1) * stride + c] /= d[n - 1];
            if (n > 1) {
                int r = (n - 2) * stride + c;
                b[r] = (b[r] - du[n - 2] * b[(n - 1) * stride + c]) / d[n - 2];
            }
            for (int i = n - 3; i >= 0; i--) {
                int r = i * stride + c;
                b[r] = (b[r] - du[i] * b[(i + 1) * stride + c] - du2[i] * b[(i + 2) * stride + c]) / d[i];
            }
        }
        return true;
    }
}
