package ddmatch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ddmatch.sde.input.Constant;
import ddmatch.sde.input.InputSchedule;
import ddmatch.sde.input.Step;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The input term B u(t) of a rate network. */
class RateNetworkInputsTest {
    static final int P = 2;

    static RateNetwork network(List<InputSchedule> schedules) {
        RateNetwork base = RateNetworkTest.network(3); // N = 40, d = 3
        SplittableRandom r = new SplittableRandom(4);
        double[] b = new double[base.neurons() * P];
        for (int i = 0; i < b.length; i++) b[i] = r.nextDouble(-1, 1);
        return new RateNetwork("in", base.embedding(), base.readInWeights(), base.noiseGain(), base.noiseDimension(), base.tau(),
                base.activation(), base.standardization(), 0.01, b, List.of("a", "c"), schedules);
    }

    @Test
    void driftAddsBTimesTheScheduledInputOverTau() {
        RateNetwork plain = RateNetworkTest.network(3);
        RateNetwork net = network(List.of(new Step(1.0, 0.0, 2.0), new Constant(-0.5)));
        double[] b = net.inputGain();
        int n = net.neurons();
        SplittableRandom r = new SplittableRandom(9);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) x[j] = r.nextDouble(-2, 2);
        double[] a = new double[n], c = new double[n];
        for (double t : new double[] {0.5, 1.5}) {
            double u0 = t < 1 ? 0.0 : 2.0;
            plain.drift(t, x, a);
            net.drift(t, x, c);
            for (int j = 0; j < n; j++) {
                double expected = a[j] + (b[j * P] * u0 + b[j * P + 1] * -0.5) / net.tau();
                assertThat(c[j]).isCloseTo(expected, within(1e-12));
            }
        }
        // drift at given u equals the drift with constant schedules at those values.
        double[] given = new double[n];
        net.drift(0.5, x, new double[] {0.7, 1.3}, given);
        net.withSchedules(List.of(new Constant(0.7), new Constant(1.3))).drift(0.5, x, c);
        for (int j = 0; j < n; j++) assertThat(given[j]).isCloseTo(c[j], within(1e-12));
        assertThatThrownBy(() -> net.withSchedules(List.of(new Constant(1)))).hasMessageContaining("has 2 inputs");
    }

    @Test
    void theContextualPartIsOrthogonalToUAndTheReadoutDriftGetsThePartAlongU() {
        RateNetwork net = network(List.of(new Constant(0), new Constant(0)));
        // At u the manifold point is shifted by B_c u, which the readout does not see.
        double[] z = {0.3, -1.0, 2.0};
        double[] x0 = net.stateFor(z, new double[] {0, 0});
        double[] x1 = net.stateFor(z, new double[] {1.5, -0.5});
        double[] z0 = new double[3], z1 = new double[3];
        net.readout(x0, z0);
        net.readout(x1, z1);
        assertThat(z1).containsExactly(z0, within(1e-12));
        assertThat(net.readoutDrift(z, new double[] {0, 0})).hasSize(3);
    }
}
