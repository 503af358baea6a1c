package ddmatch.fit;

import ddmatch.rnn.DenseRateNetwork;
import ddmatch.rnn.Embedding;
import ddmatch.rnn.Standardization;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.solve.ProgressListener;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Full-rank drift matching: {@code J = J₀ + ΔJ} with a random bulk J₀ and a full N × N correction ΔJ fitted by
 * ridge regression (DESIGN §1.4, full-rank variant).
 *
 * <p><b>Description.</b> At a sample {@code x_n = U z̃_n + b} of the manifold the network's whole drift
 * {@code (1/τ)(−x_n + J φ_n + b)} equals {@code U f̃(z̃_n)} — transverse part zero, readout part the target — iff
 * {@code J φ_n = U (z̃_n + τ f̃_n)}. With J = J₀ + ΔJ this is the ridge problem
 * {@code ΔJ φ_n ≈ U(z̃_n + τ f̃_n) − J₀ φ_n}: N outputs that share the feature matrix Φ, so one Gram matrix and one
 * Cholesky factorisation serve all N right-hand sides ({@link RidgeRegression} with a fixed λ). λ is the GCV choice
 * of the d-output problem {@code W φ_n ≈ z̃_n + τ f̃_n} (that of the factored network, {@link DriftMatcher}) unless
 * the configuration fixes it. A low-rank correction {@code J₀ + U W} would leave J₀'s transverse push
 * {@code (I − UP) J₀ φ} in place; the full ΔJ cancels it on the samples. Off the samples J₀ still acts, so the
 * transverse stability of the manifold must be measured by simulation. Where J₀ still acts depends on the samples:
 * with fewer samples than neurons (dual form) ΔJ cancels J₀ only on the span of the samples' features; with more
 * (primal form, GCV λ ≈ 1e-11 of the trace scale) ΔJ ≈ U W − J₀ almost everywhere. Measured on Lorenz, N = 500,
 * largest manifold distance over 100 time units: M = 250 samples: 1.6e-3 … 1.9e-2 for g₀ = 0.5 … 3, lost (2.4) at
 * g₀ = 5; M = 4000: ≤ 3.6e-6 up to g₀ = 8. At N = 1000 (100 time units) M = 500 holds at g₀ = 3 (1.4e-3) and is
 * lost at 4; M = 4000 holds at g₀ = 4 (3.4e-5) and is lost at 5 (with λ at the rounding floor, since: holds at 5,
 * 1.2e-4, lost at 6, 1.39): with M &gt; N the ridge still cancels J₀ only along
 * feature directions the samples excite above λ, and a d-dimensional attractor excites few of 1000. (DESIGN's
 * reference, N = 1000: held to g₀ = 1.5, lost at g₀ = 3.)
 *
 * <p>Cost: O(M·N²) for the Gram matrix and the right-hand sides, O(N³) for the factorisation.
 */
public final class FullRankMatcher {
    private FullRankMatcher() {}

    /**
     * Trains a full-rank network for {@code target}.
     *
     * @param target   the system (additive or no noise)
     * @param cfg      N, τ, φ, σ_b, sampling, λ (NaN: GCV on the d-output problem) and the seed; the embedding and the
     *                 samples are those {@link DriftMatcher} draws for the same configuration
     * @param bulk     g₀ and the connection probability of J₀ (J₀'s seed is derived from {@code cfg.seed()})
     * @param progress progress receiver for the sampling run
     */
    public static DenseTrainingResult train(Sde target, MatchConfig cfg, FullRankConfig bulk, ProgressListener progress) {
        long start = System.nanoTime();
        requireAdditive(target, cfg);
        long nn = cfg.neurons();
        // J, its N right-hand sides and the N-output ridge solution: three dense N × N arrays on top of the features.
        MemoryBudget.require(String.format("a dense N × N network with N = %d neurons", cfg.neurons()),
                MemoryBudget.driftMatchBytes(cfg.sampling().samples(), nn, target.dimension()) + 8L * (3 * nn * nn
                        + (long) cfg.sampling().samples() * nn), "use fewer --neurons or the factored connectivity");
        DriftMatcher.Design des = DriftMatcher.design(target, cfg, progress);
        int d = target.dimension();
        int n = cfg.neurons();
        int m = des.samples();
        Standardization st = des.standardization();
        Embedding emb = des.embedding();
        SplittableRandom seeds = new SplittableRandom(cfg.seed());
        seeds.nextLong();
        seeds.nextLong();
        long bulkSeed = seeds.nextLong();
        double[] j0 = bulk.bulk(n, bulkSeed);

        DMatrixRMaj latentTarget = latentTargets(target, cfg, des);
        double lambda = Double.isNaN(cfg.lambda()) ? RidgeRegression.fit(des.phi(), latentTarget).lambda() : cfg.lambda();
        // Y = (z̃ + τ f̃) Uᵀ − Φ J₀ᵀ, M × N.
        DMatrixRMaj y = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(latentTarget, DMatrixRMaj.wrap(n, d, emb.u()), y);
        CommonOps_DDRM.multAddTransB(-1.0, des.phi(), DMatrixRMaj.wrap(n, n, j0), y);
        RidgeSolution ridge = RidgeRegression.fit(des.phi(), y, lambda);
        double[] beta = ridge.coefficients();     // N × N, features × outputs: ΔJ = βᵀ
        double[] j = j0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                j[r * n + c] += beta[c * n + r];
            }
        }
        DenseRateNetwork net = network(target, cfg, emb, st, j);
        double[] err = DenseErrors.onSamples(net, des, latentTarget, cfg.tau());
        return new DenseTrainingResult(net, cfg, ridge.lambda(), err[0], err[1], m, new double[0],
                (System.nanoTime() - start) * 1e-9);
    }

    static void requireAdditive(Sde target, MatchConfig cfg) {
        if (cfg.neurons() < target.dimension()) {
            throw new IllegalArgumentException("neurons = " + cfg.neurons() + " is not allowed for system '" + target.name()
                    + "' of dimension " + target.dimension() + "; N must be ≥ d");
        }
        if (target.noiseType() == NoiseType.DIAGONAL || target.noiseType() == NoiseType.GENERAL) {
            throw new IllegalArgumentException("system '" + target.name() + "' has state-dependent noise (" + target.noiseType()
                    + "); dense matching handles additive (constant) noise only");
        }
    }

    /** {@code z̃_n + τ f̃(z̃_n)} for every sample, M × d. */
    static DMatrixRMaj latentTargets(Sde target, MatchConfig cfg, DriftMatcher.Design des) {
        int d = target.dimension();
        int m = des.samples();
        Standardization st = des.standardization();
        DMatrixRMaj y = new DMatrixRMaj(m, d);
        double[] z = new double[d];
        double[] f = new double[d];
        for (int r = 0; r < m; r++) {
            System.arraycopy(des.points(), r * d, z, 0, d);
            target.drift(0.0, z, f);
            for (int i = 0; i < d; i++) {
                y.data[r * d + i] = des.latent()[r * d + i] + cfg.tau() * f[i] / st.scale(i);
            }
        }
        return y;
    }

    static DenseRateNetwork network(Sde target, MatchConfig cfg, Embedding emb, Standardization st, double[] j) {
        int d = target.dimension();
        int noiseDim = target.noiseDimension();
        double[] s = new double[d * noiseDim];
        if (noiseDim > 0) {
            DiffusionMatcher.constantGain(target, st, s);
        }
        return new DenseRateNetwork("network-" + target.name(), emb, j, s, noiseDim, cfg.tau(), cfg.activation(), st,
                target.defaultTimeStep());
    }
}
