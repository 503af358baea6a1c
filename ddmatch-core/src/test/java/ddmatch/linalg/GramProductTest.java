package ddmatch.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GramProductTest {

    private static double[] features(int m, int f, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] phi = new double[m * f];
        for (int i = 0; i < phi.length; i++) phi[i] = r.nextDouble(-1, 1);
        return phi;
    }

    @Test
    void scalarKernelEqualsTheNaiveProductAndIsBitIdenticalForAnyThreadCount() {
        // Sizes that are not multiples of the tile sizes, so that every edge case of the blocking is exercised.
        int m = 2 * GramProduct.DEPTH + 7;
        int f = GramProduct.COLS + 37;
        double[] phi = features(m, f, 3);
        double[] g1 = new double[f * f];
        double[] g3 = new double[f * f];
        GramProduct.computeScalar(phi, m, f, g1, 1);
        GramProduct.computeScalar(phi, m, f, g3, 3);
        assertThat(g3).isEqualTo(g1);
        for (int i = 0; i < f; i += 7) {
            for (int j = 0; j < f; j += 5) {
                double s = 0;
                for (int k = 0; k < m; k++) s += phi[k * f + i] * phi[k * f + j];
                assertThat(g1[i * f + j]).isCloseTo(s, within(1e-12));
                // the register-blocked kernel adds the samples in the naive left-to-right order: exactly equal
                assertThat(g1[Math.min(i, j) * f + Math.max(i, j)]).isEqualTo(s);
            }
        }
    }

    @Test
    void vectorKernelIsBitIdenticalToTheNaiveFusedSumForOddSizesAndAnyThreadCount() {
        // The vector kernel sums each entry as one chain of fused multiply-adds in sample order, so it must equal the
        // naive fma loop bit for bit; sizes straddle the sample block (VectorGram.DEPTH = 128), the 4-row tiles, the
        // 2L-column tiles and the 256-column strips. Skipped without the Vector API module.
        org.junit.jupiter.api.Assumptions.assumeTrue(!GramProduct.kernel().equals("scalar"), "Vector API not available");
        int[][] sizes = {{1, 1}, {3, 5}, {127, 17}, {129, 19}, {2 * 128 + 5, GramProduct.COLS + 37}, {300, 2 * GramProduct.COLS + 3}};
        for (int[] mf : sizes) {
            int m = mf[0], f = mf[1];
            double[] phi = features(m, f, 11 + m);
            double[] g1 = new double[f * f];
            double[] g2 = new double[f * f];
            double[] g3 = new double[f * f];
            assertThat(GramProduct.computeVector(phi, m, f, g1, 1)).isTrue();
            GramProduct.computeVector(phi, m, f, g2, 2);
            GramProduct.computeVector(phi, m, f, g3, 5);
            assertThat(g2).as("m=%d f=%d, 2 threads", m, f).isEqualTo(g1);
            assertThat(g3).as("m=%d f=%d, 5 threads", m, f).isEqualTo(g1);
            for (int i = 0; i < f; i++) {
                for (int j = 0; j < f; j++) {
                    double s = 0;
                    for (int k = 0; k < m; k++) s = Math.fma(phi[k * f + i], phi[k * f + j], s);
                    if (g1[i * f + j] != s) {
                        assertThat(g1[i * f + j]).as("G[%d][%d], m=%d f=%d", i, j, m, f).isEqualTo(s);
                    }
                }
            }
        }
    }

    @Test
    void computeChoosesTheKernelBySizeOnly() {
        // Below the threshold compute() is the scalar kernel bit for bit; at or above it, the vector kernel (when the
        // Vector API is available). The threshold itself: 2e9 multiply-adds, e.g. F = 1000 from M = 4000 on.
        assertThat(GramProduct.usesVector(3999, 1000)).isFalse();
        assertThat(GramProduct.usesVector(4000, 1000)).isEqualTo(!GramProduct.kernel().equals("scalar"));
        int m = 50, f = 40;
        double[] phi = features(m, f, 8);
        double[] g = new double[f * f];
        double[] s = new double[f * f];
        GramProduct.compute(phi, m, f, g, 2);
        GramProduct.computeScalar(phi, m, f, s, 1);
        assertThat(g).isEqualTo(s);
    }

    @Test
    void vectorAndScalarKernelsAgreeToRounding() {
        // tanh features of the size of a fit: relative difference per entry bounded by a few M·u of Σ|Φ_i||Φ_j|.
        int m = 1000, f = 300;
        SplittableRandom r = new SplittableRandom(5);
        double[] phi = new double[m * f];
        for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(2 * r.nextGaussian());
        double[] gv = new double[f * f];
        double[] gs = new double[f * f];
        org.junit.jupiter.api.Assumptions.assumeTrue(GramProduct.computeVector(phi, m, f, gv, 2), "Vector API not available");
        GramProduct.computeScalar(phi, m, f, gs, 2);
        double worst = 0;
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < f; j++) {
                // Σ|Φ_i Φ_j| ≤ √(G_ii G_jj) by Cauchy–Schwarz
                worst = Math.max(worst, Math.abs(gv[i * f + j] - gs[i * f + j]) / Math.sqrt(gs[i * f + i] * gs[j * f + j]));
            }
        }
        assertThat(worst).isLessThan(1e-13);
    }

    @Test
    void fastestBackendAgreesWithTheJavaKernel() {
        // With a native BLAS loaded (dsyrk) the sums are reordered: equal to rounding; without one, bit for bit.
        int m = 301, f = 67;
        java.util.SplittableRandom g = new java.util.SplittableRandom(9);
        double[] phi = new double[m * f];
        for (int i = 0; i < phi.length; i++) phi[i] = Math.tanh(2 * g.nextGaussian());
        double[] ref = new double[f * f];
        GramProduct.compute(phi, m, f, ref, 1);
        double[] got = new double[f * f];
        boolean nativeUsed = GramProduct.computeFastest(phi, m, f, got, 1);
        assertThat(nativeUsed).isEqualTo(NativeBlas.available());
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < f; j++) {
                assertThat(got[i * f + j]).isEqualTo(got[j * f + i]);
                if (nativeUsed) {
                    assertThat(got[i * f + j]).isCloseTo(ref[i * f + j], org.assertj.core.api.Assertions.within(1e-12 * m));
                } else {
                    assertThat(got[i * f + j]).isEqualTo(ref[i * f + j]);
                }
            }
        }
    }
}
