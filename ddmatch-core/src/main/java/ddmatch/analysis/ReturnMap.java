package ddmatch.analysis;

import java.util.Arrays;

/**
 * The return map of successive maxima: the oldest picture of a chaotic attractor's structure, and a comparison of two
 * flows that the state-space histogram does not make. Lorenz (J. Atmos. Sci. 20, 130, 1963, Fig. 4) plotted each
 * maximum of z against the one before and found a cusp-shaped curve; a model that reproduces the attractor's density
 * but not its folding puts its points off that curve.
 *
 * <p>For one component {@code zᵢ(t)} sampled every {@code dt}, a <em>peak</em> is a sample larger than the one before
 * and not smaller than the one after; its time and value are those of the parabola through the three samples
 * (error O(dt⁴) in the value for a smooth peak, tested). Two runs are compared by
 * <ul>
 *   <li>the <em>peak distance</em>: the Wasserstein-1 distance between the two sets of peak values, in units of a
 *       scale σᵢ (the component's standard deviation): ∫ |F₁(m) − F₂(m)| dm / σᵢ with F the empirical distribution
 *       functions;</li>
 *   <li>the <em>map distance</em>: the points {@code (mₙ, mₙ₊₁)} of each run's return map, each taken to the nearest
 *       point of the other run's map, the two mean Euclidean distances averaged, in units of σᵢ. Zero for identical
 *       maps; for two samples of the same map it falls with the number of peaks, so it is read against the same
 *       distance between two runs of the reference (a noise floor);</li>
 *   <li>the mean <em>return time</em> between successive peaks (an oscillation's period; for a chaotic flow the
 *       mean time around a lobe).</li>
 * </ul>
 * Inputs are row-major {@code n × d} arrays; samples must be finite.
 */
public final class ReturnMap {
    private ReturnMap() {}

    /**
     * The maxima of one component.
     *
     * @param times  time of each maximum (the parabola's vertex; the first sample is at t = 0), ascending
     * @param values value of each maximum (the parabola's vertex)
     */
    public record Peaks(double[] times, double[] values) {
        public Peaks {
            if (times.length != values.length) {
                throw new IllegalArgumentException("times has " + times.length + " entries but values has " + values.length);
            }
        }

        /** Number of maxima. */
        public int count() {
            return values.length;
        }

        /** Mean time between successive maxima; NaN with fewer than two. */
        public double meanReturnTime() {
            return count() < 2 ? Double.NaN : (times[count() - 1] - times[0]) / (count() - 1);
        }
    }

    /**
     * One component of two runs compared.
     *
     * @param component        index i of the component
     * @param referencePeaks   maxima in the reference run
     * @param modelPeaks       maxima in the model's run
     * @param referenceReturnTime mean time between the reference's maxima
     * @param modelReturnTime  mean time between the model's maxima
     * @param peakDistance     Wasserstein-1 distance of the peak values, in units of the scale
     * @param mapDistance      symmetric mean nearest-neighbour distance of the return maps, in units of the scale
     */
    public record Comparison(int component, int referencePeaks, int modelPeaks, double referenceReturnTime,
                             double modelReturnTime, double peakDistance, double mapDistance) {}

    /**
     * The maxima of component {@code component} of the row-major {@code n × d} array {@code values} sampled every
     * {@code dt}. Plateaus (equal neighbours) give one peak at their first sample.
     */
    public static Peaks peaks(double[] values, int d, int component, double dt) {
        check(values, d, dt);
        if (component < 0 || component >= d) {
            throw new IllegalArgumentException("component = " + component + " is not allowed; it must be in [0, " + d + ")");
        }
        int n = values.length / d;
        double[] t = new double[Math.max(0, n / 2)];
        double[] v = new double[t.length];
        int count = 0;
        for (int k = 1; k + 1 < n; k++) {
            double y0 = values[(k - 1) * d + component];
            double y1 = values[k * d + component];
            double y2 = values[(k + 1) * d + component];
            if (y1 > y0 && y1 >= y2) {
                // The vertex of the parabola through (−1, y0), (0, y1), (1, y2): offset δ ∈ (−½, ½], value y1 − (y0 − y2)δ/4.
                double curvature = y0 - 2 * y1 + y2;   // < 0 at a strict maximum
                double delta = curvature < 0 ? 0.5 * (y0 - y2) / curvature : 0;
                t[count] = (k + delta) * dt;
                v[count] = y1 - 0.25 * (y0 - y2) * delta;
                count++;
            }
        }
        return new Peaks(Arrays.copyOf(t, count), Arrays.copyOf(v, count));
    }

