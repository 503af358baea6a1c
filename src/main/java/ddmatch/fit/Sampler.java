package ddmatch.fit;

import ddmatch.rnn.Standardization;
import ddmatch.sde.NoiseType;
import ddmatch.sde.Sde;
import ddmatch.solve.EulerMaruyama;
import ddmatch.solve.GaussianIncrements;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.ProgressListener;
import ddmatch.solve.RungeKutta4;
import ddmatch.solve.SaveAt;
import ddmatch.solve.Scheme;
import ddmatch.solve.StandardNormal;
import ddmatch.solve.Trajectory;

/**
 * Draws training points from a target system: one long trajectory (RK4 for an ODE, Euler–Maruyama for an SDE, at
 * the system's default step) sampled at a fixed interval after a transient, optionally some points uniform in the
 * trajectory's bounding box, then Gaussian jitter in standardised units.
 */
public final class Sampler {
    private Sampler() {}

    /**
     * The samples and the standardisation they define.
     *
     * @param points          M points in the target's coordinates, row-major M × d (jitter and box points included)
     * @param standardization mean and standard deviation of the trajectory samples (before jitter)
     */
    public record Samples(double[] points, int dimension, Standardization standardization) {
        public int count() {
            return points.length / dimension;
        }
    }

    /** The scheme used to simulate {@code sde}: RK4 for an ODE, Euler–Maruyama otherwise. */
    public static Scheme schemeFor(Sde sde) {
        return sde.noiseType() == NoiseType.NONE ? RungeKutta4.INSTANCE : EulerMaruyama.INSTANCE;
    }

    /**
     * A trajectory of the target recorded every {@code interval} time units after a transient.
     *
     * @param rows number of recorded rows
     */
    public static Trajectory trajectory(Sde sde, double[] z0, double transientTime, double interval, int rows, long seed,
                                        ProgressListener progress) {
        double dt = sde.defaultTimeStep();
        int every = Math.max(1, (int) Math.round(interval / dt));
        Integrator integrator = new Integrator(schemeFor(sde), Double.POSITIVE_INFINITY, progress);
        GaussianIncrements noise = new GaussianIncrements(sde.noiseDimension(), seed);
        long transientSteps = Math.round(transientTime / dt);
        double[] start = integrator.run(sde, z0, 0.0, dt, transientSteps, noise, new SaveAt(1, false), (t, x) -> { });
        return integrator.solve(sde, start, transientSteps * dt, dt, (long) rows * every, noise, new SaveAt(every, false),
                Observable.identity(sde.dimension()));
    }

    /**
     * Refuses a trajectory along which a coordinate does not move: it cannot be standardised and the features would
     * not depend on it, so the regression would be singular in that direction.
     */
    static void requireSpread(Sde sde, double[] pts, int rows, int d) {
        for (int i = 0; i < d; i++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                lo = Math.min(lo, pts[r * d + i]);
                hi = Math.max(hi, pts[r * d + i]);
            }
            if (!(hi > lo)) {
                throw new IllegalArgumentException("system '" + sde.name() + "': coordinate " + i + " has zero spread (= " + lo
                        + ") over the training trajectory, so the regression is singular; a system whose state does not move"
                        + " (a fixed point without noise) cannot be trained on its trajectory");
            }
        }
    }

    /** Samples for training or validation, with the standardisation taken from these samples. */
    public static Samples draw(Sde sde, SamplingConfig cfg, long seed, ProgressListener progress) {
        return draw(sde, cfg, seed, null, progress);
    }

    /**
     * Samples for training or validation.
     *
     * @param standardization the standardisation in which to apply the jitter; {@code null} to take it from these
     *                        samples (training); pass the training one for held-out sets
     */
    public static Samples draw(Sde sde, SamplingConfig cfg, long seed, Standardization standardization,
                               ProgressListener progress) {
        int d = sde.dimension();
        int m = cfg.samples();
        int boxCount = (int) Math.floor(cfg.boxFraction() * m);
        int trajCount = m - boxCount;
        StandardNormal g = new StandardNormal(seed ^ 0x5DEECE66DL);
        Trajectory traj = trajectory(sde, sde.initialState(), cfg.transientTime(), cfg.interval(), trajCount, seed, progress);
        double[] pts = new double[m * d];
        System.arraycopy(traj.values(), 0, pts, 0, trajCount * d);
        if (standardization == null) {
            requireSpread(sde, traj.values(), trajCount, d);
        }
        Standardization st = standardization != null ? standardization : Standardization.of(traj.values(), d);
        if (boxCount > 0) {
            double[] lo = new double[d];
            double[] hi = new double[d];
            java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            for (int r = 0; r < trajCount; r++) {
                for (int i = 0; i < d; i++) {
                    lo[i] = Math.min(lo[i], pts[r * d + i]);
                    hi[i] = Math.max(hi[i], pts[r * d + i]);
                }
            }
            java.util.SplittableRandom uni = new java.util.SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
            for (int r = trajCount; r < m; r++) {
                for (int i = 0; i < d; i++) {
                    double pad = 0.1 * (hi[i] - lo[i]);
                    pts[r * d + i] = lo[i] - pad + (hi[i] - lo[i] + 2 * pad) * uni.nextDouble();
                }
            }
        }
        if (cfg.jitter() > 0) {
            for (int r = 0; r < m; r++) {
                for (int i = 0; i < d; i++) {
                    pts[r * d + i] += cfg.jitter() * st.scale(i) * g.next();
                }
            }
        }
        return new Samples(pts, d, st);
    }
}
