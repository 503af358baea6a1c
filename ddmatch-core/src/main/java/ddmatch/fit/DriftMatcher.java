package ddmatch.fit;

import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.sde.SdeContract;
import ddmatch.solve.ProgressListener;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Closed-form drift-diffusion matching of a target SDE by a rate network with factored connectivity
 * {@code J = U W} (DESIGN §1.4–1.5).
 *
 * <p><b>Description.</b> On the invariant manifold {@code x = U z̃ + b} the network's readout drift is
 * {@code (1/τ)(−z̃ + W φ(U z̃ + b))}; requiring it to equal the standardised target drift {@code f̃(z̃)} at the samples
 * {@code z̃_n} gives the linear problem {@code W φ(U z̃_n + b) ≈ z̃_n + τ f̃(z̃_n)}, solved by
 * {@link RidgeRegression}. For additive noise the noise gain is the standardised diffusion {@code S = diag(1/s) G}, so
 * that the readout receives exactly {@code G̃ dW}; for state-dependent (diagonal or general) noise it is
 * {@code S(x) = K φ(x) + k}, fitted on the same samples and features by {@link DiffusionMatcher#stateDependentGain}
 * (then the network's noise type is GENERAL). No trajectory is back-propagated through.
 *
 * <p><b>Parameters.</b> See {@link MatchConfig}; seeds of the embedding and of the samples are derived from its
 * seed, so the same configuration always gives the same network, bit for bit.
 */
public final class DriftMatcher {
    private DriftMatcher() {}

    /** Trains a network for {@code target} with {@code cfg}; a target with inputs is trained by {@link InputMatcher}. */
    public static TrainingResult train(Sde target, MatchConfig cfg, ProgressListener progress) {
        return train(target, cfg, 0, progress);
    }

    /**
     * As {@link #train(Sde, MatchConfig, ProgressListener)}, with λ (when {@code cfg.lambda()} is NaN) selected by
     * {@code folds}-fold cross-validation ({@link RidgeRegression#kFoldCurve}) instead of GCV when {@code folds ≥ 2}.
     * Targets with inputs always use GCV.
     */
    public static TrainingResult train(Sde target, MatchConfig cfg, int folds, ProgressListener progress) {
        if (target instanceof ddmatch.sde.InputDriven driven && driven.inputDimension() > 0) {
            return InputMatcher.train(driven, cfg, progress).result(); // inputs: see InputMatcher
        }
        long start = System.nanoTime();
        int d = target.dimension();
        if (cfg.neurons() < d) {
            throw new IllegalArgumentException("neurons = " + cfg.neurons() + " is not allowed for system '" + target.name()
                    + "' of dimension " + d + "; N must be ≥ d");
        }
        Design des = design(target, cfg, progress);
        Standardization st = des.standardization();
        Embedding emb = des.embedding();
        int m = des.samples();
        int n = cfg.neurons();
        DMatrixRMaj phi = des.phi();
        double[] latent = des.latent();
        DMatrixRMaj y = new DMatrixRMaj(m, d);
        double[] z = new double[d];
        double[] f = new double[d];
        for (int r = 0; r < m; r++) {
            System.arraycopy(des.points(), r * d, z, 0, d);
            target.drift(0.0, z, f);
            for (int i = 0; i < d; i++) {
                y.data[r * d + i] = latent[r * d + i] + cfg.tau() * f[i] / st.scale(i);
            }
            requireFiniteTarget(target, cfg, r, z, f, y.data, r * d, d);
        }
        RidgeSolution ridge = RidgeRegression.fit(phi, y, cfg.lambda(), folds);

        // β is N × d; W is its transpose, d × N.
        double[] w = new double[d * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < d; i++) {
                w[i * n + j] = ridge.coefficients()[j * d + i];
            }
        }
        int noiseDim = DiffusionMatcher.networkNoiseDimension(target);
        double[] s = new double[d * noiseDim];
        double[] k = null;
        if (target.noiseType() == NoiseType.ADDITIVE) {
            DiffusionMatcher.constantGain(target, st, s);
        } else if (target.noiseType() == NoiseType.DIAGONAL || target.noiseType() == NoiseType.GENERAL) {
            DiffusionMatcher.GainFit gain = DiffusionMatcher.stateDependentGain(target, st, phi, des.points());
            s = gain.offset();
            k = gain.weights();
        }
        RateNetwork net = new RateNetwork("network-" + target.name(), emb, w, s, k, noiseDim, cfg.tau(), cfg.activation(), st,
                target.defaultTimeStep());

        // Training residual in drift units: P·drift − f̃ = (Wφ − z̃ − τ f̃)/τ, relative to the RMS of f̃ = (y − z̃)/τ.
        double num = 0, den = 0;
        for (int r = 0; r < m; r++) {
            int off = r * n;
            for (int i = 0; i < d; i++) {
                double pred = 0;
                for (int j = 0; j < n; j++) pred += w[i * n + j] * phi.data[off + j];
                double yi = y.data[r * d + i];
                double err = (pred - yi) / cfg.tau();
                double fti = (yi - latent[r * d + i]) / cfg.tau();
                num += err * err;
                den += fti * fti;
            }
        }
        double trainingError = Math.sqrt(num / den);
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new TrainingResult(net, cfg, ridge, trainingError, m, seconds);
    }

    /**
     * The regression targets z̃ + τ f(z)/σ of sample {@code r} are finite and of a size whose squares sum: a huge τ or
     * jitter (or a drift that blows up
     * where the jittered samples land) would otherwise surface as "no λ of the grid gave a finite score".
     */
    static void requireFiniteTarget(Sde target, MatchConfig cfg, int r, double[] z, double[] f, double[] y, int off, int d) {
        for (int i = 0; i < d; i++) {
            // Beyond 1e150 the squared sums of the fit overflow even where each target is finite.
            if (!(Math.abs(y[off + i]) <= 1e150)) {
                throw new IllegalArgumentException("the fit's target at sample " + r + " is not finite or too large ("
                        + y[off + i] + "; the fit needs |z̃ + τ f/σ| ≤ 1e150): the drift of '"
                        + target.name() + "' at z = " + java.util.Arrays.toString(z) + " is " + java.util.Arrays.toString(f)
                        + ", times τ = " + cfg.tau() + "; check --tau and the sampling (--jitter = " + cfg.sampling().jitter()
                        + ", --box-fraction = " + cfg.sampling().boxFraction() + ")");
            }
        }
    }

    /**
     * The samples, standardisation, embedding and feature matrix of a fit; a function of the target and the
     * configuration only (seeds derived from {@code cfg.seed()}), so two calls give identical designs.
     */
    record Design(double[] points, Standardization standardization, Embedding embedding, DMatrixRMaj phi,
                          double[] latent, int samples) {
    }

    /** Samples per task of the feature computation in {@link #design}. */
    static final int FEATURE_ROWS = 500;

    static Design design(Sde target, MatchConfig cfg, ProgressListener progress) {
        int d = target.dimension();
        MemoryBudget.require(String.format("training N = %d neurons on M = %d samples", cfg.neurons(), cfg.sampling().samples()),
                MemoryBudget.driftMatchBytes(cfg.sampling().samples(), cfg.neurons(), target.dimension()),
                "use fewer --neurons or --samples");
        SplittableRandom seeds = new SplittableRandom(cfg.seed());
        long embeddingSeed = seeds.nextLong();
        long sampleSeed = seeds.nextLong();

        SdeContract.requireConsistent(target);
        if (target instanceof ddmatch.sde.InputDriven driven && driven.inputDimension() > 0) {
            throw new IllegalArgumentException("system '" + target.name() + "' has " + driven.inputDimension() + " input(s);"
                    + " only the factored trainer learns inputs (DriftMatcher.train, or 'ddmatch train' without --dale,"
                    + " --sparsity, --full-rank or constraints)");
        }
        Sampler.Samples samples = Sampler.draw(target, cfg.sampling(), sampleSeed, progress);
        // The fit evaluates f(z, t) at t = 0: refuse a forced system rather than learn its t = 0 slice.
        SdeContract.requireAutonomous(target, samples.points(), samples.count());
        Standardization st = samples.standardization();
        Embedding emb = Embedding.random(cfg.neurons(), d, cfg.tonicStd(), embeddingSeed);

        int m = samples.count();
        int n = cfg.neurons();
        DMatrixRMaj phi = new DMatrixRMaj(m, n);
        double[] latent = new double[m * d];
        // Rows are independent: blocks of rows are shared among threads, each row computed as on one thread.
        int blocks = (m + FEATURE_ROWS - 1) / FEATURE_ROWS;
        Chunks.run(blocks, ddmatch.solve.Parallelism.threads(), "ddmatch-features", b -> {
            double[] z = new double[d];
            double[] zt = new double[d];
            double[] x = new double[n];
            for (int r = b * FEATURE_ROWS, end = Math.min(m, r + FEATURE_ROWS); r < end; r++) {
                System.arraycopy(samples.points(), r * d, z, 0, d);
                st.toLatent(z, zt);
                System.arraycopy(zt, 0, latent, r * d, d);
                emb.embed(zt, x);
                int off = r * n;
                for (int j = 0; j < n; j++) {
                    phi.data[off + j] = cfg.activation().value(x[j]);
                }
            }
        });
        return new Design(samples.points(), st, emb, phi, latent, m);
    }

    /**
     * Trains the network for {@code target} as {@link #train} does, then splits its read-in weights into a leak part
     * and one part per given drift component, all fitted with the same features (same U, b, samples) and the λ of the
     * full fit.
     *
     * <p><b>Description.</b> The full fit solves the ridge problem for targets {@code Y = z̃ + τ f̃}. Ridge regression
     * with a fixed λ is linear in its targets, so with {@code f = Σ_k f_k} the fits of {@code Y_0 = z̃} (the leak
     * part, which cancels the neurons' decay {@code −x} along the manifold) and {@code Y_k = τ f̃_k} sum to the full
     * fit: {@code W = W_0 + Σ_k W_k}, up to rounding. This is how a reversible/irreversible split of the drift is
     * carried to the connectivity, {@code J = U W_0 + U W_rev + U W_irr} (DESIGN §1.6). All parts are solved in one
     * multi-output regression, i.e. with one factorisation.
     *
     * @param target     the system the network is trained for (its samples, standardisation and full drift)
     * @param cfg        the configuration; if its λ is NaN, GCV selects it on the full fit and the parts reuse it
     * @param components drift fields in the target's coordinates whose sum must equal the target's drift at the
     *                   samples (checked: the relative RMS mismatch must be ≤ 1e-8)
     * @param progress   progress receiver for the sampling run
     * @return the full training result and the weights of the leak part and of each component
     * @throws IllegalArgumentException if the components do not sum to the target's drift
     */
    public static SplitTrainingResult trainSplit(Sde target, MatchConfig cfg, java.util.List<DriftField> components,
                                                 ProgressListener progress) {
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("components = " + components + " is not allowed; give at least one drift field");
        }
        TrainingResult full = train(target, cfg, progress);
        Design des = design(target, cfg, progress);
        int d = target.dimension();
        int n = cfg.neurons();
        int m = des.samples();
        int k = components.size();
        int q = d * (k + 1);
        Standardization st = des.standardization();
        DMatrixRMaj y = new DMatrixRMaj(m, q);
        double[] z = new double[d];
        double[] f = new double[d];
        double[] part = new double[d];
        double[] sum = new double[d];
        double mismatch = 0, norm = 0;
        for (int r = 0; r < m; r++) {
            System.arraycopy(des.points(), r * d, z, 0, d);
            target.drift(0.0, z, f);
            java.util.Arrays.fill(sum, 0.0);
            for (int i = 0; i < d; i++) {
                y.data[r * q + i] = des.latent()[r * d + i];
            }
            for (int c = 0; c < k; c++) {
                components.get(c).drift(z, part);
                for (int i = 0; i < d; i++) {
                    sum[i] += part[i];
                    y.data[r * q + (c + 1) * d + i] = cfg.tau() * part[i] / st.scale(i);
                }
            }
            for (int i = 0; i < d; i++) {
                double e = (sum[i] - f[i]) / st.scale(i);
                mismatch += e * e;
                norm += f[i] / st.scale(i) * f[i] / st.scale(i);
            }
        }
        double rel = Math.sqrt(mismatch / Math.max(norm, Double.MIN_NORMAL));
        if (!(rel <= 1e-8)) {
            throw new IllegalArgumentException("components do not sum to the drift of '" + target.name()
                    + "': relative RMS mismatch " + rel + " at the training samples; allowed ≤ 1e-8");
        }
        RidgeSolution ridge = RidgeRegression.fit(des.phi(), y, full.ridge().lambda());
        double[][] w = new double[k + 1][d * n];
        double[] beta = ridge.coefficients();
        for (int c = 0; c <= k; c++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < d; i++) {
                    w[c][i * n + j] = beta[j * q + c * d + i];
                }
            }
        }
        java.util.List<double[]> parts = new java.util.ArrayList<>(k);
        for (int c = 1; c <= k; c++) {
            parts.add(w[c]);
        }
        return new SplitTrainingResult(full, w[0], parts);
    }
}
