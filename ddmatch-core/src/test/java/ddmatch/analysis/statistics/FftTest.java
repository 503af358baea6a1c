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

    /**
     * The stage-by-stage sweep gives exactly the bits of the order it replaced, twiddle by twiddle with each inner loop
     * striding through the array (written out below): a stage's butterflies are independent, and each uses the same
     * directly computed twiddle. Forward and inverse, lengths 1 to 2^13.
     */
    @Test
    void sameBitsAsTheTwiddleMajorOrder() {
        StandardNormal g = new StandardNormal(11);
        for (int n : new int[] {1, 2, 4, 32, 1024, 8192}) {
            for (double sign : new double[] {-1.0, 1.0}) {
                double[] re = new double[n], im = new double[n];
                g.fill(re, 0, n);
                g.fill(im, 0, n);
                double[] rr = re.clone(), ri = im.clone();
                twiddleMajor(rr, ri, sign);
                if (sign < 0) {
                    Fft.forward(re, im);
                } else {
                    Fft.inverse(re, im);
                    for (int i = 0; i < n; i++) {
                        rr[i] *= 1.0 / n;
                        ri[i] *= 1.0 / n;
                    }
                }
                assertThat(re).as("re, n = %d, sign %s", n, sign).containsExactly(rr);
                assertThat(im).as("im, n = %d, sign %s", n, sign).containsExactly(ri);
            }
        }
    }

    private static void twiddleMajor(double[] re, double[] im, double sign) {
        int n = re.length;
        if (n > 1) {   // bit-reversal permutation, by Integer.reverse
            double[] r0 = re.clone(), i0 = im.clone();
            int shift = Integer.numberOfLeadingZeros(n) + 1;
            for (int i = 0; i < n; i++) {
                int j = Integer.reverse(i) >>> shift;
                re[j] = r0[i];
                im[j] = i0[i];
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            double ang = sign * 2.0 * Math.PI / len;
            for (int m = 0; m < half; m++) {
                double wr = Math.cos(ang * m), wi = Math.sin(ang * m);
                for (int s = m; s < n; s += len) {
                    int p = s + half;
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

    @Test
    void nextPowerOfTwoAndLengthChecks() {
        assertThat(Fft.nextPowerOfTwo(1)).isEqualTo(1);
        assertThat(Fft.nextPowerOfTwo(5)).isEqualTo(8);
        assertThat(Fft.nextPowerOfTwo(1024)).isEqualTo(1024);
        assertThatThrownBy(() -> Fft.forward(new double[6], new double[6])).isInstanceOf(IllegalArgumentException.class);
    }
}
