package ddmatch.fit;

import ddmatch.rnn.Embedding;
import ddmatch.rnn.RateNetwork;
import ddmatch.rnn.Standardization;
import ddmatch.sde.InputDriven;
import ddmatch.sde.input.InputSchedule;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.StandardNormal;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Drift-diffusion matching of a target driven by external inputs, {@code dz = f(z, u) dt + G dW}, by a network with
 * input gain {@code B = τ U C̃ + B_c} (see {@link RateNetwork}).
 *
 * <p><b>Description.</b> Training points {@code z_r} come from the {@link Sampler} (the target driven by its own
 * schedules) and each gets an input {@code u_r} drawn uniformly from the schedules' ranges widened by 10% per side
 * ({@link InputSchedule#range()}). The linear part of the input dependence is fitted by least squares,
 * {@code f(z_r, u_r) − f(z_r, u_ref) ≈ C (u_r − u_ref)} ({@code u_ref} the midpoint of the ranges), and standardised
 * to {@code C̃ = diag(1/s) C}. If this fit is exact (relative RMS residual ≤ {@value #ADDITIVE_TOLERANCE}) the inputs
 * are <i>additive</i>: {@code B = τ U C̃} carries them exactly to the readout and the features do not depend on u.
 * Otherwise they are <i>contextual</i>: a seeded random {@code B_c ⟂ U} (entries of standard deviation
 * {@code max(σ_b, 1)/h_k} for input k with half-range {@code h_k}, then projected off span(U)) moves the manifold to
 * {@code U z̃ + b + B_c u}, and the ridge fit of {@code W φ(U z̃_r + b + B_c u_r) ≈ z̃_r + τ(f̃(z_r, u_r) − C̃ u_r)}
 * learns the drift's nonlinear input dependence. In both cases the readout drift on the manifold is
 * {@code (1/τ)(−z̃ + W φ(U z̃ + b + B_c u)) + C̃ u}.
 */
public final class InputMatcher {
    /** Largest relative residual of the linear input fit for which the inputs count as additive. */
    public static final double ADDITIVE_TOLERANCE = 1e-9;

    private InputMatcher() {}

    /** How the inputs were found to enter the drift. */
    public enum Mode {
        /** {@code f(z, u) = f(z, 0) + C u}: carried exactly by the part of B along U. */
        ADDITIVE,
        /** Any other dependence: learned by the read-in from input-dependent features. */
        CONTEXTUAL
    }

    /**
     * The fit and how the inputs were handled.
     *
     * @param result        the trained network and fit statistics
     * @param mode          additive or contextual
     * @param linearGain    C in the target's units, row-major d × p
     * @param linearResidual relative RMS residual of the linear input fit (0 up to rounding for additive inputs)
     * @param inputLow      per input, the lower end of the sampled input range
     * @param inputHigh     per input, the upper end
     */
    public record Result(TrainingResult result, Mode mode, double[] linearGain, double linearResidual, double[] inputLow,
                         double[] inputHigh) {
    }

    /** Trains a network for an input-driven target with {@code cfg} (p ≥ 1 inputs). */
    public static Result train(InputDriven target, MatchConfig cfg, ProgressListener progress) {
        long start = System.nanoTime();
        ddmatch.sde.SdeContract.requireConsistent(target);
        int d = target.dimension();
        int p = target.inputDimension();
        int n = cfg.neurons();
        if (p < 1) {
            throw new IllegalArgumentException("system '" + target.name() + "' has no inputs; use DriftMatcher.train");
        }
        if (n < d) {
            throw new IllegalArgumentException("neurons = " + n + " is not allowed for system '" + target.name()
                    + "' of dimension " + d + "; N must be ≥ d");
        }
        SplittableRandom seeds = new SplittableRandom(cfg.seed());
        long embeddingSeed = seeds.nextLong();
        long sampleSeed = seeds.nextLong();
        long inputSeed = seeds.nextLong();
        Sampler.Samples samples = Sampler.draw(target, cfg.sampling(), sampleSeed, progress);
        Standardization st = samples.standardization();
        Embedding emb = Embedding.random(n, d, cfg.tonicStd(), embeddingSeed);
        int m = samples.count();

        double[] lo = new double[p];
        double[] hi = new double[p];
        double[] ref = new double[p];
        for (int q = 0; q < p; q++) {
            double[] r = target.schedules().get(q).range();
            double pad = 0.1 * (r[1] - r[0]);
            if (pad == 0) {
                pad = 0.1 * Math.max(1.0, Math.abs(r[0])); // a constant input: train in a neighbourhood of it
            }
            lo[q] = r[0] - pad;
            hi[q] = r[1] + pad;
            ref[q] = 0.5 * (lo[q] + hi[q]);
        }
        SplittableRandom uni = new SplittableRandom(inputSeed);
        double[] us = new double[m * p];
        for (int r = 0; r < m; r++) {
            for (int q = 0; q < p; q++) us[r * p + q] = lo[q] + (hi[q] - lo[q]) * uni.nextDouble();
        }

        // Drift at the sampled inputs and at the reference input; linear fit of the difference.
        double[] f = new double[m * d];
        double[] df = new double[m * d];
        double[] z = new double[d];
        double[] out = new double[d];
        double[] uv = new double[p];
        for (int r = 0; r < m; r++) {
            System.arraycopy(samples.points(), r * d, z, 0, d);
            System.arraycopy(us, r * p, uv, 0, p);
            target.drift(0.0, z, uv, out);
            System.arraycopy(out, 0, f, r * d, d);
            target.drift(0.0, z, ref, out);
            for (int i = 0; i < d; i++) df[r * d + i] = f[r * d + i] - out[i];
        }
        DMatrixRMaj a = new DMatrixRMaj(m, p);
        for (int r = 0; r < m; r++) {
            for (int q = 0; q < p; q++) a.data[r * p + q] = us[r * p + q] - ref[q];
        }
        DMatrixRMaj rhs = new DMatrixRMaj(m, d, true, df);
        DMatrixRMaj ct = new DMatrixRMaj(p, d); // Cᵀ
        if (!CommonOps_DDRM.solve(a, rhs, ct)) {
            throw new IllegalArgumentException("system '" + target.name() + "': the sampled inputs are degenerate; cannot fit the"
                    + " input coefficient");
        }
        double res = 0, nrm = 0;
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < d; i++) {
                double pred = 0;
                for (int q = 0; q < p; q++) pred += a.data[r * p + q] * ct.data[q * d + i];
                double e = (df[r * d + i] - pred) / st.scale(i);
                res += e * e;
                double v = df[r * d + i] / st.scale(i);
                nrm += v * v;
            }
        }
        double linearResidual = nrm > 0 ? Math.sqrt(res / nrm) : 0.0;
        Mode mode = linearResidual <= ADDITIVE_TOLERANCE ? Mode.ADDITIVE : Mode.CONTEXTUAL;
        double[] c = new double[d * p];
        for (int i = 0; i < d; i++) {
            for (int q = 0; q < p; q++) c[i * p + q] = ct.data[q * d + i];
        }

        // B = τ U C̃ + B_c.
        double[] bGain = new double[n * p];
        double[] uMat = emb.u();
        if (mode == Mode.CONTEXTUAL) {
            StandardNormal g = new StandardNormal(inputSeed ^ 0x9E3779B97F4A7C15L);
            double sigma = Math.max(cfg.tonicStd(), 1.0);
            double[] col = new double[n];
            double[] zt = new double[d];
            Embedding centred = new Embedding(n, d, uMat, new double[n]);
            for (int q = 0; q < p; q++) {
                double half = Math.max(0.5 * (hi[q] - lo[q]), 1e-12);
                for (int j = 0; j < n; j++) col[j] = sigma / half * g.next();
                centred.project(col, zt);
                for (int j = 0; j < n; j++) {
                    double v = col[j];
                    for (int k = 0; k < d; k++) v -= uMat[j * d + k] * zt[k];
                    bGain[j * p + q] = v;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            for (int q = 0; q < p; q++) {
                double v = 0;
                for (int k = 0; k < d; k++) v += uMat[j * d + k] * c[k * p + q] / st.scale(k);
                bGain[j * p + q] += cfg.tau() * v;
            }
        }

        // Features φ(U z̃ + b + B_c u) and targets z̃ + τ(f̃(z, u) − C̃ u).
        DMatrixRMaj phi = new DMatrixRMaj(m, n);
        DMatrixRMaj y = new DMatrixRMaj(m, d);
        double[] latent = new double[m * d];
        double[] zt = new double[d];
        double[] x = new double[n];
        for (int r = 0; r < m; r++) {
            System.arraycopy(samples.points(), r * d, z, 0, d);
            st.toLatent(z, zt);
            System.arraycopy(zt, 0, latent, r * d, d);
            emb.embed(zt, x);
            if (mode == Mode.CONTEXTUAL) {
                for (int j = 0; j < n; j++) {
                    double v = 0;
                    for (int q = 0; q < p; q++) {
                        // B_c = B − τ U C̃: only the orthogonal part moves the manifold.
                        double along = 0;
                        for (int k = 0; k < d; k++) along += uMat[j * d + k] * c[k * p + q] / st.scale(k);
                        v += (bGain[j * p + q] - cfg.tau() * along) * us[r * p + q];
                    }
                    x[j] += v;
                }
            }
            for (int j = 0; j < n; j++) phi.data[r * n + j] = cfg.activation().value(x[j]);
            for (int i = 0; i < d; i++) {
                double lin = 0;
                for (int q = 0; q < p; q++) lin += c[i * p + q] * us[r * p + q];
                y.data[r * d + i] = zt[i] + cfg.tau() * (f[r * d + i] - lin) / st.scale(i);
            }
        }
        RidgeSolution ridge = RidgeRegression.fit(phi, y, cfg.lambda());
        double[] w = new double[d * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < d; i++) w[i * n + j] = ridge.coefficients()[j * d + i];
        }
        int noiseDim = target.noiseDimension();
        double[] s = new double[d * noiseDim];
        if (noiseDim > 0) {
            DiffusionMatcher.constantGain(target, st, s);
        }
        RateNetwork net = new RateNetwork("network-" + target.name(), emb, w, s, noiseDim, cfg.tau(), cfg.activation(), st,
                target.defaultTimeStep(), bGain, target.inputNames(), target.schedules());
        double num = 0, den = 0;
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < d; i++) {
                double pred = 0;
                for (int j = 0; j < n; j++) pred += w[i * n + j] * phi.data[r * n + j];
                double yi = y.data[r * d + i];
                double err = (pred - yi) / cfg.tau();
                double ft = f[r * d + i] / st.scale(i);
                num += err * err;
                den += ft * ft;
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        TrainingResult tr = new TrainingResult(net, cfg, ridge, Math.sqrt(num / den), m, seconds);
        return new Result(tr, mode, c, linearResidual, lo, hi);
    }
}
