package ddmatch.fit;

import ddmatch.rnn.Activation;

/**
 * Everything that defines a closed-form drift-diffusion match besides the target system.
 *
 * @param neurons    N, number of neurons (≥ the target's dimension d)
 * @param tau        neural time constant τ &gt; 0, in the target's time units (default 1)
 * @param activation φ (default tanh)
 * @param tonicStd   σ_b ≥ 0, standard deviation of the tonic input b ⟂ span(U) (default 2, DESIGN §1.3)
 * @param sampling   how training points are drawn
 * @param lambda     ridge regularisation in absolute units, or NaN to select it by GCV (default)
 * @param seed       seed of the embedding, the tonic input and the samples
 */
public record MatchConfig(int neurons, double tau, Activation activation, double tonicStd, SamplingConfig sampling,
                          double lambda, long seed) {
    public MatchConfig {
        if (neurons < 1) {
            throw new IllegalArgumentException("neurons = " + neurons + " is not allowed; it must be ≥ 1 (and ≥ the system's dimension)");
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau = " + tau + " is not allowed; the time constant must be finite and > 0");
        }
        if (!(tonicStd >= 0) || !Double.isFinite(tonicStd)) {
            throw new IllegalArgumentException("tonic-std = " + tonicStd + " is not allowed; it must be finite and ≥ 0");
        }
        if (!Double.isNaN(lambda) && !(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda = " + lambda + " is not allowed; it must be finite and ≥ 0, or omitted to select it by GCV");
        }
        if (activation == null || sampling == null) {
            throw new IllegalArgumentException("activation and sampling must be given");
        }
    }

    /** Defaults for {@code neurons} neurons: τ = 1, tanh, σ_b = 2, {@link SamplingConfig#defaults()}, λ by GCV. */
    public static MatchConfig defaults(int neurons, long seed) {
        return new MatchConfig(neurons, 1.0, Activation.TANH, 2.0, SamplingConfig.defaults(), Double.NaN, seed);
    }

    public MatchConfig withSampling(SamplingConfig s) {
        return new MatchConfig(neurons, tau, activation, tonicStd, s, lambda, seed);
    }

    public MatchConfig withSeed(long s) {
        return new MatchConfig(neurons, tau, activation, tonicStd, sampling, lambda, s);
    }

    public MatchConfig withNeurons(int n) {
        return new MatchConfig(n, tau, activation, tonicStd, sampling, lambda, seed);
    }

    public MatchConfig withTonicStd(double sb) {
        return new MatchConfig(neurons, tau, activation, sb, sampling, lambda, seed);
    }

    public MatchConfig withLambda(double l) {
        return new MatchConfig(neurons, tau, activation, tonicStd, sampling, l, seed);
    }
}
