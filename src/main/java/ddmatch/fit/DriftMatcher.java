package ddmatch.fit;

import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
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
 * {@link RidgeRegression}. The noise gain is the standardised diffusion {@code S = diag(1/s) G}, so that the readout
 * receives exactly {@code G̃ dW}. No trajectory is back-propagated through.
 *
 * <p><b>Parameters.</b> See {@link MatchConfig}; seeds of the embedding and of the samples are derived from its
 * seed, so the same configuration always gives the same network, bit for bit.
 */
public final class DriftMatcher {
    private DriftMatcher() {}

    /** Trains a network for {@code target} with {@code cfg}. */
    public static TrainingResult train(Sde target, MatchConfig cfg, ProgressListener progress) {
        long start = System.nanoTime();
        int d = target.dimension();
        if (cfg.neurons() < d) {
            throw new IllegalArgumentException("neurons = " + cfg.neurons() + " is not allowed for system '" + target.name()
                    + "' of dimension " + d + "; N must be ≥ d");
        }
        if (target.noiseType() == NoiseType.DIAGONAL || target.noiseType() == NoiseType.GENERAL) {
            throw new IllegalArgumentException("system '" + target.name() + "' has state-dependent noise (" + target.noiseType()
                    + "); the closed-form matcher handles additive (constant) noise only");
        }
        MemoryBudget.require(String.format("training N = %d neurons on M = %d samples", cfg.neurons(), cfg.sampling().samples()),
                MemoryBudget.driftMatchBytes(cfg.sampling().samples(), cfg.neurons(), d), "use fewer --neurons or --samples");
        SplittableRandom seeds = new SplittableRandom(cfg.seed());
        long embeddingSeed = seeds.nextLong();
        long sampleSeed = seeds.nextLong();

        Sampler.Samples samples = Sampler.draw(target, cfg.sampling(), sampleSeed, progress);
        Standardization st = samples.standardization();
        Embedding emb = Embedding.random(cfg.neurons(), d, cfg.tonicStd(), embeddingSeed);

        int m = samples.count();
        int n = cfg.neurons();
        DMatrixRMaj phi = new DMatrixRMaj(m, n);
        DMatrixRMaj y = new DMatrixRMaj(m, d);
        double[] latent = new double[m * d];
        double[] z = new double[d];
        double[] zt = new double[d];
        double[] f = new double[d];
        double[] x = new double[n];
        for (int r = 0; r < m; r++) {
            System.arraycopy(samples.points(), r * d, z, 0, d);
            st.toLatent(z, zt);
            System.arraycopy(zt, 0, latent, r * d, d);
            target.drift(0.0, z, f);
            emb.embed(zt, x);
            int off = r * n;
            for (int j = 0; j < n; j++) {
                phi.data[off + j] = cfg.activation().value(x[j]);
            }
            for (int i = 0; i < d; i++) {
                y.data[r * d + i] = zt[i] + cfg.tau() * f[i] / st.scale(i);
            }
        }
        RidgeSolution ridge = RidgeRegression.fit(phi, y, cfg.lambda());

        // β is N × d; W is its transpose, d × N.
        double[] w = new double[d * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < d; i++) {
                w[i * n + j] = ridge.coefficients()[j * d + i];
            }
        }
        int noiseDim = target.noiseDimension();
        double[] s = new double[d * noiseDim];
        if (noiseDim > 0) {
            DiffusionMatcher.constantGain(target, st, s);
        }
        RateNetwork net = new RateNetwork("network-" + target.name(), emb, w, s, noiseDim, cfg.tau(), cfg.activation(), st,
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
}
