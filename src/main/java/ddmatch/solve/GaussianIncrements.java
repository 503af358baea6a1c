package ddmatch.solve;

import java.util.SplittableRandom;

/**
 * Independent Gaussian increments {@code √(t1 − t0) · ξ}, ξ ~ N(0, I_m), drawn from a {@link SplittableRandom} with a
 * fixed seed and the Marsaglia polar method (implemented here so that the sequence is the same on every JDK).
 * The same seed gives the same path bit for bit; {@link #reset()} replays it from the start.
 *
 * <p>Reference: G. Marsaglia and T. A. Bray, "A convenient method for generating normal variables", SIAM Review 6,
 * 260 (1964).
 */
public final class GaussianIncrements implements NoiseStream {
    private final int dimension;
    private final long seed;
    private final StandardNormal normal;

    /**
     * @param dimension m ≥ 0
     * @param seed      any long; equal seeds give equal paths
     */
    public GaussianIncrements(int dimension, long seed) {
        if (dimension < 0) {
            throw new IllegalArgumentException("noise dimension = " + dimension + " is not allowed; it must be ≥ 0");
        }
        this.dimension = dimension;
        this.seed = seed;
        this.normal = new StandardNormal(seed);
    }

    /** Restarts the path from its beginning. */
    public void reset() {
        normal.reseed(seed);
    }

    public long seed() {
        return seed;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void increment(double t0, double t1, double[] out) {
        double sq = Math.sqrt(t1 - t0);
        for (int k = 0; k < dimension; k++) {
            out[k] = sq * normal.next();
        }
    }
}
