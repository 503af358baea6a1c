package ddmatch.analysis.metastability;

import java.util.function.DoubleUnaryOperator;

/**
 * Escape from the wells of a one-dimensional potential under {@code dz = −V'(z) dt + σ dW} (diffusion {@code D = σ²/2}):
 * Kramers' small-noise rate and the exact mean first-passage time.
 *
 * <p><b>Kramers.</b> Minima and maxima of V are located on a grid of the interval and refined by golden-section
 * search; second derivatives are central differences. The escape rate from the well at minimum m over an adjacent
 * barrier at maximum s is {@code k = √(V''(m)|V''(s)|)/(2π) · exp(−2(V(s) − V(m))/σ²)}; rates over both adjacent
 * barriers add; the mean residence time is 1/k. It is the leading term of an expansion in σ²/ΔV and is accurate only
 * for barriers of several σ²/2.
 *
 * <p><b>Exact mean first-passage time</b> from a to b &gt; a, with a reflecting boundary at {@code lower} &lt; a (use a
 * point where the density is negligible): {@code T = (2/σ²) ∫_a^b e^{2V(y)/σ²} ∫_lower^y e^{−2V(z)/σ²} dz dy},
 * computed by composite Simpson quadrature of both integrals (the inner one accumulated along y). With core-set
 * assignment this is the mean residence time exactly (the residence in a well lasts from the entry into its core until
 * the entry into the other core).
 *
 * <p>References: H. A. Kramers, Physica 7, 284 (1940); P. Hänggi, P. Talkner and M. Borkovec, Rev. Mod. Phys. 62, 251
 * (1990); C. W. Gardiner, "Handbook of Stochastic Methods", §5.2.7.
 */
public final class Kramers {
    private Kramers() {}

    /**
     * @param minima          positions of the local minima found, ascending
     * @param maxima          positions of the interior local maxima found, ascending
     * @param residenceTimes  Kramers' mean residence time 1/k in each minimum's well (same order as {@code minima});
     *                        +∞ for a well without an adjacent barrier in the interval
     */
    public record Result(double[] minima, double[] maxima, double[] residenceTimes) {
        public Result {
            minima = minima.clone();
            maxima = maxima.clone();
            residenceTimes = residenceTimes.clone();
        }

        @Override public double[] minima() { return minima.clone(); }

        @Override public double[] maxima() { return maxima.clone(); }

        @Override public double[] residenceTimes() { return residenceTimes.clone(); }
    }

    /**
     * Kramers' mean residence times of every well of V in {@code [lo, hi]}.
     *
     * @param v     the potential V (smooth)
     * @param lo    left end of the search interval
     * @param hi    right end, &gt; lo
     * @param sigma noise amplitude σ &gt; 0
     * @param grid  grid points for locating extrema, ≥ 10 (e.g. 2000): must resolve every well and barrier
     */
    public static Result of(DoubleUnaryOperator v, double lo, double hi, double sigma, int grid) {
        if (!(hi > lo) || !(sigma > 0) || grid < 10) {
            throw new IllegalArgumentException("Kramers.of needs lo < hi, sigma > 0 and grid ≥ 10; got lo = " + lo
                    + ", hi = " + hi + ", sigma = " + sigma + ", grid = " + grid);
        }
        double h = (hi - lo) / grid;
        double[] val = new double[grid + 1];
        for (int i = 0; i <= grid; i++) val[i] = v.applyAsDouble(lo + i * h);
        double[] mins = new double[grid], maxs = new double[grid];
        int nMin = 0, nMax = 0;
        for (int i = 1; i < grid; i++) {
            if (val[i] < val[i - 1] && val[i] <= val[i + 1]) mins[nMin++] = golden(v, lo + (i - 1) * h, lo + (i + 1) * h, 1);
            if (val[i] > val[i - 1] && val[i] >= val[i + 1]) maxs[nMax++] = golden(v, lo + (i - 1) * h, lo + (i + 1) * h, -1);
        }
        double[] minima = java.util.Arrays.copyOf(mins, nMin), maxima = java.util.Arrays.copyOf(maxs, nMax);
        double[] times = new double[nMin];
        double dd = 1e-4 * (hi - lo);
        for (int i = 0; i < nMin; i++) {
            double m = minima[i];
            double vm = v.applyAsDouble(m), cm = second(v, m, dd);
            double rate = 0;
            for (double s : maxima) {
                boolean adjacent = true;
                for (double other : minima) {
                    if (other != m && (other - m) * (other - s) < 0) adjacent = false; // another well lies in between
                }
                if (!adjacent) continue;
                double cs = Math.abs(second(v, s, dd));
                rate += Math.sqrt(cm * cs) / (2 * Math.PI) * Math.exp(-2 * (v.applyAsDouble(s) - vm) / (sigma * sigma));
            }
            times[i] = rate == 0 ? Double.POSITIVE_INFINITY : 1.0 / rate;
        }
        return new Result(minima, maxima, times);
    }

