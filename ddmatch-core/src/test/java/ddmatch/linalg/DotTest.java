package ddmatch.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MatrixProduct#dot} against the exact sum (BigDecimal) within the classical bound n·u·Σ|a_i b_i|, and
 * {@link MatrixProduct#subtractMultiple} against the plain loop it replaces.
 */
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
                double got = MatrixProduct.dot(a, ao, b, bo, len);
                double err = Math.abs(exact.subtract(new BigDecimal(got), MathContext.DECIMAL128).doubleValue());
                assertThat(err).as("len %d, offset %d", len, ao).isLessThanOrEqualTo(Math.max(len, 1) * 0x1p-53 * abs);
                // deterministic: the same call gives the same bits
                assertThat(Double.doubleToRawLongBits(MatrixProduct.dot(a, ao, b, bo, len))).isEqualTo(Double.doubleToRawLongBits(got));
            }
        }
    }

    /** The Gram–Schmidt projection step gives the scalar loop's bits, also within one array at overlapping offsets. */
    @Test
    void subtractMultipleEqualsThePlainLoopBitForBit() {
        SplittableRandom r = new SplittableRandom(9);
        for (int len : new int[] {0, 1, 7, 8, 9, 17, 250, 1003}) {
            for (int[] offsets : new int[][] {{0, 0, 2}, {3, 0, 2}, {0, len + 1, 1}, {len + 2, 1, 1}}) {
                int ao = offsets[0], bo = offsets[1];
                boolean same = offsets[2] == 1;
                double[] a = new double[Math.max(ao, bo) + len + 3];
                for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
                double[] b = same ? a : a.clone();
                for (int i = 0; i < b.length && !same; i++) b[i] = r.nextGaussian();
                double c = r.nextGaussian();
                double[] expected = a.clone(), bCopy = (same ? expected : b).clone();
                for (int i = 0; i < len; i++) expected[ao + i] -= c * bCopy[bo + i];
                MatrixProduct.subtractMultiple(a, ao, c, b, bo, len);
                assertThat(a).as("len %d, ao %d, bo %d, one array %s", len, ao, bo, same).containsExactly(expected);
            }
        }
    }
}
