package ddmatch.analysis.statistics;

/**
 * The power-spectrum Hellinger distance D_H between a reference and a generated trajectory (DESIGN §1.7): how
 * differently the two signals distribute their power over frequency, insensitive to phase, amplitude and offset.
 *
 * <p><b>Algorithm.</b> For each dimension separately: both series are z-scored (mean 0, sample standard deviation 1);
 * both are zero-padded to the same length L, the next power of two ≥ the longer series (so the two spectra share
 * the frequency grid {@code f/L} even when the lengths differ; padding interpolates the spectrum, it does not add
 * power); the power spectrum is {@code |X_f|²}, f = 0..L/2, from our radix-2 {@link Fft}; it is smoothed with a
 * Gaussian kernel of standard deviation σ bins (default {@value #DEFAULT_SMOOTHING_BINS}), truncated at 4σ with the
 * edges mirrored (the same conventions as SciPy's {@code gaussian_filter1d}, used by the reference implementations); it
 * is normalised to sum 1; and the two normalised spectra p, q give the Hellinger distance
 * <pre>  H(p, q) = √(1 − Σ_f √(p_f q_f))  ∈ [0, 1].</pre>
 * D_H is the mean of H over dimensions. Identical series give 0; spectra with disjoint support give 1.
 *
 * <p>References: G. A. Mikhaeil, Z. Monfared and D. Durstewitz, "On the difficulty of learning chaotic dynamics with
 * RNNs", NeurIPS 2022; F. Hess, Z. Monfared, M. Brenner and D. Durstewitz, "Generalized teacher forcing for learning
 * chaotic dynamics", ICML 2023.
 */
public final class SpectralDivergence {

    /** Default Gaussian smoothing width: 20 frequency bins. */
    public static final double DEFAULT_SMOOTHING_BINS = 20.0;

    private SpectralDivergence() {}

    /** D_H with the default smoothing of {@value #DEFAULT_SMOOTHING_BINS} bins. */
    public static double hellinger(double[] truth, double[] generated, int d) {
        return hellinger(truth, generated, d, DEFAULT_SMOOTHING_BINS);
    }

    /**
     * D_H averaged over dimensions.
     *
     * @param truth     reference trajectory, row-major n × d, n ≥ 2, finite, no constant dimension
     * @param generated generated trajectory, row-major m × d, m ≥ 2, finite, no constant dimension
     * @param d         dimension ≥ 1
     * @param sigma     smoothing width in frequency bins, ≥ 0 (0: no smoothing)
     * @return the mean Hellinger distance, in [0, 1]
     */
    public static double hellinger(double[] truth, double[] generated, int d, double sigma) {
        int n = StatChecks.rows("truth", truth, d, 2);
        int m = StatChecks.rows("generated", generated, d, 2);
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("parameter 'sigma' = " + sigma + " is not allowed; it must be finite and ≥ 0");
        }
        int len = Fft.nextPowerOfTwo(Math.max(n, m));
        int bins = len / 2 + 1;
        double[] re = new double[len], im = new double[len];
        double[] p = new double[bins], q = new double[bins], tmp = new double[bins];
        double[] kernel = gaussianKernel(sigma);
        double total = 0.0;
        for (int j = 0; j < d; j++) {
            normalisedSpectrum("truth", truth, n, d, j, re, im, tmp, kernel, p);
            normalisedSpectrum("generated", generated, m, d, j, re, im, tmp, kernel, q);
            double bc = 0.0;
            for (int f = 0; f < bins; f++) bc += Math.sqrt(p[f] * q[f]);
            total += Math.sqrt(Math.max(0.0, 1.0 - bc));
        }
        return total / d;
    }

    /** Writes the smoothed, normalised power spectrum of column {@code j} into {@code out} (length L/2 + 1). */
    static void normalisedSpectrum(String name, double[] x, int n, int d, int j, double[] re, double[] im,
                                   double[] tmp, double[] kernel, double[] out) {
        double mean = 0;
        for (int t = 0; t < n; t++) mean += x[t * d + j];
        mean /= n;
        double ss = 0;
        for (int t = 0; t < n; t++) ss += (x[t * d + j] - mean) * (x[t * d + j] - mean);
        double sd = Math.sqrt(ss / (n - 1));
        if (!(sd > 0)) {
            throw new IllegalArgumentException("parameter '" + name + "' has a constant dimension " + j
                    + ", which is not allowed; a constant series has no power spectrum");
        }
        java.util.Arrays.fill(re, 0.0);
        java.util.Arrays.fill(im, 0.0);
        for (int t = 0; t < n; t++) re[t] = (x[t * d + j] - mean) / sd;
        Fft.forward(re, im);
        int bins = out.length;
        for (int f = 0; f < bins; f++) tmp[f] = re[f] * re[f] + im[f] * im[f];
        smooth(tmp, kernel, out);
        double s = 0;
        for (int f = 0; f < bins; f++) s += out[f];
        for (int f = 0; f < bins; f++) out[f] /= s;
    }

    /** Normalised Gaussian weights w[0..r], r = ⌈4σ⌉ (one-sided; w[0] the centre). */
    static double[] gaussianKernel(double sigma) {
        if (sigma == 0) return new double[] {1.0};
        int r = (int) (4.0 * sigma + 0.5);
        double[] w = new double[r + 1];
        double s = 0;
        for (int i = 0; i <= r; i++) {
            w[i] = Math.exp(-0.5 * i * i / (sigma * sigma));
            s += i == 0 ? w[i] : 2 * w[i];
        }
        for (int i = 0; i <= r; i++) w[i] /= s;
        return w;
    }

    /** Convolution with the symmetric kernel, edges mirrored about the half-sample ({@code x[-1] = x[0]}). */
    static void smooth(double[] x, double[] w, double[] out) {
        int n = x.length, r = w.length - 1;
        // Only the r bins at each edge reach past the ends. The interior takes its neighbours directly: the same
        // terms in the same order, without two divisions (in mirror) per term. A spectrum of 65,537 bins with
        // r = 80 costs 10 million terms.
        int lo = Math.min(r, n), hi = Math.max(lo, n - r);
        for (int i = 0; i < lo; i++) out[i] = smoothedAtEdge(x, w, i);
        for (int i = lo; i < hi; i++) {
            double s = w[0] * x[i];
            for (int o = 1; o <= r; o++) s += w[o] * (x[i - o] + x[i + o]);
            out[i] = s;
        }
        for (int i = hi; i < n; i++) out[i] = smoothedAtEdge(x, w, i);
    }

    private static double smoothedAtEdge(double[] x, double[] w, int i) {
        int n = x.length, r = w.length - 1;
        double s = w[0] * x[i];
        for (int o = 1; o <= r; o++) s += w[o] * (x[mirror(i - o, n)] + x[mirror(i + o, n)]);
        return s;
    }

    private static int mirror(int i, int n) {
        int period = 2 * n;
        i %= period;
        if (i < 0) i += period;
        return i < n ? i : period - 1 - i;
    }
}
