package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FastTanhTest {
    /** Dense grid of [−25, 25] (step 2^-12 plus an irrational offset): max |FastTanh − Math.tanh| ≤ 1e-15. */
    @Test
    void agreesWithMathTanhOnADenseGridWithinTheDocumentedBound() {
        int count = 400_000;
        double[] x = new double[count];
        for (int i = 0; i < count; i++) x[i] = -25.0 + 50.0 * i / count + 1e-7 * Math.PI;
        double[] out = new double[count];
        FastTanh.tanh(x, out, 0, count);
        double max = 0;
        for (int i = 0; i < count; i++) {
            double err = Math.abs(out[i] - Math.tanh(x[i]));
            max = Math.max(max, err);
            // the array form is the scalar form bit for bit
            assertThat(Double.doubleToRawLongBits(out[i])).isEqualTo(Double.doubleToRawLongBits(FastTanh.tanh(x[i])));
        }
        assertThat(max).isLessThanOrEqualTo(1e-15);
    }

    /** Near 0 the expm1 formulation keeps relative accuracy: tanh x = x − x³/3 + O(x⁵). */
    @Test
    void smallArgumentsKeepRelativeAccuracy() {
        for (double x : new double[] {1e-300, 1e-100, 1e-20, 1e-8, 1e-5, 1e-3}) {
            double expected = x - x * x * x / 3 + 2 * Math.pow(x, 5) / 15;
            assertThat(FastTanh.tanh(x)).isCloseTo(expected, within(1e-14 * x));
            assertThat(FastTanh.tanh(-x)).isCloseTo(-expected, within(1e-14 * x));
        }
    }

    @Test
    void edgeValues() {
        assertThat(Double.doubleToRawLongBits(FastTanh.tanh(0.0))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(FastTanh.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(FastTanh.tanh(Double.NaN)).isNaN();
        assertThat(FastTanh.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(FastTanh.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(FastTanh.tanh(Double.MAX_VALUE)).isEqualTo(1.0);
        assertThat(FastTanh.tanh(-Double.MAX_VALUE)).isEqualTo(-1.0);
        assertThat(FastTanh.tanh(Double.MIN_VALUE)).isCloseTo(0.0, within(1e-300));
        // Math.tanh rounds to ±1 from |x| ≈ 19.06; FastTanh clamps at |x| = 20
        for (double x : new double[] {19.0, 19.5, 20.0, 20.5, 30.0, 700.0, 1e10}) {
            assertThat(FastTanh.tanh(x)).isCloseTo(Math.tanh(x), within(1e-15));
            assertThat(FastTanh.tanh(-x)).isCloseTo(Math.tanh(-x), within(1e-15));
        }
        double[] edge = {0.0, Double.NaN, Double.POSITIVE_INFINITY, -5.0};
        double[] out = new double[4];
        FastTanh.tanh(edge, out, 1, 4);
        assertThat(out[0]).isEqualTo(0.0);
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isEqualTo(1.0);
        assertThat(out[3]).isCloseTo(Math.tanh(-5.0), within(1e-15));
    }
}
