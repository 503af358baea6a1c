package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link NetworkKernels#dot} against the exact sum (BigDecimal) within the classical bound n·u·Σ|a_i b_i|. */
class DotTest {
    @Test
    void dotIsWithinTheRoundingBoundOfTheExactSumForAnyLengthAndOffset() {
        SplittableRandom r = new SplittableRandom(8);
        for (int len : new int[] {0, 1, 5, 7, 8, 9, 15, 16, 17, 31, 33, 250, 1000, 4001}) {
            for (int ao : new int[] {0, 3}) {
                int bo = 5 - ao;
                double[] a = new double[ao + len], b = new double[bo + len];
                for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
                for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
                BigDecimal exact = BigDecimal.ZERO;
                double abs = 0;
                for (int i = 0; i < len; i++) {
                    exact = exact.add(new BigDecimal(a[ao + i]).multiply(new BigDecimal(b[bo + i])));
                    abs += Math.abs(a[ao + i] * b[bo + i]);
                }
                double got = NetworkKernels.dot(a, ao, b, bo, len);
                double err = Math.abs(exact.subtract(new BigDecimal(got), MathContext.DECIMAL128).doubleValue());
                assertThat(err).as("len %d, offset %d", len, ao).isLessThanOrEqualTo(Math.max(len, 1) * 0x1p-53 * abs);
                // deterministic: the same call gives the same bits
                assertThat(Double.doubleToRawLongBits(NetworkKernels.dot(a, ao, b, bo, len))).isEqualTo(Double.doubleToRawLongBits(got));
            }
        }
    }
}
