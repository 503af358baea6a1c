package ddmatch.solve;

/**
 * One seeded Brownian path, defined by its increments on a finest grid {@code origin + j·h}, that can be replayed at
 * step {@code h} or at any coarser step {@code k·h}: the increment over a coarse step is the exact sum of the fine
 * increments it covers, so a scheme run at several step sizes sees the <i>same</i> path. This is what strong-order
 * (pathwise) convergence studies need (D. J. Higham, "An algorithmic introduction to numerical simulation of
 * stochastic differential equations", SIAM Review 43, 525 (2001), §5).
 *
 * <p>Each fine step draws {@code 2m} standard normals (ξ, η per component, in that order) from {@link StandardNormal}:
 * {@code ΔW = √h ξ} and {@code ΔZ = ½ h (ΔW + √h η/√3)} (see {@link IteratedNoiseStream}). Both are always drawn, so the
 * path does not depend on which {@code increment} method is used. Over a coarse interval made of fine steps
 * {@code j = 1..k} the iterated integral is aggregated by the exact rule
 * <pre>
 *   Z[a, c] = Z[a, b] + Z[b, c] + (c − b)·(W(b) − W(a))
 * </pre>
 * (which follows from splitting {@code ∫_a^c (W(s) − W(a)) ds} at b), so coarse {@code (ΔW, ΔZ)} pairs have exactly
 * the joint law of the coarse step and are consistent with the fine ones.
 *
 * <p>Calls must cover consecutive intervals from {@code origin} on, each an integer number of fine steps (to 1e-6
 * of a fine step); {@link #reset()} rewinds the path for the next level. Not thread safe; allocation-free.
 */
public final class BrownianPath implements IteratedNoiseStream {
    private static final double INV_SQRT3 = 1.0 / Math.sqrt(3.0);
    /** Slack, in fine steps, when matching interval ends to the grid: far above rounding of t0 + k·dt, far below 1. */
    private static final double GRID_SLACK = 1e-6;

    private final int dimension;
    private final double origin;
    private final double fineStep;
    private final double sqrtFine;
    private final long seed;
    private final StandardNormal normal;
    private final double[] accW;
    private final double[] accZ;
    private long position;

    /**
     * @param dimension m ≥ 0
     * @param origin    time at which the path starts (W(origin) = 0)
     * @param fineStep  finest step h (finite, &gt; 0); every requested interval must be a multiple of it
     * @param seed      any long; equal seeds give equal paths
     */
    public BrownianPath(int dimension, double origin, double fineStep, long seed) {
        if (dimension < 0) {
            throw new IllegalArgumentException("BrownianPath.dimension = " + dimension + " is not allowed; it must be ≥ 0");
        }
        if (!Double.isFinite(origin)) {
            throw new IllegalArgumentException("BrownianPath.origin = " + origin + " is not allowed; it must be finite");
        }
        if (!(fineStep > 0) || !Double.isFinite(fineStep)) {
            throw new IllegalArgumentException("BrownianPath.fineStep = " + fineStep + " is not allowed; it must be finite and > 0");
        }
        this.dimension = dimension;
        this.origin = origin;
        this.fineStep = fineStep;
        this.sqrtFine = Math.sqrt(fineStep);
        this.seed = seed;
        this.normal = new StandardNormal(seed);
        this.accW = new double[dimension];
        this.accZ = new double[dimension];
    }

    /** Rewinds to {@code origin}, so that the same path can be replayed at another step size. */
    public void reset() {
        normal.reseed(seed);
        position = 0;
    }

    public double fineStep() { return fineStep; }

    public double origin() { return origin; }

    public long seed() { return seed; }

    @Override public int dimension() { return dimension; }

    @Override
    public void increment(double t0, double t1, double[] out) {
        advance(t0, t1);
        System.arraycopy(accW, 0, out, 0, dimension);
    }

    @Override
    public void increment(double t0, double t1, double[] dW, double[] dZ) {
        advance(t0, t1);
        System.arraycopy(accW, 0, dW, 0, dimension);
        System.arraycopy(accZ, 0, dZ, 0, dimension);
    }

    /** Draws the fine steps covering [t0, t1] and aggregates them into accW, accZ. */
    private void advance(double t0, double t1) {
        long start = fineIndex(t0, "start");
        long end = fineIndex(t1, "end");
        if (start != position) {
            throw new IllegalStateException("BrownianPath: interval starts at t = " + t0 + " (fine step " + start
                    + ") but the path is at fine step " + position + "; intervals must be consecutive (call reset() to replay)");
        }
        if (end <= start) {
            throw new IllegalArgumentException("BrownianPath: interval [" + t0 + ", " + t1 + "] is empty or reversed; it must span at least one fine step " + fineStep);
        }
        java.util.Arrays.fill(accW, 0.0);
        java.util.Arrays.fill(accZ, 0.0);
        double halfH = 0.5 * fineStep;
        for (long j = start; j < end; j++) {
            for (int k = 0; k < dimension; k++) {
                double w = sqrtFine * normal.next();
                double u = sqrtFine * normal.next();
                double z = halfH * (w + u * INV_SQRT3);
                // Z over [a, c] = Z[a, b] + Z[b, c] + (c − b)(W(b) − W(a)), with c − b = h the fine step.
                accZ[k] += z + fineStep * accW[k];
                accW[k] += w;
            }
        }
        position = end;
    }

    private long fineIndex(double t, String which) {
        double steps = (t - origin) / fineStep;
        long j = Math.round(steps);
        if (Math.abs(steps - j) > GRID_SLACK + 1e-12 * Math.abs(steps) || j < 0) {
            throw new IllegalArgumentException("BrownianPath: interval " + which + " t = " + t + " is not on the fine grid "
                    + origin + " + j·" + fineStep + " (j ≥ 0); use a step that is a multiple of the fine step");
        }
        return j;
    }
}
