package ddmatch.analysis.statistics;

import ddmatch.sde.Lorenz;
import ddmatch.solve.Integrator;
import ddmatch.solve.Observable;
import ddmatch.solve.RungeKutta4;
import ddmatch.solve.SaveAt;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CorrelationDimensionTest {

    @Test
    void lorenzIsGrassbergerProcaccia205() {
        Lorenz l = new Lorenz();
        Integrator integ = new Integrator(RungeKutta4.INSTANCE);
        double[] x0 = integ.run(l, l.initialState(), 0, 0.01, 5000, null, new SaveAt(5000, false), (t, x) -> {});
        // 40 000 points every 0.05 time units (2000 time units); the estimator keeps every 10th
        double[] pts = integ.solve(l, x0, 0, 0.01, 200_000, null, new SaveAt(5, false), Observable.identity(3)).values();
        CorrelationDimension.Result r = CorrelationDimension.estimate(pts, 3, CorrelationDimension.Config.defaults());
        assertThat(r.dimension()).isCloseTo(2.05, within(0.1));
    }

    @Test
    void uniformSquareIsTwoAndLineIsOne() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 4000;
        double[] sq = new double[2 * n], line = new double[3 * n];
        for (int i = 0; i < n; i++) {
            sq[2 * i] = rng.nextDouble();
            sq[2 * i + 1] = rng.nextDouble();
            double s = rng.nextDouble();
            line[3 * i] = s; line[3 * i + 1] = 2 * s - 1; line[3 * i + 2] = 0.5 * s;
        }
        CorrelationDimension.Config iid = new CorrelationDimension.Config(4000, 0, 1e-4, 1e-2);
        assertThat(CorrelationDimension.estimate(sq, 2, iid).dimension()).isCloseTo(2.0, within(0.1));
        assertThat(CorrelationDimension.estimate(line, 3, iid).dimension()).isCloseTo(1.0, within(0.1));
    }
}
