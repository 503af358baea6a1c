package ddmatch.fit;

import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.Trajectory;
import java.util.HashMap;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Drift-diffusion matching from data alone (DESIGN §1.4 "Data-driven", beyond the paper): given one regularly sampled
 * trajectory {@code z_0, z_1, …} of an unknown Itô SDE, fit the network from Kramers–Moyal increments.
 *
 * <p><b>Description.</b>
 * <ol>
 *   <li>Standardise the data ({@code z̃ = (z − μ)/s}, μ and s its mean and standard deviation) and draw the embedding
 *       exactly as {@link DriftMatcher} does from the same seed.</li>
 *   <li><i>Binning.</i> Single Kramers–Moyal drift estimates {@code (z̃_{k+1} − z̃_k)/Δt} carry noise of size
 *       {@code G̃/√Δt}, an order of magnitude above the drift at typical Δt. The increments are therefore averaged on a
 *       grid of B bins per dimension over the data's range: each occupied bin contributes one regression row at the
 *       mean position {@code z̄_b} of its points, with target {@code z̄_b + τ·mean(Δz̃)/Δt} and weight its count
 *       {@code c_b}. With rows scaled by {@code √c_b} this is, to first order in the bin width, the least-squares
 *       problem on all raw increments, at the cost of one row per bin (the noise per weighted row is homoscedastic,
 *       so GCV remains appropriate and picks the larger λ the noise calls for).</li>
 *   <li><i>Drift.</i> {@code W} from the weighted ridge regression on {@code φ(U z̄_b + b)}, λ by GCV (or
 *       {@code cfg.lambda()}).</li>
 *   <li><i>Diffusion.</i> The residual increments {@code r_k = Δz̃_k − Δt f̂(z̃_k)}, with {@code f̂} the fitted latent
 *       drift, estimate {@code G̃G̃ᵀ} by {@code r rᵀ/Δt}. Subtracting the fitted drift matters: the raw
 *       {@code Δz̃Δz̃ᵀ/Δt} is biased by {@code f̃ f̃ᵀ Δt}, which on Lorenz data at Δt = 0.01 exceeds the noise itself.
 *       CONSTANT: {@code S} is the Cholesky factor of the mean of {@code r rᵀ/Δt}. STATE_DEPENDENT: the bin means
 *       of {@code r rᵀ/Δt} are regressed on the features (weighted ridge with intercept, GCV) to a smooth covariance
 *       field, whose Cholesky factor at the bin positions is then fitted by {@code S(x) = K φ(x) + k} as in
 *       {@link DiffusionMatcher}. At most 200 000 evenly spaced rows are used for the diffusion (relative sampling
 *       error of the constant estimate ≈ √(2/200 000) ≈ 0.3%).</li>
 * </ol>
 * The network has noise dimension d (a Cholesky factor is square) and time step Δt.
 *
 * <p><b>References.</b> Kramers–Moyal estimation of drift and diffusion from sampled paths: R. Friedrich, J. Peinke,
 * M. Sahimi, M. R. R. Tabar, Phys. Rep. 506, 87 (2011), §3.
 */
public final class DataDrivenMatcher {
    /** The fewest occupied bins (regression rows) accepted, as for sampled training points. */
    static final int MIN_BINS = 10;

    /** Rows used at most for the diffusion estimate. */
    static final int MAX_DIFFUSION_ROWS = 200_000;

    private DataDrivenMatcher() {}

    /**
     * A network fitted to data.
     *
     * @param training        the network, the drift regression (its training error is relative to the binned,
     *                        still noisy Kramers–Moyal targets) and the number of regression rows (occupied bins)
     * @param dataRows        rows of the data used
     * @param diffusion       the mean of {@code r rᵀ/Δt} in standardised units (d × d), i.e. the estimate of
     *                        {@code G̃G̃ᵀ} averaged over the data
     * @param stateDependent  the fitted state-dependent gain, or {@code null} for CONSTANT noise
     */
    public record DataTrainingResult(TrainingResult training, int dataRows, double[] diffusion,
                                     DiffusionMatcher.GainFit stateDependent) {
    }

