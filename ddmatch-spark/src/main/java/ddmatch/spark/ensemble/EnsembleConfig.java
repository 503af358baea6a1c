package ddmatch.spark.ensemble;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What every trajectory of an ensemble does; shipped to the executors.
 *
 * @param model        model directory, readable under this path by every executor
 * @param trajectories number of trajectories (≥ 1)
 * @param time         simulated time per trajectory, model time units (&gt; 0)
 * @param dt           integration step (&gt; 0, ≤ time)
 * @param every        record the readout every this many steps (≥ 1); residence lengths are multiples of
 *                     {@code every·dt}
 * @param seed         ensemble seed; trajectory i uses {@code Ensemble.trajectorySeed(seed, i)}
 * @param centres      well centres in latent coordinates, row-major K × d (K ≥ 2)
 * @param dimension    latent dimension d
 * @param radius       core radius of the milestoning assignment (&gt; 0)
 * @param x0           initial network state (length N)
 */
public record EnsembleConfig(String model, int trajectories, double time, double dt, int every, long seed, double[] centres,
                             int dimension, double radius, double[] x0) implements Serializable {
    public EnsembleConfig {
        if (trajectories < 1) {
            throw new IllegalArgumentException("--trajectories = " + trajectories + " is not allowed; it must be ≥ 1");
        }
        if (!(time > 0) || !Double.isFinite(time)) {
            throw new IllegalArgumentException("--time = " + time + " is not allowed; it must be finite and > 0");
        }
        if (!(dt > 0) || !(dt <= time)) {
            throw new IllegalArgumentException("--dt = " + dt + " is not allowed; it must be > 0 and ≤ --time = " + time);
        }
        if (every < 1) {
            throw new IllegalArgumentException("--every = " + every + " is not allowed; it must be ≥ 1");
        }
        if (dimension < 1 || centres.length % dimension != 0 || centres.length / dimension < 2) {
            throw new IllegalArgumentException("centres has " + centres.length + " values for dimension " + dimension
                    + "; it must hold K ≥ 2 centres of d values each");
        }
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("core radius = " + radius + " is not allowed; it must be finite and > 0");
        }
        centres = centres.clone();
        x0 = x0.clone();
    }

    /** Number of wells K. */
    public int wells() {
        return centres.length / dimension;
    }

    /** Steps per trajectory. */
    public long steps() {
        return Math.round(time / dt);
    }

    @Override public double[] centres() { return centres.clone(); }

    @Override public double[] x0() { return x0.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnsembleConfig c && model.equals(c.model) && trajectories == c.trajectories && time == c.time
                && dt == c.dt && every == c.every && seed == c.seed && Arrays.equals(centres, c.centres)
                && dimension == c.dimension && radius == c.radius && Arrays.equals(x0, c.x0);
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + Long.hashCode(seed);
    }
}
