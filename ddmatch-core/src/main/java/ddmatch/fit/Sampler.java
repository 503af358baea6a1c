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
 * Draws training points from a target system. The default ({@link SamplingConfig.Kind#TRAJECTORY}): one long
 * trajectory (RK4 for an ODE, Euler–Maruyama for an SDE, at the system's default step) sampled at a fixed interval
 * after a transient, optionally some points uniform in the trajectory's bounding box, then Gaussian jitter in
 * standardised units. The space-filling kinds (box, Latin hypercube, grid, mixture) place points in that bounding box
 * widened by 10% per side; the trajectory still defines the box and the standardisation.
 *
 * <p><b>Coverage.</b> {@link #coverage} measures how well the samples cover a held-out set (e.g. from
 * {@link #heldOut}, an independent trajectory): the fraction of held-out points that lie inside the per-coordinate
 * range of the samples and within a distance r (standardised units) of their nearest sample. The range test is a
 * cheap proxy for "inside the convex hull"; the distance test catches holes inside the range.
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
        if (cfg.kind() != SamplingConfig.Kind.TRAJECTORY) {
            return drawFilling(sde, cfg, seed, standardization, progress);
        }
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

    /** Default fraction of Latin-hypercube points of {@link SamplingConfig.Kind#MIXTURE} when boxFraction is 0. */
    public static final double DEFAULT_MIXTURE_FRACTION = 0.3;

    private static Samples drawFilling(Sde sde, SamplingConfig cfg, long seed, Standardization standardization,
                                       ProgressListener progress) {
        int d = sde.dimension();
        int m = cfg.samples();
        SamplingConfig.Kind kind = cfg.kind();
        int count = m;
        int perSide = 0;
        if (kind == SamplingConfig.Kind.GRID) {
            if (d > 3) {
                throw new IllegalArgumentException("sampler grid is not allowed for system '" + sde.name() + "' of dimension "
                        + d + ": a grid is for d ≤ 3 (its size grows as M^d); use lhs, box or mixture");
            }
            perSide = (int) Math.floor(Math.pow(m, 1.0 / d) + 1e-9);
            while (Math.pow(perSide + 1, d) <= m) perSide++;
            if (perSide < 2) {
                throw new IllegalArgumentException("samples = " + m + " is too few for a grid in d = " + d
                        + " dimensions; at least 2 points per side (M ≥ " + (1 << d) + ") are needed");
            }
            count = (int) Math.round(Math.pow(perSide, d));
        }
        int lhsCount = 0;
        if (kind == SamplingConfig.Kind.MIXTURE) {
            double frac = cfg.boxFraction() > 0 ? cfg.boxFraction() : DEFAULT_MIXTURE_FRACTION;
            lhsCount = (int) Math.floor(frac * m);
        }
        int trajRows = kind == SamplingConfig.Kind.MIXTURE ? m - lhsCount : Math.max(m, 100);
        Trajectory traj = trajectory(sde, sde.initialState(), cfg.transientTime(), cfg.interval(), trajRows, seed, progress);
        double[] tv = traj.values();
        if (standardization == null) {
            requireSpread(sde, tv, trajRows, d);
        }
        Standardization st = standardization != null ? standardization : Standardization.of(tv, d);
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < trajRows; r++) {
            for (int i = 0; i < d; i++) {
                lo[i] = Math.min(lo[i], tv[r * d + i]);
                hi[i] = Math.max(hi[i], tv[r * d + i]);
            }
        }
        for (int i = 0; i < d; i++) {
            double pad = 0.1 * (hi[i] - lo[i]);
            lo[i] -= pad;
            hi[i] += pad;
        }
        java.util.SplittableRandom uni = new java.util.SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        double[] pts = new double[count * d];
        switch (kind) {
            case BOX -> {
                for (int r = 0; r < count; r++) {
                    for (int i = 0; i < d; i++) pts[r * d + i] = lo[i] + (hi[i] - lo[i]) * uni.nextDouble();
                }
            }
            case LHS -> latinHypercube(pts, 0, count, lo, hi, uni);
            case GRID -> {
                for (int r = 0; r < count; r++) {
                    int idx = r;
                    for (int i = 0; i < d; i++) {
                        int k = idx % perSide;
                        idx /= perSide;
                        pts[r * d + i] = lo[i] + (hi[i] - lo[i]) * k / (perSide - 1);
                    }
                }
            }
            case MIXTURE -> {
                int tc = m - lhsCount;
                System.arraycopy(tv, 0, pts, 0, tc * d);
                if (cfg.jitter() > 0) {
                    StandardNormal g = new StandardNormal(seed ^ 0x5DEECE66DL);
                    for (int r = 0; r < tc; r++) {
                        for (int i = 0; i < d; i++) pts[r * d + i] += cfg.jitter() * st.scale(i) * g.next();
                    }
                }
                latinHypercube(pts, tc, lhsCount, lo, hi, uni);
            }
            default -> throw new IllegalStateException("unhandled sampler " + kind);
        }
        return new Samples(pts, d, st);
    }

    /** Writes {@code count} Latin-hypercube points (rows {@code first…}) in the box: one per stratum and coordinate. */
    private static void latinHypercube(double[] pts, int first, int count, double[] lo, double[] hi,
                                       java.util.SplittableRandom uni) {
        int d = lo.length;
        int[] perm = new int[count];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < count; k++) perm[k] = k;
            for (int k = count - 1; k > 0; k--) { // Fisher–Yates
                int j = uni.nextInt(k + 1);
                int tmp = perm[k];
                perm[k] = perm[j];
                perm[j] = tmp;
            }
            for (int r = 0; r < count; r++) {
                pts[(first + r) * d + i] = lo[i] + (hi[i] - lo[i]) * (perm[r] + uni.nextDouble()) / count;
            }
        }
    }

    /**
     * A held-out set: {@code count} points of an independent trajectory of the target (seed {@code seed}, which must
     * differ from the training seed), with the training jitter, standardised like {@code training}.
     */
    public static Samples heldOut(Sde sde, SamplingConfig cfg, long seed, Samples training, int count,
                                  ProgressListener progress) {
        SamplingConfig held = new SamplingConfig(count, cfg.interval(), cfg.transientTime(), cfg.jitter(), 0.0);
        return draw(sde, held, seed, training.standardization(), progress);
    }

    /**
     * How well samples cover a held-out set.
     *
     * @param fraction fraction of held-out points inside the samples' per-coordinate range and within {@code radius}
     *                 of a sample (standardised units)
     * @param inRange  fraction inside the per-coordinate range alone
     * @param radius   r, in standardised units
     * @param points   number of held-out points
     */
    public record Coverage(double fraction, double inRange, double radius, int points) {
    }

    /** Default coverage radius r = 0.25 standardised units: 2.5 × the default jitter. */
    public static final double DEFAULT_COVERAGE_RADIUS = 0.25;

    /**
     * The coverage of {@code heldOut} by {@code training} (see the class description). Brute-force nearest neighbour:
     * O(K·M·d) for K held-out and M training points.
     *
     * @param radius r &gt; 0 in standardised units
     */
    public static Coverage coverage(Samples training, Samples heldOut, double radius) {
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("coverage radius = " + radius + " is not allowed; it must be finite and > 0");
        }
        int d = training.dimension();
        Standardization st = training.standardization();
        int m = training.count();
        double[] tr = new double[m * d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < d; i++) {
                double v = (training.points()[r * d + i] - st.mean(i)) / st.scale(i);
                tr[r * d + i] = v;
                lo[i] = Math.min(lo[i], v);
                hi[i] = Math.max(hi[i], v);
            }
        }
        int k = heldOut.count();
        double r2 = radius * radius;
        int inside = 0, covered = 0;
        double[] h = new double[d];
        for (int q = 0; q < k; q++) {
            boolean in = true;
            for (int i = 0; i < d; i++) {
                h[i] = (heldOut.points()[q * d + i] - st.mean(i)) / st.scale(i);
                in &= h[i] >= lo[i] && h[i] <= hi[i];
            }
            if (!in) {
                continue;
            }
            inside++;
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int i = 0; i < d && s <= r2; i++) {
                    double e = h[i] - tr[r * d + i];
                    s += e * e;
                }
                if (s <= r2) {
                    covered++;
                    break;
                }
            }
        }
        return new Coverage((double) covered / k, (double) inside / k, radius, k);
    }
}
