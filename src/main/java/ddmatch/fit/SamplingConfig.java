package ddmatch.fit;

/**
 * How the target's state space is sampled for training (DESIGN §1.4).
 *
 * @param samples   number of training points M (≥ 10)
 * @param interval  time between successive trajectory samples (&gt; 0, time units of the target)
 * @param transientTime time simulated and discarded before sampling starts, so that samples lie on the attractor or
 *                  in the stationary density (≥ 0)
 * @param jitter    standard deviation of the Gaussian jitter added to each sample, in standardised units z̃ (≥ 0);
 *                  makes the drift right in a neighbourhood of the attractor, not only on it
 * @param boxFraction fraction in [0, 1) of the samples drawn uniformly from the bounding box of the trajectory
 *                  (widened by 10% per side) instead of from the trajectory: covers barriers and tails of
 *                  low-dimensional multistable systems
 */
public record SamplingConfig(int samples, double interval, double transientTime, double jitter, double boxFraction) {
    public SamplingConfig {
        if (samples < 10) {
            throw new IllegalArgumentException("samples = " + samples + " is not allowed; at least 10 training points are needed");
        }
        if (!(interval > 0) || !Double.isFinite(interval)) {
            throw new IllegalArgumentException("sample interval = " + interval + " is not allowed; it must be finite and > 0");
        }
        if (!(transientTime >= 0) || !Double.isFinite(transientTime)) {
            throw new IllegalArgumentException("transient = " + transientTime + " is not allowed; it must be finite and ≥ 0");
        }
        if (!(jitter >= 0) || !Double.isFinite(jitter)) {
            throw new IllegalArgumentException("jitter = " + jitter + " is not allowed; it must be finite and ≥ 0");
        }
        if (!(boxFraction >= 0 && boxFraction < 1)) {
            throw new IllegalArgumentException("boxFraction = " + boxFraction + " is not allowed; it must be in [0, 1)");
        }
    }

    /** Defaults: 5000 points every 0.1 time units after a transient of 20, jitter 0.1, no box samples. */
    public static SamplingConfig defaults() {
        return new SamplingConfig(5000, 0.1, 20.0, 0.1, 0.0);
    }

    public SamplingConfig withSamples(int m) {
        return new SamplingConfig(m, interval, transientTime, jitter, boxFraction);
    }

    public SamplingConfig withJitter(double j) {
        return new SamplingConfig(samples, interval, transientTime, j, boxFraction);
    }

    public SamplingConfig withBoxFraction(double f) {
        return new SamplingConfig(samples, interval, transientTime, jitter, f);
    }

    public SamplingConfig withInterval(double dt) {
        return new SamplingConfig(samples, dt, transientTime, jitter, boxFraction);
    }
}
