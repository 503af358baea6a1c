package ddmatch.fit;

import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import org.ejml.data.DMatrixRMaj;

/**
 * Diffusion matching (DESIGN §1.5): the network's noise enters through the embedding, {@code Σ(x) = U S(x)}, so its
 * readout receives {@code S dW'} and the noise stays inside the manifold. Matching {@code S Sᵀ = G̃ G̃ᵀ} with
 * {@code G̃ = diag(1/s) G}:
 * <ul>
 *   <li>constant G ({@link NoiseType#ADDITIVE}): exactly, by {@code S = G̃} ({@link #constantGain});</li>
 *   <li>state-dependent G ({@link NoiseType#DIAGONAL}, {@link NoiseType#GENERAL}): each entry of
 *       {@code S(x) = K φ(x) + k} is linear in the network's own activity; K and k are fitted by ridge regression
 *       (λ by GCV, intercept k unpenalised by centring) on the drift samples, to a matrix square root {@code R(z̃)} of
 *       {@code G̃G̃ᵀ}: {@code |G̃_ii|} for diagonal G, the lower Cholesky factor for general G
 *       ({@link #stateDependentGain}). The square root is not G̃ itself because G̃ is only determined up to an
 *       orthogonal factor {@code G̃ Q}; Cholesky picks the one continuous, canonical representative, which is what a
 *       smooth regression on φ can follow.</li>
 * </ul>
 * Everything is Itô: the network is simulated with Itô schemes (Euler–Maruyama evaluates {@code U S(x)} at the start
 * of each step) and the target is Itô, so equal drift and equal {@code S Sᵀ} give equal generators and no noise-induced
 * drift correction is added. (A Stratonovich network would need {@code −½ Σ_q (∂Σ_{·q}/∂x) Σ_{·q}} in its drift.)
 */
public final class DiffusionMatcher {
    private DiffusionMatcher() {}

    /**
     * A fitted state-dependent noise gain {@code S(x) = K φ(x) + k}.
     *
     * @param weights        K, row-major (d·m) × N
     * @param offset         k, row-major d × m
     * @param noiseDimension m of the network (d for Cholesky square roots; the target's m for diagonal noise)
     * @param ridge          the regression that produced K (λ by GCV)
     * @param trainingError  mean over the samples of {@code ‖S Sᵀ − G̃G̃ᵀ‖_F / ‖G̃G̃ᵀ‖_F}
     */
    public record GainFit(double[] weights, double[] offset, int noiseDimension, RidgeSolution ridge, double trainingError) {
    }