    /**
     * The Wasserstein-1 distance between the empirical distributions of two samples (any sizes ≥ 1): the area between
     * their distribution functions.
     */
    public static double wasserstein1(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("the samples have " + a.length + " and " + b.length
                    + " values; the Wasserstein distance needs at least one in each");
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        // Walk the merged order; between consecutive values the distribution functions are constant.
        int i = 0;
        int j = 0;
        double fa = 0;
        double fb = 0;
        double previous = Math.min(x[0], y[0]);
        double area = 0;
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            area += Math.abs(fa - fb) * (next - previous);
            previous = next;
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
            fa = (double) i / x.length;
            fb = (double) j / y.length;
        }
        return area;
    }

    /**
     * The symmetric mean nearest-neighbour distance between the return maps {@code (mₙ, mₙ₊₁)} of two peak sequences
     * (each with at least two peaks), divided by {@code scale}.
     */
    public static double mapDistance(double[] peaksA, double[] peaksB, double scale) {
        if (peaksA.length < 2 || peaksB.length < 2) {
            throw new IllegalArgumentException("the peak sequences have " + peaksA.length + " and " + peaksB.length
                    + " maxima; a return map needs at least two in each");
        }
        requireScale(scale);
        return 0.5 * (meanNearest(peaksA, peaksB) + meanNearest(peaksB, peaksA)) / scale;
    }

    /**
     * Peaks, peak distance and map distance of component {@code component} of a reference run and a model's run, both
     * row-major {@code n × d} arrays sampled every {@code dt} (their lengths may differ), with distances in units of
     * {@code scale}. The distances are NaN when either run has fewer than two maxima.
     */
    public static Comparison compare(double[] reference, double[] model, int d, int component, double dt, double scale) {
        return compare(peaks(reference, d, component, dt), peaks(model, d, component, dt), component, scale);
    }

    /** As {@link #compare(double[], double[], int, int, double, double)}, for maxima already found (one search per run). */
    public static Comparison compare(Peaks r, Peaks m, int component, double scale) {
        requireScale(scale);
        boolean enough = r.count() >= 2 && m.count() >= 2;
        return new Comparison(component, r.count(), m.count(), r.meanReturnTime(), m.meanReturnTime(),
                enough ? wasserstein1(r.values(), m.values()) / scale : Double.NaN,
                enough ? mapDistance(r.values(), m.values(), scale) : Double.NaN);
    }

    /** Mean over the map points of {@code from} of the distance to the nearest map point of {@code to}. */
    private static double meanNearest(double[] from, double[] to) {
        // The points of 'to' sorted by their first coordinate, so each search scans outwards and stops once the first
        // coordinate alone is farther than the best distance found (a few thousand points: no tree needed).
        int m = to.length - 1;
        double[] px = new double[m];
        double[] py = new double[m];
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(to[p], to[q]));
        for (int k = 0; k < m; k++) {
            px[k] = to[order[k]];
            py[k] = to[order[k] + 1];
        }
        double sum = 0;
        for (int n = 0; n + 1 < from.length; n++) {
            double x = from[n];
            double y = from[n + 1];
            int start = Arrays.binarySearch(px, x);
            if (start < 0) {
                start = -start - 1;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int k = start; k < m && (px[k] - x) * (px[k] - x) < best; k++) {
                best = Math.min(best, (px[k] - x) * (px[k] - x) + (py[k] - y) * (py[k] - y));
            }
            for (int k = start - 1; k >= 0 && (x - px[k]) * (x - px[k]) < best; k--) {
                best = Math.min(best, (px[k] - x) * (px[k] - x) + (py[k] - y) * (py[k] - y));
            }
            sum += Math.sqrt(best);
        }
        return sum / (from.length - 1);
    }

    private static void requireScale(double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale = " + scale + " is not allowed; it must be finite and > 0");
        }
    }

    private static void check(double[] values, int d, double dt) {
        if (d < 1) {
            throw new IllegalArgumentException("d = " + d + " is not allowed; it must be ≥ 1");
        }
        if (values.length % d != 0) {
            throw new IllegalArgumentException("values has " + values.length + " entries, not a multiple of d = " + d);
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt = " + dt + " is not allowed; it must be finite and > 0");
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("values[" + k + "] = " + values[k] + " (sample " + k / d
                        + ", component " + k % d + ") is not finite");
            }
        }
    }
}
