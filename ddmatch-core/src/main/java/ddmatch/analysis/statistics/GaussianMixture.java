package ddmatch.analysis.statistics;

import ddmatch.solve.StandardNormal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A mixture of K full-covariance Gaussians in R<sup>d</sup>, {@code p(x) = Σ_c w_c N(x; μ_c, Σ_c)}, with its density,
 * seeded sampling, and maximum-likelihood fitting by expectation–maximisation.
 *
 * <p><b>Fitting.</b> {@link #fit} initialises the means by seeded k-means++/Lloyd ({@link KMeans}), the covariances
 * by the within-cluster covariances and the weights by the cluster fractions, then runs EM (Dempster, Laird and Rubin
 * 1977) until the mean log-likelihood improves by less than {@code tolerance}. Every covariance gets
 * {@code regularisation · (mean data variance) · I} added, which keeps it positive definite when a component
 * collapses onto few points. Densities are evaluated through Cholesky factors and log-sum-exp.
 *
 * <p>Reference: A. P. Dempster, N. M. Laird and D. B. Rubin, J. R. Stat. Soc. B 39, 1 (1977); C. M. Bishop, "Pattern
 * Recognition and Machine Learning" (Springer, 2006), §9.2.
 */
public final class GaussianMixture {
    private final int d;
    private final int k;
    private final double[] weights;
    private final double[] means;   // k × d
    private final double[] covs;    // k × d × d
    private final double[] chol;    // lower Cholesky factors, k × d × d
    private final double[] logNorm; // log w_c − ½ log det(2π Σ_c)

    /**
     * @param d           dimension ≥ 1
     * @param weights     K positive weights (normalised here to sum 1)
     * @param means       row-major K × d
     * @param covariances K symmetric positive definite d × d matrices, row-major, concatenated
     */
    public GaussianMixture(int d, double[] weights, double[] means, double[] covariances) {
        StatChecks.atLeast("d", d, 1);
        int k = weights.length;
        StatChecks.atLeast("weights.length", k, 1);
        if (means.length != k * d || covariances.length != k * d * d) {
            throw new IllegalArgumentException("parameters 'means' (length " + means.length + ") and 'covariances' (length "
                    + covariances.length + ") are not allowed for " + k + " components in d = " + d
                    + "; they must have lengths K·d = " + (k * d) + " and K·d² = " + (k * d * d));
        }
        double sw = 0;
        for (int c = 0; c < k; c++) {
            if (!(weights[c] > 0) || !Double.isFinite(weights[c])) {
                throw new IllegalArgumentException("parameter 'weights' has " + weights[c] + " at index " + c
                        + ", which is not allowed; weights must be finite and > 0");
            }
            sw += weights[c];
        }
        this.d = d;
        this.k = k;
        this.weights = new double[k];
        for (int c = 0; c < k; c++) this.weights[c] = weights[c] / sw;
        this.means = means.clone();
        this.covs = covariances.clone();
        this.chol = new double[k * d * d];
        this.logNorm = new double[k];
        for (int c = 0; c < k; c++) {
            if (!cholesky(covs, c * d * d, d, chol)) {
                throw new IllegalArgumentException("parameter 'covariances' has component " + c
                        + " that is not symmetric positive definite, which is not allowed");
            }
            double logDet = 0;
            for (int i = 0; i < d; i++) logDet += 2.0 * Math.log(chol[c * d * d + i * d + i]);
            logNorm[c] = Math.log(this.weights[c]) - 0.5 * (d * Math.log(2.0 * Math.PI) + logDet);
        }
    }

    public int dimension() { return d; }

    public int components() { return k; }

    public double[] weights() { return weights.clone(); }

    public double[] means() { return means.clone(); }

    public double[] covariances() { return covs.clone(); }

    /** {@code log p(x)}; {@code x} of length d, {@code scratch} of length at least d + K (not aliased with x). */
    public double logDensity(double[] x, int offset, double[] scratch) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double l = logNorm[c] - 0.5 * mahalanobis2(x, offset, c, scratch);
            scratch[d + c] = l;
            if (l > max) max = l;
        }
        double s = 0;
        for (int c = 0; c < k; c++) s += Math.exp(scratch[d + c] - max);
        return max + Math.log(s);
    }

    /** {@code log p(x)} for a point {@code x} of length d (allocates scratch: not for inner loops). */
    public double logDensity(double[] x) {
        return logDensity(x, 0, new double[d + k]);
    }

    /** (x − μ_c)ᵀ Σ_c⁻¹ (x − μ_c) by forward substitution with the Cholesky factor; uses scratch[0..d). */
    private double mahalanobis2(double[] x, int off, int c, double[] y) {
        int base = c * d * d;
        double s = 0;
        for (int i = 0; i < d; i++) {
            double v = x[off + i] - means[c * d + i];
            for (int j = 0; j < i; j++) v -= chol[base + i * d + j] * y[j];
            v /= chol[base + i * d + i];
            y[i] = v;
            s += v * v;
        }
        return s;
    }

    /** Writes one sample into {@code out[offset..offset+d)}, drawing the component from {@code u} and the Gaussian from {@code g}. */
    public void sample(SplittableRandom u, StandardNormal g, double[] out, int offset, double[] scratch) {
        double r = u.nextDouble();
        int c = k - 1;
        for (int q = 0; q < k; q++) {
            r -= weights[q];
            if (r < 0) { c = q; break; }
        }
        for (int i = 0; i < d; i++) scratch[i] = g.next();
        int base = c * d * d;
        for (int i = 0; i < d; i++) {
            double s = means[c * d + i];
            for (int j = 0; j <= i; j++) s += chol[base + i * d + j] * scratch[j];
            out[offset + i] = s;
        }
    }

    /**
     * Settings of {@link #fit}.
     *
     * @param components     K ≥ 1
     * @param maxIterations  EM iteration cap ≥ 1 (default 500)
     * @param tolerance      stop when the mean log-likelihood improves by less than this, ≥ 0 (default 1e-8)
     * @param regularisation ridge added to each covariance, as a fraction of the mean data variance, ≥ 0 (default 1e-6)
     * @param seed           seed of the k-means++ initialisation
     */
    public record FitConfig(int components, int maxIterations, double tolerance, double regularisation, long seed) {
        public FitConfig {
            StatChecks.atLeast("FitConfig.components", components, 1);
            StatChecks.atLeast("FitConfig.maxIterations", maxIterations, 1);
            if (!(tolerance >= 0) || !(regularisation >= 0) || !Double.isFinite(regularisation)) {
                throw new IllegalArgumentException("FitConfig.tolerance = " + tolerance + " and FitConfig.regularisation = "
                        + regularisation + " are not allowed; both must be finite and ≥ 0");
            }
        }

        /** K components, 500 iterations, tolerance 1e-8, regularisation 1e-6. */
        public static FitConfig of(int components, long seed) {
            return new FitConfig(components, 500, 1e-8, 1e-6, seed);
        }
    }

    /**
     * Maximum-likelihood mixture of {@code cfg.components()} Gaussians fitted to {@code data} by EM.
     *
     * @param data row-major n × d, finite, n ≥ max(2, K)
     */
    public static GaussianMixture fit(double[] data, int d, FitConfig cfg) {
        int n = StatChecks.rows("data", data, d, Math.max(2, cfg.components()));
        int k = cfg.components();
        KMeans.Result km = KMeans.fit(data, d, k, 100, cfg.seed());
        double meanVar = 0;
        {
            for (int j = 0; j < d; j++) {
                double m = 0, ss = 0;
                for (int i = 0; i < n; i++) m += data[i * d + j];
                m /= n;
                for (int i = 0; i < n; i++) ss += (data[i * d + j] - m) * (data[i * d + j] - m);
                meanVar += ss / n / d;
            }
        }
        double ridge = Math.max(cfg.regularisation() * meanVar, 1e-300);
        double[] resp = new double[n * k];
        int[] labels = km.labels();
        for (int i = 0; i < n; i++) resp[i * k + labels[i]] = 1.0;
        double[] w = new double[k], mu = new double[k * d], cov = new double[k * d * d];
        mStep(data, n, d, k, resp, ridge, w, mu, cov);
        GaussianMixture g = new GaussianMixture(d, w, mu, cov);
        double prev = Double.NEGATIVE_INFINITY;
        double[] scratch = new double[d + k];
        for (int it = 0; it < cfg.maxIterations(); it++) {
            double ll = 0;
            for (int i = 0; i < n; i++) {
                double lp = g.logDensity(data, i * d, scratch);
                ll += lp;
                for (int c = 0; c < k; c++) resp[i * k + c] = Math.exp(scratch[d + c] - lp);
            }
            ll /= n;
            mStep(data, n, d, k, resp, ridge, w, mu, cov);
            g = new GaussianMixture(d, w, mu, cov);
            if (ll - prev < cfg.tolerance()) break;
            prev = ll;
        }
        return g;
    }

    private static void mStep(double[] x, int n, int d, int k, double[] resp, double ridge, double[] w, double[] mu,
                              double[] cov) {
        Arrays.fill(mu, 0.0);
        Arrays.fill(cov, 0.0);
        for (int c = 0; c < k; c++) {
            double nc = 0;
            for (int i = 0; i < n; i++) nc += resp[i * k + c];
            // an empty component keeps a tiny weight and the data's overall moments, so EM can continue
            double ncSafe = Math.max(nc, 1e-12);
            for (int i = 0; i < n; i++) {
                double r = resp[i * k + c];
                for (int a = 0; a < d; a++) mu[c * d + a] += r * x[i * d + a];
            }
            for (int a = 0; a < d; a++) mu[c * d + a] /= ncSafe;
            for (int i = 0; i < n; i++) {
                double r = resp[i * k + c];
                if (r == 0) continue;
                for (int a = 0; a < d; a++) {
                    double ea = x[i * d + a] - mu[c * d + a];
                    for (int b = 0; b <= a; b++) cov[c * d * d + a * d + b] += r * ea * (x[i * d + b] - mu[c * d + b]);
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double v = cov[c * d * d + a * d + b] / ncSafe + (a == b ? ridge : 0.0);
                    cov[c * d * d + a * d + b] = v;
                    cov[c * d * d + b * d + a] = v;
                }
            }
            w[c] = Math.max(nc / n, 1e-12);
        }
    }

    /** Lower Cholesky factor of the d × d block at {@code off} into {@code out} at the same offset; false if not SPD. */
    static boolean cholesky(double[] a, int off, int d, double[] out) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                if (Math.abs(a[off + i * d + j] - a[off + j * d + i]) > 1e-10 * (Math.abs(a[off + i * d + j]) + 1e-300)) {
                    return false;
                }
                double s = a[off + i * d + j];
                for (int q = 0; q < j; q++) s -= out[off + i * d + q] * out[off + j * d + q];
                if (i == j) {
                    if (!(s > 0)) return false;
                    out[off + i * d + i] = Math.sqrt(s);
                } else {
                    out[off + i * d + j] = s / out[off + j * d + j];
                }
            }
            for (int j = i + 1; j < d; j++) out[off + i * d + j] = 0.0;
        }
        return true;
    }
}
