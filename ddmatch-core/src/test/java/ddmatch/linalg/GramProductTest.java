package ddmatch.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GramProductTest {

    @Test
    void equalsTheNaiveProductAndIsBitIdenticalForAnyThreadCount() {
        // Sizes that are not multiples of the tile sizes, so that every edge case of the blocking is exercised.
        int m = 2 * GramProduct.DEPTH + 7;
        int f = GramProduct.COLS + 37;
        SplittableRandom r = new SplittableRandom(3);
        double[] phi = new double[m * f];
        for (int i = 0; i < phi.length; i++) phi[i] = r.nextDouble(-1, 1);
        double[] g1 = new double[f * f];
        double[] g3 = new double[f * f];
        GramProduct.compute(phi, m, f, g1, 1);
        GramProduct.compute(phi, m, f, g3, 3);
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
