package ddmatch.analysis.statistics;

/**
 * The discrete Fourier transform {@code X_f = Σ_t x_t e^{−2πi f t / L}} of a complex sequence whose length L is a power
 * of two, by the iterative radix-2 Cooley–Tukey algorithm (bit-reversal permutation, then log₂L butterfly stages), in
 * place and in O(L log L). Sequences of other lengths are zero-padded by the callers to the next power of two (which
 * changes the frequency grid to {@code f/L}, not the signal), a choice documented where it is made.
 *
 * <p>Reference: J. W. Cooley and J. W. Tukey, "An algorithm for the machine calculation of complex Fourier series",
 * Math. Comp. 19, 297 (1965).
 */
public final class Fft {
    private Fft() {}

    /** The smallest power of two ≥ {@code n} (n ≥ 1, at most 2<sup>30</sup>). */
    public static int nextPowerOfTwo(int n) {
        if (n < 1 || n > (1 << 30)) {
            throw new IllegalArgumentException("parameter 'n' = " + n + " is not allowed; it must be in 1..2^30");
        }
        return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * Forward transform in place.
     *
     * @param re real parts, length L a power of two; overwritten with Re X
     * @param im imaginary parts, same length; overwritten with Im X
     */
    public static void forward(double[] re, double[] im) {
        transform(re, im, -1.0);
    }

    /** Inverse transform in place, including the 1/L factor, so that {@code inverse(forward(x)) = x}. */
    public static void inverse(double[] re, double[] im) {
        transform(re, im, 1.0);
        double inv = 1.0 / re.length;
        for (int i = 0; i < re.length; i++) {
            re[i] *= inv;
            im[i] *= inv;
        }
    }

    private static void transform(double[] re, double[] im, double sign) {
        int n = re.length;
        if (im.length != n || n == 0 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("FFT lengths re = " + re.length + ", im = " + im.length
                    + " are not allowed; both must equal the same power of two");
        }
        // bit-reversal permutation
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        // Each stage's twiddles first, then its butterflies block by block, so the stage sweeps the arrays in order.
        // (Twiddle by twiddle, each inner loop strode through the whole array: 2.4-2.8x slower at L = 2^17, 5.8x at
        // 2^20, BENCHMARKS.md section 0000.) Butterflies of one stage are independent, so the bits are the same.
        double[] twr = new double[Math.max(1, n / 2)], twi = new double[Math.max(1, n / 2)];
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            double ang = sign * 2.0 * Math.PI / len;
            for (int m = 0; m < half; m++) {
                // twiddle computed directly (not by recurrence) so rounding does not accumulate along the stage
                twr[m] = Math.cos(ang * m);
                twi[m] = Math.sin(ang * m);
            }
            for (int block = 0; block < n; block += len) {
                for (int m = 0; m < half; m++) {
                    int s = block + m, p = s + half;
                    double wr = twr[m], wi = twi[m];
                    double xr = re[p] * wr - im[p] * wi;
                    double xi = re[p] * wi + im[p] * wr;
                    re[p] = re[s] - xr;
                    im[p] = im[s] - xi;
                    re[s] += xr;
                    im[s] += xi;
                }
            }
        }
    }
}