    /**
     * Fits a network to {@code data}.
     *
     * @param data     one trajectory (rows d-vectors, at least 10 rows); its own interval is ignored in favour of
     *                 {@code dcfg.interval()}
     * @param name     the name of the data (the network is called {@code network-<name>})
     * @param cfg      network size, τ, φ, σ_b, λ (NaN: GCV) and seed; its sampling settings are not used
     * @param dcfg     Δt of the data, binning and noise model
     * @param progress not used yet (the fit has no long loop); kept for symmetry with {@link DriftMatcher}
     */
    public static DataTrainingResult train(Trajectory data, String name, MatchConfig cfg, DataConfig dcfg,
                                           ProgressListener progress) {
        long start = System.nanoTime();
        int d = data.dimension();
        int rows = data.rows();
        if (rows < 10) {
            throw new IllegalArgumentException("data has " + rows + " rows; at least 10 are needed for Kramers–Moyal estimates");
        }
        if (cfg.neurons() < d) {
            throw new IllegalArgumentException("neurons = " + cfg.neurons() + " is not allowed for data of dimension " + d
                    + "; N must be ≥ d");
        }
        double[] values = data.values();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("data row " + (i / d) + ", component " + (i % d) + " = " + values[i]
                        + " is not allowed; all values must be finite");
            }
        }
        double dt = dcfg.interval();
        int n = cfg.neurons();
        SplittableRandom seeds = new SplittableRandom(cfg.seed());
        long embeddingSeed = seeds.nextLong();
        Standardization st = Standardization.of(values, d);
        Embedding emb = Embedding.random(n, d, cfg.tonicStd(), embeddingSeed);
        double[] zt = new double[rows * d];
        double[] z = new double[d];
        double[] w1 = new double[d];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * d, z, 0, d);
            st.toLatent(z, w1);
            System.arraycopy(w1, 0, zt, r * d, d);
        }

        // Bins over the range of the rows that have a successor.
        int bins = dcfg.bins(d);
        double[] lo = new double[d];
        double[] width = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        double[] hi = new double[d];
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < rows - 1; r++) {
            for (int i = 0; i < d; i++) {
                lo[i] = Math.min(lo[i], zt[r * d + i]);
                hi[i] = Math.max(hi[i], zt[r * d + i]);
            }
        }
        for (int i = 0; i < d; i++) width[i] = Math.max(hi[i] - lo[i], 1e-12) / bins;
        if (d * Math.log(bins) > Math.log(Long.MAX_VALUE)) {
            throw new IllegalArgumentException(bins + " bins per dimension in " + d + " dimensions overflow the bin index;"
                    + " use fewer bins");
        }
        HashMap<Long, Integer> slot = new HashMap<>();
        int[] binOf = new int[rows - 1];
        java.util.ArrayList<double[]> acc = new java.util.ArrayList<>(); // per bin: count, Σ z̃ (d), Σ Δz̃ (d)
        for (int r = 0; r < rows - 1; r++) {
            long key = 0;
            for (int i = d - 1; i >= 0; i--) {
                int b = (int) Math.min(bins - 1, Math.floor((zt[r * d + i] - lo[i]) / width[i]));
                key = key * bins + b;
            }
            Integer s = slot.get(key);
            if (s == null) {
                s = acc.size();
                slot.put(key, s);
                acc.add(new double[1 + 2 * d]);
            }
            binOf[r] = s;
            double[] a = acc.get(s);
            a[0] += 1;
            for (int i = 0; i < d; i++) {
                a[1 + i] += zt[r * d + i];
                a[1 + d + i] += zt[(r + 1) * d + i] - zt[r * d + i];
            }
        }
        int m = acc.size();
        if (m < MIN_BINS) {
            // Each occupied bin is one regression row: fewer than the minimum number of training points (as for
            // --samples) leaves the N features fitted to a handful of points.
            throw new IllegalArgumentException("the data occupy " + m + " bin(s) of " + bins + " per dimension; at least "
                    + MIN_BINS + " are needed as regression rows for the N = " + n + " features: raise --bins or give a "
                    + "longer trajectory that moves more");
        }
        MemoryBudget.require(String.format("training N = %d neurons on M = %d bins", n, m),
                MemoryBudget.driftMatchBytes(m, n, d), "use fewer --neurons or --bins");
        DMatrixRMaj phi = new DMatrixRMaj(m, n);
        DMatrixRMaj y = new DMatrixRMaj(m, d);
        double[] counts = new double[m];
        double[] centres = new double[m * d];
        double[] x = new double[n];
        for (int b = 0; b < m; b++) {
            double[] a = acc.get(b);
            double c = a[0];
            counts[b] = c;
            for (int i = 0; i < d; i++) {
                w1[i] = a[1 + i] / c;
                centres[b * d + i] = w1[i];
                y.data[b * d + i] = w1[i] + cfg.tau() * a[1 + d + i] / (c * dt);
            }
            emb.embed(w1, x);
            for (int j = 0; j < n; j++) phi.data[b * n + j] = cfg.activation().value(x[j]);
        }
        DMatrixRMaj phiW = new DMatrixRMaj(m, n);
        DMatrixRMaj yW = new DMatrixRMaj(m, d);
        for (int b = 0; b < m; b++) {
            double sw = Math.sqrt(counts[b]);
            for (int j = 0; j < n; j++) phiW.data[b * n + j] = sw * phi.data[b * n + j];
            for (int i = 0; i < d; i++) yW.data[b * d + i] = sw * y.data[b * d + i];
        }
        RidgeSolution ridge = RidgeRegression.fit(phiW, yW, cfg.lambda());
        double[] w = new double[d * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < d; i++) w[i * n + j] = ridge.coefficients()[j * d + i];
        }
        // Weighted relative residual of the binned drift targets, in drift units.
        double num = 0, den = 0;
        for (int b = 0; b < m; b++) {
            for (int i = 0; i < d; i++) {
                double pred = 0;
                for (int j = 0; j < n; j++) pred += w[i * n + j] * phi.data[b * n + j];
                double yi = y.data[b * d + i];
                double err = (pred - yi) / cfg.tau();
                double fi = (yi - centres[b * d + i]) / cfg.tau();
                num += counts[b] * err * err;
                den += counts[b] * fi * fi;
            }
        }
        double trainingError = Math.sqrt(num / Math.max(den, Double.MIN_NORMAL));

        // Diffusion from residual increments r = Δz̃ − Δt f̂(z̃), on at most MAX_DIFFUSION_ROWS evenly spaced rows.
        int stride = Math.max(1, (rows - 1 + MAX_DIFFUSION_ROWS - 1) / MAX_DIFFUSION_ROWS);
        double[] mean = new double[d * d];
        double[] binCov = new double[m * d * d];
        double[] binCount = new double[m];
        double[] f = new double[d];
        double[] rr = new double[d];
        long used = 0;
        for (int r = 0; r + 1 < rows; r += stride) {
            System.arraycopy(zt, r * d, w1, 0, d);
            latentDrift(emb, w, n, d, cfg, w1, x, f);
            for (int i = 0; i < d; i++) rr[i] = zt[(r + 1) * d + i] - zt[r * d + i] - dt * f[i];
            int b = binOf[r];
            binCount[b] += 1;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double v = rr[i] * rr[j] / dt;
                    mean[i * d + j] += v;
                    binCov[b * d * d + i * d + j] += v;
                }
            }
            used++;
        }
        for (int i = 0; i < d * d; i++) mean[i] /= used;

        double[] offset = new double[d * d];
        double[] weights = null;
        DiffusionMatcher.GainFit gain = null;
        if (dcfg.noise() == DataConfig.NoiseModel.CONSTANT) {
            DiffusionMatcher.choleskyLower(mean, d, offset);
        } else {
            gain = stateDependentGain(phi, binCov, binCount, d);
            offset = gain.offset();
            weights = gain.weights();
        }
        RateNetwork net = new RateNetwork("network-" + name, emb, w, offset, weights, d, cfg.tau(), cfg.activation(), st, dt);
        double seconds = (System.nanoTime() - start) * 1e-9;
        TrainingResult tr = new TrainingResult(net, cfg, ridge, trainingError, m, seconds);
        return new DataTrainingResult(tr, rows, mean, gain);
    }

    /** The network's latent drift on the manifold, {@code (1/τ)(−z̃ + W φ(U z̃ + b))}. */
    private static void latentDrift(Embedding emb, double[] w, int n, int d, MatchConfig cfg, double[] zt, double[] x,
                                    double[] out) {
        emb.embed(zt, x);
        for (int i = 0; i < d; i++) out[i] = -zt[i];
        for (int j = 0; j < n; j++) {
            double p = cfg.activation().value(x[j]);
            for (int i = 0; i < d; i++) out[i] += w[i * n + j] * p;
        }
        for (int i = 0; i < d; i++) out[i] /= cfg.tau();
    }

    /**
     * Two stages: the bin means of {@code r rᵀ/Δt} are smoothed by a weighted ridge regression on the features; the
     * Cholesky factor of the smoothed (symmetrised) covariance at every bin is then fitted by {@code K φ + k}.
     */
    private static DiffusionMatcher.GainFit stateDependentGain(DMatrixRMaj phi, double[] binCov, double[] binCount, int d) {
        int m = phi.numRows;
        int n = phi.numCols;
        int keep = 0;
        for (int b = 0; b < m; b++) {
            if (binCount[b] > 0) keep++;
        }
        DMatrixRMaj p = new DMatrixRMaj(keep, n);
        DMatrixRMaj c = new DMatrixRMaj(keep, d * d);
        double[] wts = new double[keep];
        int row = 0;
        for (int b = 0; b < m; b++) {
            if (binCount[b] == 0) continue;
            System.arraycopy(phi.data, b * n, p.data, row * n, n);
            for (int e = 0; e < d * d; e++) c.data[row * d * d + e] = binCov[b * d * d + e] / binCount[b];
            wts[row] = binCount[b];
            row++;
        }
        DiffusionMatcher.Affine smooth = DiffusionMatcher.affineRidge(p, c, wts);
        DMatrixRMaj roots = new DMatrixRMaj(keep, d * d);
        double[] covs = new double[keep * d * d];
        double[] cov = new double[d * d];
        double[] root = new double[d * d];
        for (int r = 0; r < keep; r++) {
            for (int e = 0; e < d * d; e++) {
                double v = smooth.offset()[e];
                for (int j = 0; j < n; j++) v += smooth.weights()[e * n + j] * p.data[r * n + j];
                cov[e] = v;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    double s = 0.5 * (cov[i * d + j] + cov[j * d + i]);
                    cov[i * d + j] = s;
                    cov[j * d + i] = s;
                }
            }
            DiffusionMatcher.choleskyLower(cov, d, root);
            System.arraycopy(root, 0, roots.data, r * d * d, d * d);
            System.arraycopy(cov, 0, covs, r * d * d, d * d);
        }
        return DiffusionMatcher.fitGain(p, roots, wts, d, d, covs);
    }
}
