package ddmatch.analysis.statistics;

/**
 * The correlation dimension of a set of points (an attractor sampled along a trajectory) by the Grassberger–Procaccia
 * algorithm.
 *
 * <p><b>Algorithm.</b> At most {@code maxPoints} points are kept, evenly spaced along the series (stride s). The
 * correlation sum {@code C(r)} is the fraction of pairs {@code (i, j)} at Euclidean distance {@code < r}, excluding
 * pairs closer in time than the Theiler window (|i − j|·s ≤ w samples), which would otherwise count the trajectory's
 * own continuity as a one-dimensional set. All pair distances are binned into 4000 logarithmic bins between the
 * smallest and largest distance, giving {@code C} on a fine grid of radii. The dimension is the least-squares slope of
 * {@code log C} against {@code log r} over the scaling range: the radii at which {@code C} lies in
 * {@code [cMin, cMax]} (defaults 1e-4 and 1e-2: small enough to be below the attractor's size, large enough to hold
 * hundreds of pairs for 4000 points), sampled at 30 log-spaced radii. Cost O(M² d) for M kept points.
 *
 * <p>Reference: P. Grassberger and I. Procaccia, "Characterization of strange attractors", Phys. Rev. Lett. 50, 346
 * (1983); J. Theiler, Phys. Rev. A 34, 2427 (1986). For Lorenz (σ = 10, ρ = 28, β = 8/3) they report 2.05 ± 0.01.
 */
public final class CorrelationDimension {
    private static final int FINE_BINS = 4000;
    private static final int FIT_POINTS = 30;

    private CorrelationDimension() {}

    /**
     * @param maxPoints     largest number of points used, ≥ 10 (default 4000)
     * @param theilerWindow pairs at most this many samples apart are excluded, ≥ 0 (default 10)
     * @param cMin          lower end of the scaling range in C, in (0, cMax)
     * @param cMax          upper end of the scaling range in C, in (cMin, 1)
     */
    public record Config(int maxPoints, int theilerWindow, double cMin, double cMax) {
        public Config {
            StatChecks.atLeast("Config.maxPoints", maxPoints, 10);
            StatChecks.atLeast("Config.theilerWindow", theilerWindow, 0);
            if (!(cMin > 0) || !(cMax > cMin) || !(cMax < 1)) {
                throw new IllegalArgumentException("Config.cMin = " + cMin + ", Config.cMax = " + cMax
                        + " are not allowed; they must satisfy 0 < cMin < cMax < 1");
            }
        }

        /** 4000 points, Theiler window 10 samples, scaling range C ∈ [1e-4, 1e-2]. */
        public static Config defaults() {
            return new Config(4000, 10, 1e-4, 1e-2);
        }
    }

    /**
     * @param dimension     the fitted slope
     * @param standardError least-squares standard error of the slope (does not include the systematic error of the
     *                      choice of scaling range)
     * @param logR          log radii of the fitted points
     * @param logC          log correlation sums of the fitted points
     * @param pairs         number of pairs counted
     */
    public record Result(double dimension, double standardError, double[] logR, double[] logC, long pairs) {
        public Result {
            logR = logR.clone();
            logC = logC.clone();
        }

        @Override public double[] logR() { return logR.clone(); }

        @Override public double[] logC() { return logC.clone(); }
    }

    /**
     * @param points row-major n × d, finite, in time order (for the Theiler window)
     */
    public static Result estimate(double[] points, int d, Config cfg) {
        int n = StatChecks.rows("points", points, d, 10);
        int stride = (n + cfg.maxPoints() - 1) / cfg.maxPoints();
        int m = (n + stride - 1) / stride;
        int gap = cfg.theilerWindow() / stride + 1; // kept-index separation from which pairs count
        double minD = Double.POSITIVE_INFINITY, maxD = 0;
        long pairs = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + gap; b < m; b++) {
                double s = KMeans.dist2(points, a * stride * d, points, b * stride * d, d);
                if (s > 0 && s < minD) minD = s;
                if (s > maxD) maxD = s;
                pairs++;
            }
        }
        if (pairs < 10 || !(maxD > minD)) {
            throw new IllegalArgumentException("parameter 'points' gives " + pairs + " usable pairs with distinct distances, "
                    + "which is not allowed; use more points or a smaller Theiler window");
        }
        double lo = 0.5 * Math.log(minD), hi = 0.5 * Math.log(maxD) + 1e-12;
        double width = (hi - lo) / FINE_BINS;
        long[] counts = new long[FINE_BINS + 1]; // counts[0]: zero distances
        for (int a = 0; a < m; a++) {
            for (int b = a + gap; b < m; b++) {
                double s = KMeans.dist2(points, a * stride * d, points, b * stride * d, d);
                if (s == 0) { counts[0]++; continue; }
                int bin = (int) ((0.5 * Math.log(s) - lo) / width);
                counts[1 + Math.min(FINE_BINS - 1, Math.max(0, bin))]++;
            }
        }
        // C at the upper edge of fine bin i: distances < lo + (i+1)·width.
        double[] cum = new double[FINE_BINS];
        long run = counts[0];
        for (int i = 0; i < FINE_BINS; i++) {
            run += counts[1 + i];
            cum[i] = (double) run / pairs;
        }
        int first = -1, last = -1;
        for (int i = 0; i < FINE_BINS; i++) {
            if (cum[i] >= cfg.cMin() && first < 0) first = i;
            if (cum[i] <= cfg.cMax()) last = i;
        }
        if (first < 0 || last - first < 2) {
            throw new IllegalArgumentException("the scaling range C ∈ [" + cfg.cMin() + ", " + cfg.cMax()
                    + "] holds fewer than 3 radii for these points, which is not allowed; widen it or use more points");
        }
        int count = Math.min(FIT_POINTS, last - first + 1);
        double[] x = new double[count], y = new double[count];
        for (int p = 0; p < count; p++) {
            int i = first + (int) Math.round((double) p * (last - first) / (count - 1));
            x[p] = lo + (i + 1) * width;
            y[p] = Math.log(cum[i]);
        }
        double mx = 0, my = 0;
        for (int p = 0; p < count; p++) { mx += x[p]; my += y[p]; }
        mx /= count;
        my /= count;
        double sxx = 0, sxy = 0;
        for (int p = 0; p < count; p++) {
            sxx += (x[p] - mx) * (x[p] - mx);
            sxy += (x[p] - mx) * (y[p] - my);
        }
        double slope = sxy / sxx;
        double rss = 0;
        for (int p = 0; p < count; p++) {
            double e = y[p] - my - slope * (x[p] - mx);
            rss += e * e;
        }
        double se = count > 2 ? Math.sqrt(rss / (count - 2) / sxx) : Double.NaN;
        return new Result(slope, se, x, y, pairs);
    }
}
