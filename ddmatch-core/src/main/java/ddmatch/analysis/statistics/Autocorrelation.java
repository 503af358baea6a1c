package ddmatch.analysis.statistics;

/**
 * The normalised autocorrelation function {@code ρ(k) = Σ_t (x_t − x̄)(x_{t+k} − x̄) / Σ_t (x_t − x̄)²} of a scalar
 * series, for lags k = 0..maxLag (the standard biased estimator: every lag is divided by the same total, which keeps
 * the estimate positive semi-definite; its bias is a factor {@code 1 − k/n}).
 *
 * <p><b>Algorithm.</b> Wiener–Khinchin: the centred series is zero-padded to a power of two L ≥ 2n (so that the
 * circular correlation of the FFT equals the linear one), transformed with {@link Fft}, replaced by |X|², transformed
 * back, and divided by its lag-0 value. O(n log n).
 *
 * <p>Reference: G. E. P. Box, G. M. Jenkins and G. C. Reinsel, "Time Series Analysis", 4th ed. (Wiley, 2008), §2.1.
 */
public final class Autocorrelation {
    private Autocorrelation() {}

    /**
     * @param x      the series, at least 2 finite samples, not constant
     * @param maxLag largest lag, 0 ≤ maxLag &lt; x.length
     * @return ρ(0..maxLag), with ρ(0) = 1; lag k corresponds to time k·Δt of the series
     */
    public static double[] of(double[] x, int maxLag) {
        int n = StatChecks.rows("x", x, 1, 2);
        if (maxLag < 0 || maxLag >= n) {
            throw new IllegalArgumentException("parameter 'maxLag' = " + maxLag + " is not allowed; it must be in 0.."
                    + (n - 1));
        }
        double mean = 0;
        for (double v : x) mean += v;
        mean /= n;
        int len = Fft.nextPowerOfTwo(2 * n);
        double[] re = new double[len], im = new double[len];
        for (int t = 0; t < n; t++) re[t] = x[t] - mean;
        Fft.forward(re, im);
        for (int f = 0; f < len; f++) {
            re[f] = re[f] * re[f] + im[f] * im[f];
            im[f] = 0.0;
        }
        Fft.inverse(re, im);
        double c0 = re[0];
        if (!(c0 > 0)) {
            throw new IllegalArgumentException("parameter 'x' is constant, which is not allowed; its autocorrelation is undefined");
        }
        double[] rho = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) rho[k] = re[k] / c0;
        return rho;
    }
}
