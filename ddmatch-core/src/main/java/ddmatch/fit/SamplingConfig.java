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
 *                  low-dimensional multistable systems (used by {@link Kind#TRAJECTORY}); for
 *                  {@link Kind#MIXTURE} the fraction of Latin-hypercube points (0 means the default 0.3)
 * @param kind      how the points are placed (default {@link Kind#TRAJECTORY}); see {@link Sampler}
 */
public record SamplingConfig(int samples, double interval, double transientTime, double jitter, double boxFraction,
                             Kind kind) {

    /** How training points are placed; all but TRAJECTORY fill the trajectory's bounding box widened by 10% per side. */
    public enum Kind {
        /** Points along a long trajectory (plus jitter, plus a fraction uniform in the box): the default. */
        TRAJECTORY,
        /** Uniform in the box. */
        BOX,
        /** A Latin hypercube in the box (McKay, Beckman and Conover, Technometrics 21, 239, 1979). */
        LHS,
        /** A regular grid in the box, for d ≤ 3: ⌊M^{1/d}⌋ points per side. */
        GRID,
        /** Trajectory points with jitter, plus a fraction of Latin-hypercube points in the box. */
        MIXTURE
    }

    /** A trajectory sampler ({@link Kind#TRAJECTORY}). */
    public SamplingConfig(int samples, double interval, double transientTime, double jitter, double boxFraction) {
        this(samples, interval, transientTime, jitter, boxFraction, Kind.TRAJECTORY);
    }

    public SamplingConfig {
        if (kind == null) {
            throw new IllegalArgumentException("sampler kind = null is not allowed; give one of " + java.util.Arrays.toString(Kind.values()));
        }
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

    // Each with… returns a copy with one value changed, validated again by the constructor.

    /** These settings with another number of training points M. */
    public SamplingConfig withSamples(int m) {
        return new SamplingConfig(m, interval, transientTime, jitter, boxFraction, kind);
    }

    /** These settings with another jitter (standardised units). */
    public SamplingConfig withJitter(double j) {
        return new SamplingConfig(samples, interval, transientTime, j, boxFraction, kind);
    }

    /** These settings with another fraction of points drawn uniformly in the trajectory's bounding box. */
    public SamplingConfig withBoxFraction(double f) {
        return new SamplingConfig(samples, interval, transientTime, jitter, f, kind);
    }

    /** These settings with another time between trajectory samples (target time units). */
    public SamplingConfig withInterval(double dt) {
        return new SamplingConfig(samples, dt, transientTime, jitter, boxFraction, kind);
    }

    /** These settings with another transient, integrated before the first sample (target time units). */
    public SamplingConfig withTransientTime(double t) {
        return new SamplingConfig(samples, interval, t, jitter, boxFraction, kind);
    }

    /** These settings with another kind of sampler. */
    public SamplingConfig withKind(Kind k) {
        return new SamplingConfig(samples, interval, transientTime, jitter, boxFraction, k);
    }
}