    /**
     * Writes {@code S = diag(1/s) G} (d × m, row-major) for a target with constant diffusion {@code G}.
     *
     * @throws IllegalArgumentException if the target's noise is state dependent
     */
    public static void constantGain(Sde target, Standardization st, double[] out) {
        if (target.noiseType() != NoiseType.ADDITIVE) {
            throw new IllegalArgumentException("system '" + target.name() + "' has noise type " + target.noiseType()
                    + "; constant diffusion matching needs ADDITIVE noise");
        }
        int d = target.dimension();
        int m = target.noiseDimension();
        double[] mean = st.mean();
        target.diffusion(0.0, mean, out);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < m; k++) {
                out[i * m + k] /= st.scale(i);
            }
        }
    }

    /** The noise dimension of a network matched to {@code target}: m for constant or diagonal noise, d for general. */
    public static int networkNoiseDimension(Sde target) {
        return target.noiseType() == NoiseType.GENERAL ? target.dimension() : target.noiseDimension();
    }

    /**
     * Fits {@code S(x) = K φ(x) + k} to the square root of the target's standardised diffusion at the samples.
     *
     * @param target the system (noise {@link NoiseType#DIAGONAL} or {@link NoiseType#GENERAL})
     * @param st     the standardisation of the latent coordinates
     * @param phi    features {@code φ(U z̃_n + b)}, M × N (not modified)
     * @param points the M samples in the target's coordinates, row-major M × d
     */
    public static GainFit stateDependentGain(Sde target, Standardization st, DMatrixRMaj phi, double[] points) {
        NoiseType type = target.noiseType();
        if (type != NoiseType.DIAGONAL && type != NoiseType.GENERAL) {
            throw new IllegalArgumentException("system '" + target.name() + "' has noise type " + type
                    + "; state-dependent diffusion matching needs DIAGONAL or GENERAL noise");
        }
        int d = target.dimension();
        int mt = target.noiseDimension();
        int m = networkNoiseDimension(target);
        int rows = phi.numRows;
        double[] g = new double[d * mt];
        double[] z = new double[d];
        double[] cov = new double[d * d];
        double[] root = new double[d * m];
        DMatrixRMaj y = new DMatrixRMaj(rows, d * m);
        double[] covs = new double[rows * d * d];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(points, r * d, z, 0, d);
            target.diffusion(0.0, z, g);
            standardise(g, d, mt, st);
            covariance(g, d, mt, cov);
            System.arraycopy(cov, 0, covs, r * d * d, d * d);
            if (type == NoiseType.DIAGONAL) {
                java.util.Arrays.fill(root, 0.0);
                for (int i = 0; i < d; i++) root[i * m + i] = Math.abs(g[i * mt + i]);
            } else {
                choleskyLower(cov, d, root);
            }
            System.arraycopy(root, 0, y.data, r * d * m, d * m);
        }
        return fitGain(phi, y, null, d, m, covs);
    }

    /**
     * The ridge fit shared by the model-based and the data-driven matchers: {@code y_n ≈ K φ_n + k} with k
     * unpenalised (features and targets are centred by their — optionally weighted — means before the regression, and
     * {@code k = ȳ − K φ̄}).
     *
     * @param phi     features, M × N (not modified)
     * @param y       targets, M × (d·m), row n the square root R(z̃_n) row-major d × m (not modified)
     * @param weights row weights ≥ 0 (e.g. sample counts of bins), or {@code null} for equal weights
     * @param covs    the matched covariances {@code G̃G̃ᵀ} per row (M × d × d) for the training error
     */
    static GainFit fitGain(DMatrixRMaj phi, DMatrixRMaj y, double[] weights, int d, int m, double[] covs) {
        int rows = phi.numRows;
        int n = phi.numCols;
        int q = d * m;
        Affine fit = affineRidge(phi, y, weights);
        double[] k = fit.weights();
        double[] offset = fit.offset();
        double err = 0;
        double[] s = new double[q];
        double[] ss = new double[d * d];
        double[] cov = new double[d * d];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(offset, 0, s, 0, q);
            for (int c = 0; c < q; c++) {
                double v = s[c];
                for (int j = 0; j < n; j++) v += k[c * n + j] * phi.data[r * n + j];
                s[c] = v;
            }
            covariance(s, d, m, ss);
            System.arraycopy(covs, r * d * d, cov, 0, d * d);
            err += relativeFrobenius(ss, cov);
        }
        return new GainFit(k, offset, m, fit.ridge(), err / rows);
    }

    /** {@code y ≈ A φ + a}: A row-major outputs × N, a the unpenalised intercept. */
    record Affine(double[] weights, double[] offset, RidgeSolution ridge) {
    }

    /**
     * Weighted ridge regression with an unpenalised intercept, λ by GCV: features and targets are centred by their
     * weighted means and the rows scaled by √weight (weighted least squares), then {@code a = ȳ − A φ̄}.
     *
     * @param weights row weights ≥ 0, or {@code null} for equal weights
     */
    static Affine affineRidge(DMatrixRMaj phi, DMatrixRMaj y, double[] weights) {
        int rows = phi.numRows;
        int n = phi.numCols;
        int q = y.numCols;
        double total = 0;
        double[] phiMean = new double[n];
        double[] yMean = new double[q];
        for (int r = 0; r < rows; r++) {
            double w = weights == null ? 1.0 : weights[r];
            total += w;
            for (int j = 0; j < n; j++) phiMean[j] += w * phi.data[r * n + j];
            for (int c = 0; c < q; c++) yMean[c] += w * y.data[r * q + c];
        }
        for (int j = 0; j < n; j++) phiMean[j] /= total;
        for (int c = 0; c < q; c++) yMean[c] /= total;
        DMatrixRMaj pc = new DMatrixRMaj(rows, n);
        DMatrixRMaj yc = new DMatrixRMaj(rows, q);
        for (int r = 0; r < rows; r++) {
            double sw = weights == null ? 1.0 : Math.sqrt(weights[r]);
            for (int j = 0; j < n; j++) pc.data[r * n + j] = sw * (phi.data[r * n + j] - phiMean[j]);
            for (int c = 0; c < q; c++) yc.data[r * q + c] = sw * (y.data[r * q + c] - yMean[c]);
        }
        RidgeSolution ridge = RidgeRegression.fit(pc, yc, Double.NaN);
        double[] beta = ridge.coefficients(); // N × q
        double[] a = new double[n * q];
        double[] offset = yMean.clone();
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < q; c++) {
                double v = beta[j * q + c];
                a[c * n + j] = v;
                offset[c] -= v * phiMean[j];
            }
        }
        return new Affine(a, offset, ridge);
    }

    /**
     * Mean over {@code points} of the relative Frobenius error {@code ‖S Sᵀ − G̃G̃ᵀ‖_F / ‖G̃G̃ᵀ‖_F} (DESIGN §1.7) of a
     * network against its target, S evaluated at the manifold point above each point.
     *
     * @param points row-major K × d in the target's coordinates
     */
    public static double covarianceError(RateNetwork net, Sde target, double[] points) {
        int d = target.dimension();
        int mt = target.noiseDimension();
        int m = net.noiseDimension();
        Standardization st = net.standardization();
        double[] z = new double[d];
        double[] g = new double[d * mt];
        double[] s = new double[d * m];
        double[] c1 = new double[d * d];
        double[] c2 = new double[d * d];
        int count = points.length / d;
        double err = 0;
        for (int r = 0; r < count; r++) {
            System.arraycopy(points, r * d, z, 0, d);
            target.diffusion(0.0, z, g);
            standardise(g, d, mt, st);
            covariance(g, d, mt, c1);
            net.noiseGainAt(net.stateFor(z), s);
            covariance(s, d, m, c2);
            err += relativeFrobenius(c2, c1);
        }
        return err / count;
    }

    private static void standardise(double[] g, int d, int m, Standardization st) {
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < m; k++) g[i * m + k] /= st.scale(i);
        }
    }

    /** {@code out = A Aᵀ} for A row-major d × m. */
    static void covariance(double[] a, int d, int m, double[] out) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int k = 0; k < m; k++) v += a[i * m + k] * a[j * m + k];
                out[i * d + j] = v;
            }
        }
    }

    static double relativeFrobenius(double[] a, double[] ref) {
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - ref[i];
            num += e * e;
            den += ref[i] * ref[i];
        }
        return Math.sqrt(num / Math.max(den, Double.MIN_NORMAL));
    }

    /**
     * Lower Cholesky factor L (row-major d × d) of a symmetric positive semi-definite C, {@code L Lᵀ = C}. A pivot
     * ≤ 1e-14·tr C (C singular, e.g. fewer noise sources than dimensions) gives a zero column instead of a failure,
     * so that L Lᵀ still equals C to rounding.
     */
    static void choleskyLower(double[] c, int d, double[] out) {
        java.util.Arrays.fill(out, 0, d * d, 0.0);
        double tr = 0;
        for (int i = 0; i < d; i++) tr += c[i * d + i];
        double tiny = 1e-14 * Math.max(tr, Double.MIN_NORMAL);
        for (int j = 0; j < d; j++) {
            double diag = c[j * d + j];
            for (int k = 0; k < j; k++) diag -= out[j * d + k] * out[j * d + k];
            if (!(diag > tiny)) {
                continue; // column j stays zero
            }
            double l = Math.sqrt(diag);
            out[j * d + j] = l;
            for (int i = j + 1; i < d; i++) {
                double v = c[i * d + j];
                for (int k = 0; k < j; k++) v -= out[i * d + k] * out[j * d + k];
                out[i * d + j] = v / l;
            }
        }
    }
}
