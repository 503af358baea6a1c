package ddmatch.solve;

/**
 * Independent Gaussian increments {@code √(t1 − t0) · ξ}, ξ ~ N(0, I_m), drawn from SplitMix64 (see {@link StandardNormal}) with
 * a fixed seed and the Marsaglia polar method (implemented here so that the sequence is the same on every JDK).
 * The same seed gives the same path bit for bit; {@link #reset()} replays it from the start. With
 * {@link #increment(double, double, double[], double[])} each component also gets the exactly correlated iterated
 * integral {@code ΔZ} (see {@link IteratedNoiseStream}); that method draws two normals per component and step, so
 * the same seed gives different {@code ΔW} through the two methods. For paths that must agree across step sizes use
 * {@link BrownianPath}.
 *
 * <p>Reference: G. Marsaglia and T. A. Bray, "A convenient method for generating normal variables", SIAM Review 6,
 * 260 (1964).
 */
public final class GaussianIncrements implements IteratedNoiseStream {
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

    /** Where the path stands after the increments drawn so far; see {@link #restore(StandardNormal.State)}. */
    public StandardNormal.State state() {
        return normal.state();
    }

    /**
     * Continues the path from {@code state}, taken earlier by {@link #state()} on a stream with the same seed and
     * dimension: the increments that follow are bit for bit those the original stream drew next.
     */
    public void restore(StandardNormal.State state) {
        normal.restore(state);
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

    @Override
    public void increment(double t0, double t1, double[] dW, double[] dZ) {
        double h = t1 - t0;
        double sq = Math.sqrt(h);
        for (int k = 0; k < dimension; k++) {
            double w = sq * normal.next();
            double u = sq * normal.next();
            dW[k] = w;
            dZ[k] = 0.5 * h * (w + u * INV_SQRT3);
        }
    }

    private static final double INV_SQRT3 = 1.0 / Math.sqrt(3.0);
}
