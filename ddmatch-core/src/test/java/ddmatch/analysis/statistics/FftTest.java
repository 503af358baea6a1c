package ddmatch.analysis.statistics;

import ddmatch.solve.StandardNormal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FftTest {

    @Test
    void matchesDirectDftOnSmallInputs() {
        StandardNormal g = new StandardNormal(4);
        for (int n : new int[] {1, 2, 4, 8, 16, 64}) {
            double[] re = new double[n], im = new double[n];
            g.fill(re, 0, n);
            g.fill(im, 0, n);
            double[] dr = new double[n], di = new double[n];
            for (int f = 0; f < n; f++) {
                for (int t = 0; t < n; t++) {
                    double a = -2 * Math.PI * f * t / n;
                    dr[f] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                    di[f] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
                }
            }
            double[] r0 = re.clone(), i0 = im.clone();
            Fft.forward(re, im);
            for (int f = 0; f < n; f++) {
                assertThat(re[f]).isCloseTo(dr[f], within(1e-11));
                assertThat(im[f]).isCloseTo(di[f], within(1e-11));
            }
            Fft.inverse(re, im);
            for (int t = 0; t < n; t++) {
                assertThat(re[t]).isCloseTo(r0[t], within(1e-13));
                assertThat(im[t]).isCloseTo(i0[t], within(1e-13));
            }
        }
    }

    @Test
    void nextPowerOfTwoAndLengthChecks() {
        assertThat(Fft.nextPowerOfTwo(1)).isEqualTo(1);
        assertThat(Fft.nextPowerOfTwo(5)).isEqualTo(8);
        assertThat(Fft.nextPowerOfTwo(1024)).isEqualTo(1024);
        assertThatThrownBy(() -> Fft.forward(new double[6], new double[6])).isInstanceOf(IllegalArgumentException.class);
    }
}
