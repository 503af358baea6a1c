package ddmatch.analysis;

import ddmatch.sde.DoubleWell;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ResidenceTimesTest {

    @Test
    void deterministicSeriesWithKnownSwitches() {
        double dt = 0.1;
        double[] x = new double[46];
        Arrays.fill(x, 0.0);          // undefined until sample 3
        x[3] = 1.0;                   // +1 (first assignment, not a switch)
        x[5] = 0.4; x[6] = -0.4;      // chatter inside the band: no switch
        x[10] = -1.0;                 // switch 1
        x[25] = 0.9;                  // switch 2
        x[31] = -0.7;                 // switch 3
        x[40] = 0.6;                  // switch 4; the residence after it is incomplete
        ResidenceTimes.Result r = ResidenceTimes.of(x, dt, -0.5, 0.5);
        assertThat(r.transitions()).isEqualTo(4);
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.times()).containsExactly(new double[] {1.5, 0.6, 0.9}, within(1e-12));
        assertThat(r.states()).containsExactly(-1, 1, -1);
        assertThat(r.lowerCount()).isEqualTo(2);
        assertThat(r.upperCount()).isEqualTo(1);
        assertThat(r.mean()).isCloseTo(1.0, within(1e-12));
        assertThat(r.mean(-1)).isCloseTo(1.2, within(1e-12));
        assertThat(r.mean(1)).isCloseTo(0.6, within(1e-12));
        assertThat(r.standardError()).isCloseTo(Math.sqrt(0.21 / 3.0), within(1e-12));
    }

    @Test
    void noCrossingGivesNoResidences() {
        ResidenceTimes.Result r = ResidenceTimes.of(new double[] {0.1, 0.9, 0.2, 0.8}, 1.0, -0.5, 0.5);
        assertThat(r.transitions()).isZero();
        assertThat(r.count()).isZero();
        assertThat(r.mean()).isNaN();
    }

    @Test
    void resultIsImmutableAndValidated() {
        double[] t = {1.0, 2.0};
        ResidenceTimes.Result r = new ResidenceTimes.Result(t, new int[] {1, -1}, 3, 1, 1);
        t[0] = 99.0;
        r.times()[1] = 99.0;
        assertThat(r.times()).containsExactly(1.0, 2.0);
        assertThatThrownBy(() -> new ResidenceTimes.Result(new double[] {-1.0}, new int[] {1}, 2, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'times'");
        assertThatThrownBy(() -> new ResidenceTimes.Result(new double[] {1.0}, new int[] {1}, 5, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'transitions' = 5");
    }

    @Test
    void rejectsBadInput() {
        double[] x = {0, 1, -1};
        assertThatThrownBy(() -> ResidenceTimes.of(x, 0.0, -0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dt' = 0.0");
        assertThatThrownBy(() -> ResidenceTimes.of(x, 0.1, 0.5, -0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'upper' = -0.5");
        assertThatThrownBy(() -> ResidenceTimes.of(new double[] {0, Double.POSITIVE_INFINITY}, 0.1, -0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> ResidenceTimes.of(new double[] {0}, 0.1, -0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    /**
     * Double well {@code dz = (z − z³) dt + σ dW} at σ = 0.5 over 2·10⁵ time units (Euler–Maruyama, dt = 0.01),
     * hysteresis thresholds ±0.5: the mean residence time is within 10% of Kramers' {@code (2π/√2) e²} ≈ 32.83 (the
     * exact mean first-passage time from +0.5 to −0.5 is 31.68, 3.5% below Kramers at this noise level).
     */
    @Test
    void doubleWellMatchesKramers() {
        double sigma = 0.5, dt = 0.01, duration = 2.0e5;
        int n = (int) Math.round(duration / dt);
        double[] x = new double[n];
        SeededGaussian g = new SeededGaussian(20240607L);
        double z = 1.0, noise = sigma * Math.sqrt(dt);
        for (int k = 0; k < n; k++) {
            x[k] = z;
            z += (z - z * z * z) * dt + noise * g.next();
        }
        ResidenceTimes.Result r = ResidenceTimes.of(x, dt, -0.5, 0.5);
        double kramers = new DoubleWell(sigma).kramersResidenceTime();
        assertThat(kramers).isCloseTo(2.0 * Math.PI / Math.sqrt(2.0) * Math.exp(2.0), within(1e-12));
        assertThat(r.count()).isGreaterThan(4000);
        assertThat(r.mean()).isCloseTo(kramers, within(0.10 * kramers));
        assertThat(r.standardError()).isLessThan(0.03 * kramers);
    }
}
