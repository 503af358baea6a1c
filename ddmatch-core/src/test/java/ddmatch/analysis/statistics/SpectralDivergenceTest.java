package ddmatch.analysis.statistics;

import ddmatch.solve.StandardNormal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpectralDivergenceTest {

    static double[] ar1(double phi, int n, long seed) {
        StandardNormal g = new StandardNormal(seed);
        double[] x = new double[n];
        double z = g.next() / Math.sqrt(1 - phi * phi); // stationary start: an independent initial condition
        for (int t = 0; t < n; t++) {
            x[t] = z;
            z = phi * z + g.next();
        }
        return x;
    }

    static double[] sine(double cyclesPerSample, int n) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) x[t] = Math.sin(2 * Math.PI * cyclesPerSample * t + 0.3);
        return x;
    }

    @Test
    void identicalSeriesGiveZero() {
        double[] x = ar1(0.9, 3000, 1);
        assertThat(SpectralDivergence.hellinger(x, x.clone(), 1)).isCloseTo(0.0, within(1e-7));
        // invariant under offset and scale (z-scoring)
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] = 5 + 3 * y[i];
        assertThat(SpectralDivergence.hellinger(x, y, 1)).isCloseTo(0.0, within(1e-7));
    }

    @Test
    void sinusoidsOfDifferentFrequencyAreNearlyOne() {
        // 4096 samples: frequencies at bins 164 and 655, 25 smoothing widths apart, so the smoothed spectra barely overlap.
        double h = SpectralDivergence.hellinger(sine(0.04, 4096), sine(0.16, 4096), 1);
        assertThat(h).isGreaterThan(0.99).isLessThanOrEqualTo(1.0);
    }

    @Test
    void independentRunsOfTheSameProcessAreCloseAndBelowADifferentProcess() {
        int n = 8192;
        double same = SpectralDivergence.hellinger(ar1(0.95, n, 1), ar1(0.95, n, 2), 1);
        double other = SpectralDivergence.hellinger(ar1(0.95, n, 1), ar1(0.5, n, 3), 1);
        // The smoothed periodogram averages ~2·4σ·… bins; relative fluctuations ~1/√(2√π σ) ≈ 0.12 per bin, so
        // H² ≈ (1/8)·E[(δ)²] is of order 2e-3: H ≈ 0.04.
        assertThat(same).isLessThan(0.06);
        assertThat(other).isGreaterThan(5 * same);
    }

    @Test
    void multidimensionalIsTheMeanOverDimensions() {
        int n = 2048;
        double[] a0 = ar1(0.9, n, 5), a1 = sine(0.1, n), b0 = ar1(0.9, n, 6), b1 = sine(0.3, n);
        double[] a = new double[2 * n], b = new double[2 * n];
        for (int t = 0; t < n; t++) {
            a[2 * t] = a0[t]; a[2 * t + 1] = a1[t];
            b[2 * t] = b0[t]; b[2 * t + 1] = b1[t];
        }
        double expected = 0.5 * (SpectralDivergence.hellinger(a0, b0, 1) + SpectralDivergence.hellinger(a1, b1, 1));
        assertThat(SpectralDivergence.hellinger(a, b, 2)).isCloseTo(expected, within(1e-14));
    }

    @Test
    void smoothingPreservesMassAndRejectsConstantSeries() {
        double[] x = new double[100];
        x[0] = 1;
        x[50] = 2;
        double[] out = new double[100];
        SpectralDivergence.smooth(x, SpectralDivergence.gaussianKernel(20), out);
        double s = 0;
        for (double v : out) s += v;
        assertThat(s).isCloseTo(3.0, within(1e-12));
        assertThatThrownBy(() -> SpectralDivergence.hellinger(new double[10], ar1(0.5, 10, 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constant");
    }

    /**
     * The smoothing takes interior neighbours directly and mirrors only at the edges: every output must be the bits
     * of the definition, each neighbour mirrored about the half-sample (x[−1] = x[0], x[n] = x[n − 1]), also when the
     * kernel is wider than the series.
     */
    @Test
    void smoothingEqualsTheMirroredDefinitionBitForBit() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int n : new int[] {1, 2, 7, 80, 161, 162, 1000}) {
            for (double sigma : new double[] {0, 1, 2.5, 20}) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) x[i] = rng.nextDouble();
                double[] w = SpectralDivergence.gaussianKernel(sigma), out = new double[n];
                SpectralDivergence.smooth(x, w, out);
                int r = w.length - 1;
                for (int i = 0; i < n; i++) {
                    double s = w[0] * x[i];
                    for (int o = 1; o <= r; o++) s += w[o] * (x[mirrored(i - o, n)] + x[mirrored(i + o, n)]);
                    assertThat(out[i]).as("n %d, σ %s, bin %d", n, sigma, i).isEqualTo(s);
                }
            }
        }
    }

    /** Reflection about the half-sample, repeated: ... x1 x0 | x0 x1 ... x_{n−1} | x_{n−1} x_{n−2} ... */
    private static int mirrored(int i, int n) {
        while (i < 0 || i >= n) i = i < 0 ? -1 - i : 2 * n - 1 - i;
        return i;
    }
}
