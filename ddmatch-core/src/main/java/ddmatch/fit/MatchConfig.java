package ddmatch.fit;

import ddmatch.rnn.Activation;

/**
 * Everything that defines a closed-form drift-diffusion match besides the target system. The target must be
 * autonomous (its drift and diffusion evaluated at t = 0 are the functions fitted; the trainers refuse a drift that
 * depends on time, which belongs in an input), and the trained network keeps the target's default time step.
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

    // Each with… returns a copy with one value changed, validated again by the constructor.

    /** This configuration with another sampling of the training points. */
    public MatchConfig withSampling(SamplingConfig s) {
        return new MatchConfig(neurons, tau, activation, tonicStd, s, lambda, seed);
    }

    /** This configuration with another seed (embedding, tonic input, samples). */
    public MatchConfig withSeed(long s) {
        return new MatchConfig(neurons, tau, activation, tonicStd, sampling, lambda, s);
    }

    /** This configuration with another number of neurons N. */
    public MatchConfig withNeurons(int n) {
        return new MatchConfig(n, tau, activation, tonicStd, sampling, lambda, seed);
    }

    /** This configuration with another time constant τ (target time units, &gt; 0). */
    public MatchConfig withTau(double t) {
        return new MatchConfig(neurons, t, activation, tonicStd, sampling, lambda, seed);
    }

    /** This configuration with another activation φ. */
    public MatchConfig withActivation(Activation a) {
        return new MatchConfig(neurons, tau, a, tonicStd, sampling, lambda, seed);
    }

    /** This configuration with another standard deviation σ_b of the tonic input (≥ 0). */
    public MatchConfig withTonicStd(double sb) {
        return new MatchConfig(neurons, tau, activation, sb, sampling, lambda, seed);
    }

    /** This configuration with a fixed ridge λ (absolute units, ≥ 0), or NaN to select it by GCV. */
    public MatchConfig withLambda(double l) {
        return new MatchConfig(neurons, tau, activation, tonicStd, sampling, l, seed);
    }
}