    /**
     * The exact mean first-passage time from a to b (a &lt; b) with a reflecting boundary at {@code lower} &lt; a.
     *
     * @param intervals total Simpson intervals, split between [lower, a] and [a, b] in proportion to their lengths (even, ≥ 100; e.g. 20 000)
     */
    public static double meanFirstPassageTime(DoubleUnaryOperator v, double lower, double a, double b, double sigma,
                                              int intervals) {
        if (!(lower < a) || !(a < b) || !(sigma > 0) || intervals < 100 || intervals % 2 != 0) {
            throw new IllegalArgumentException("meanFirstPassageTime needs lower < a < b, sigma > 0 and an even number of "
                    + "intervals ≥ 100; got lower = " + lower + ", a = " + a + ", b = " + b + ", sigma = " + sigma
                    + ", intervals = " + intervals);
        }
        double beta = 2.0 / (sigma * sigma);
        double v0 = v.applyAsDouble(a); // shift V by its value at a to keep the exponentials in range
        // inner integral up to a: Simpson on [lower, a]
        int n1 = Math.max(2, 2 * (int) Math.round(0.5 * intervals * (a - lower) / (b - lower)));
        int n2 = Math.max(2, 2 * (int) Math.round(0.5 * intervals * (b - a) / (b - lower)));
        double h1 = (a - lower) / n1;
        double innerA = 0;
        for (int i = 0; i <= n1; i++) {
            double w = (i == 0 || i == n1) ? 1 : (i % 2 == 1 ? 4 : 2);
            innerA += w * Math.exp(-beta * (v.applyAsDouble(lower + i * h1) - v0));
        }
        innerA *= h1 / 3;
        // along [a, b]: the inner integral is accumulated (Simpson on pairs of intervals, and a Simpson-consistent
        // three-point rule for the odd points), the outer integral is Simpson over the same grid
        double h = (b - a) / n2;
        double[] g = new double[n2 + 1];
        for (int i = 0; i <= n2; i++) g[i] = Math.exp(-beta * (v.applyAsDouble(a + i * h) - v0));
        double[] inner = new double[n2 + 1];
        inner[0] = innerA;
        for (int i = 2; i <= n2; i += 2) {
            inner[i] = inner[i - 2] + h / 3 * (g[i - 2] + 4 * g[i - 1] + g[i]);
            inner[i - 1] = inner[i - 2] + h / 12 * (5 * g[i - 2] + 8 * g[i - 1] - g[i]);
        }
        double outer = 0;
        for (int i = 0; i <= n2; i++) {
            double w = (i == 0 || i == n2) ? 1 : (i % 2 == 1 ? 4 : 2);
            outer += w * inner[i] / g[i]; // e^{β(V − v0)} = 1/g
        }
        return beta * outer * h / 3;
    }

    /** Golden-section search for a minimum (sign 1) or maximum (sign −1) of v on [a, b]. */
    private static double golden(DoubleUnaryOperator v, double a, double b, int sign) {
        double r = (Math.sqrt(5) - 1) / 2;
        double c = b - r * (b - a), d = a + r * (b - a);
        double fc = sign * v.applyAsDouble(c), fd = sign * v.applyAsDouble(d);
        for (int it = 0; it < 200 && b - a > 1e-12 * (1 + Math.abs(a)); it++) {
            if (fc < fd) {
                b = d; d = c; fd = fc;
                c = b - r * (b - a);
                fc = sign * v.applyAsDouble(c);
            } else {
                a = c; c = d; fc = fd;
                d = a + r * (b - a);
                fd = sign * v.applyAsDouble(d);
            }
        }
        return 0.5 * (a + b);
    }

    private static double second(DoubleUnaryOperator v, double x, double h) {
        return (v.applyAsDouble(x + h) - 2 * v.applyAsDouble(x) + v.applyAsDouble(x - h)) / (h * h);
    }
}
