package ddmatch.sde.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each schedule at known points: exact values, including the edges of steps, pulses and segments. */
class InputScheduleTest {

    @Test
    void constantIsTheSameEverywhere() {
        Constant c = new Constant(1.5);
        assertThat(c.value(-1e9)).isEqualTo(1.5);
        assertThat(c.value(0.0)).isEqualTo(1.5);
        assertThat(c.value(42.0)).isEqualTo(1.5);
        assertThat(c.isConstant()).isTrue();
        assertThatThrownBy(() -> new Constant(Double.NaN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    }

    @Test
    void stepSwitchesAtItsTimeAndIsRightContinuous() {
        Step s = new Step(10.0, -1.0, 2.5);
        assertThat(s.value(9.999)).isEqualTo(-1.0);
        assertThat(s.value(10.0)).isEqualTo(2.5);
        assertThat(s.value(1e6)).isEqualTo(2.5);
        assertThat(s.isConstant()).isFalse();
    }

    @Test
    void pulseTrainIsOnDuringTheFirstWidthOfEachPeriod() {
        PulseTrain p = new PulseTrain(50.0, 2.0, 1.5, 10.0);
        assertThat(p.value(9.99)).isEqualTo(0.0);   // before the start
        assertThat(p.value(10.0)).isEqualTo(1.5);   // onset of pulse 1
        assertThat(p.value(11.5)).isEqualTo(1.5);
        assertThat(p.value(12.0)).isEqualTo(0.0);   // pulse is [10, 12)
        assertThat(p.value(35.0)).isEqualTo(0.0);
        assertThat(p.value(60.0)).isEqualTo(1.5);   // onset of pulse 2
        assertThat(p.value(61.0)).isEqualTo(1.5);
        assertThat(p.value(62.5)).isEqualTo(0.0);
        assertThat(p.value(10.0 + 1000 * 50.0 + 1.0)).isEqualTo(1.5); // pulse 1001
        assertThatThrownBy(() -> new PulseTrain(1.0, 2.0, 1.0, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width");
        assertThatThrownBy(() -> new PulseTrain(0.0, 0.0, 1.0, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
    }

    @Test
    void piecewiseLinearInterpolatesAndHoldsItsEnds() {
        PiecewiseLinear p = new PiecewiseLinear(new double[] {0.0, 2.0, 4.0, 5.0}, new double[] {0.0, 4.0, -4.0, 1.0});
        assertThat(p.value(-3.0)).isEqualTo(0.0);
        assertThat(p.value(0.0)).isEqualTo(0.0);
        assertThat(p.value(0.5)).isEqualTo(1.0);
        assertThat(p.value(2.0)).isEqualTo(4.0);
        assertThat(p.value(3.0)).isEqualTo(0.0);
        assertThat(p.value(3.5)).isEqualTo(-2.0);
        assertThat(p.value(4.5)).isEqualTo(-1.5);
        assertThat(p.value(5.0)).isEqualTo(1.0);
        assertThat(p.value(100.0)).isEqualTo(1.0);
        assertThat(p.value(Double.NaN)).isNaN();
        assertThat(new PiecewiseLinear(new double[] {3.0}, new double[] {7.0}).value(-1.0)).isEqualTo(7.0);
        assertThatThrownBy(() -> new PiecewiseLinear(new double[] {0.0, 0.0}, new double[] {1.0, 2.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time[1]");
        assertThatThrownBy(() -> new PiecewiseLinear(new double[0], new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
