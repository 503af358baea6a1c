package ddmatch.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IncrementCovarianceTest {

    @Test
    void recoversNonDiagonalDiffusionOfLinearSde() {
        int d = 3;
        double dt = 0.01;
        double[] b = {1.0, -0.5, 0.0, 0.5, 1.5, 0.2, 0.0, -0.3, 2.0};
        double[] g = {1.0, 0.0, 0.0, 0.6, 0.8, 0.0, 0.5, 0.5, 0.6};
        double[] ggt = {1.0, 0.6, 0.5, 0.6, 1.0, 0.7, 0.5, 0.7, 0.86};
        double[] z = new SeededGaussian(31).linearSde(b, g, d, dt, 500_000, 1000);
        double[] cov = IncrementCovariance.ofResiduals(z, d, dt, (x, out) -> {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) s -= b[i * d + j] * x[j];
                out[i] = s;
            }
        });
        for (int i = 0; i < 9; i++) {
            assertThat(cov[i]).as("entry %d", i).isCloseTo(ggt[i], within(0.03 * Math.abs(ggt[i])));
        }
        assertThat(cov[1]).isEqualTo(cov[3]);
    }

    @Test
    void rejectsBadInput() {
        DriftFunction zero = (x, out) -> java.util.Arrays.fill(out, 0.0);
        assertThatThrownBy(() -> IncrementCovariance.ofResiduals(new double[6], 2, 0.0, zero))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dt' = 0.0");
        assertThatThrownBy(() -> IncrementCovariance.ofResiduals(new double[4], 2, 0.1, zero))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> IncrementCovariance.ofResiduals(new double[6], 2, 0.1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'f'");
        assertThatThrownBy(() -> IncrementCovariance.ofResiduals(new double[6], 2, 0.1, (x, out) -> out[0] = Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }
}
