package ddmatch.analysis.statistics;

import ddmatch.solve.StandardNormal;

import java.util.SplittableRandom;

/**
 * The state-space divergence D_stsp for dimensions where a 30<sup>d</sup>-cell histogram is hopeless (d ≥ 6, DESIGN
 * §1.7): Gaussian mixtures are fitted by EM to the true and to the generated data ({@link GaussianMixture#fit}) and
 * {@code KL(p_true ‖ p_gen) = E_{x∼p_true}[log p_true(x) − log p_gen(x)]} is estimated by Monte Carlo with seeded
 * samples from the first mixture. The estimator is unbiased for the divergence between the two fitted mixtures, with
 * the standard error reported; the error of the mixture fits themselves is not included (compare with
 * {@link NoiseFloor}).
 *
 * <p>References: J. R. Hershey and P. A. Olsen, "Approximating the Kullback Leibler divergence between Gaussian
 * mixture models", ICASSP 2007; M. Brenner et al., "Tractable dendritic RNNs for reconstructing nonlinear dynamical
 * systems", ICML 2022 (the GMM-based D_stsp for high-dimensional systems).
 */
public final class MixtureDivergence {
    private MixtureDivergence() {}

    /** A Monte Carlo estimate, in nats, and its standard error (sample standard deviation / √samples). */
    public record Estimate(double value, double standardError, int samples) {
        public Estimate {
            if (!Double.isFinite(value) || !(standardError >= 0) || samples < 2) {
                throw new IllegalArgumentException("Estimate(value = " + value + ", standardError = " + standardError
                        + ", samples = " + samples + ") is not allowed; value finite, standardError ≥ 0, samples ≥ 2");
            }
        }
    }

    /**
     * {@code KL(p ‖ q)} by Monte Carlo with {@code samples} seeded draws from {@code p}.
     *
     * @param samples number of draws ≥ 2 (e.g. 100 000: standard error ~ √(Var log(p/q)/samples))
     */
    public static Estimate kl(GaussianMixture p, GaussianMixture q, int samples, long seed) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("mixtures of dimension " + p.dimension() + " and " + q.dimension()
                    + " are not allowed together; they must have the same dimension");
        }
        StatChecks.atLeast("samples", samples, 2);
        int d = p.dimension();
        SplittableRandom u = new SplittableRandom(seed);
        StandardNormal g = new StandardNormal(u.nextLong());
        double[] x = new double[d];
        double[] sp = new double[d + p.components()];
        double[] sq = new double[d + q.components()];
        double mean = 0, m2 = 0;
        for (int s = 1; s <= samples; s++) {
            p.sample(u, g, x, 0, sp);
            double v = p.logDensity(x, 0, sp) - q.logDensity(x, 0, sq);
            double delta = v - mean;   // Welford's running mean and variance
            mean += delta / s;
            m2 += delta * (v - mean);
        }
        return new Estimate(mean, Math.sqrt(m2 / (samples - 1) / samples), samples);
    }

    /**
     * D_stsp of two data sets: mixtures of {@code components} Gaussians fitted to each (EM, seed {@code seed}), then
     * {@link #kl} with {@code samples} draws (seed {@code seed + 1}).
     *
     * @param truth     reference data, row-major n × d
     * @param generated generated data, row-major m × d
     */
    public static Estimate stateSpace(double[] truth, double[] generated, int d, int components, int samples, long seed) {
        GaussianMixture p = GaussianMixture.fit(truth, d, GaussianMixture.FitConfig.of(components, seed));
        GaussianMixture q = GaussianMixture.fit(generated, d, GaussianMixture.FitConfig.of(components, seed));
        return kl(p, q, samples, seed + 1);
    }
}
