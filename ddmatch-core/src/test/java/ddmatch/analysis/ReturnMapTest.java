package ddmatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ddmatch.sde.StuartLandau;
import ddmatch.solve.RungeKutta4;
import ddmatch.solve.Stepper;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Return maps against analytic answers (the peaks of a cosine, a limit cycle's radius and period, Wasserstein
 * distances of shifted and unequal samples) and against independent brute-force computations (the quantile form of
 * the Wasserstein distance, an exhaustive nearest-neighbour search).
 */
class ReturnMapTest {

    /** Largest error of the peak values of cos(t + φ) sampled every h, over many phases. */
    private static double[] cosinePeakErrors(double h) {
        double valueError = 0;
        double timeError = 0;
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            double phase = 2 * Math.PI * random.nextDouble();
            int n = (int) (20 * Math.PI / h);
            double[] v = new double[n];
            for (int k = 0; k < n; k++) v[k] = Math.cos(k * h + phase);
            ReturnMap.Peaks p = ReturnMap.peaks(v, 1, 0, h);
            assertThat(p.count()).isBetween(9, 10);
            for (int j = 0; j < p.count(); j++) {
                valueError = Math.max(valueError, Math.abs(p.values()[j] - 1));
                // the maximum nearest to this one's time: t + φ = 2πk
                double k = Math.rint((p.times()[j] + phase) / (2 * Math.PI));
                timeError = Math.max(timeError, Math.abs(p.times()[j] - (2 * Math.PI * k - phase)));
            }
        }
        return new double[] {valueError, timeError};
    }

    @Test
    void thePeakOfTheParabolaThroughThreeSamplesIsFourthOrderInTheValue() {
        double[] coarse = cosinePeakErrors(0.1);
        double[] fine = cosinePeakErrors(0.05);
        // cos(δ) against the vertex: the quartic term leaves an O(h⁴) error in the value, O(h³) in the time.
        double valueOrder = Math.log(coarse[0] / fine[0]) / Math.log(2);
        double timeOrder = Math.log(coarse[1] / fine[1]) / Math.log(2);
        assertThat(valueOrder).isBetween(3.6, 4.4);
        assertThat(timeOrder).isBetween(2.6, 3.4);
        assertThat(fine[0]).isLessThan(1e-6);
    }

    @Test
    void aLimitCycleHasOnePeakValueItsRadiusAndReturnsAfterItsPeriod() {
        double mu = 2.0, omega = 3.0, h = 0.005;
        StuartLandau sl = new StuartLandau(mu, omega, 0.0, new double[] {0.3, 0.0}, h);
        Stepper st = RungeKutta4.INSTANCE.stepper(sl);
        double[] z = sl.initialState();
        double[] none = new double[0];
        for (int k = 0; k < 4000; k++) st.step(0, h, z, none);   // 20 time units: e^{−2μ·20} from the cycle
        int n = 20_000;
        double[] run = new double[2 * n];
        for (int k = 0; k < n; k++) {
            run[2 * k] = z[0];
            run[2 * k + 1] = z[1];
            st.step(0, h, z, none);
        }
        for (int c = 0; c < 2; c++) {
            ReturnMap.Peaks p = ReturnMap.peaks(run, 2, c, h);
            assertThat(p.count()).isBetween(47, 48);   // 100 time units / (2π/3)
            for (double v : p.values()) assertThat(v).isCloseTo(Math.sqrt(mu), within(1e-8));
            // RK4's phase error at ωh = 0.015 is ~1e-9 of the period
            assertThat(p.meanReturnTime()).isCloseTo(2 * Math.PI / omega, within(1e-8));
        }
        // y lags x by a quarter period.
        ReturnMap.Peaks x = ReturnMap.peaks(run, 2, 0, h), y = ReturnMap.peaks(run, 2, 1, h);
        double lag = ((y.times()[1] - x.times()[1]) % (2 * Math.PI / omega) + 2 * Math.PI / omega) % (2 * Math.PI / omega);
        assertThat(lag).isCloseTo(0.5 * Math.PI / omega, within(1e-6));
    }

    @Test
    void wassersteinOfShiftedAndUnequalSamples() {
        SplittableRandom random = new SplittableRandom(1);
        double[] a = new double[100];
        for (int i = 0; i < a.length; i++) a[i] = random.nextGaussian();
        double[] b = Arrays.stream(a).map(v -> v + 0.37).toArray();
        assertThat(ReturnMap.wasserstein1(a, b)).isCloseTo(0.37, within(1e-12));
        assertThat(ReturnMap.wasserstein1(a, a)).isZero();
        // A point mass at 0 against half at 0 and half at 1.
        assertThat(ReturnMap.wasserstein1(new double[] {0}, new double[] {0, 1})).isCloseTo(0.5, within(1e-15));
        // Unequal sizes with ties, against ∫₀¹ |F⁻¹(u) − G⁻¹(u)| du on the 35 intervals where both quantiles are constant.
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[7], y = new double[5];
            for (int i = 0; i < x.length; i++) x[i] = Math.floor(4 * random.nextDouble());
            for (int i = 0; i < y.length; i++) y[i] = random.nextDouble() * 3;
            assertThat(ReturnMap.wasserstein1(x, y)).isCloseTo(quantileForm(x, y), within(1e-12));
        }
    }

    private static double quantileForm(double[] x, double[] y) {
        double[] xs = x.clone(), ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        int cells = xs.length * ys.length;
        double sum = 0;
        for (int k = 0; k < cells; k++) {
            // cell k covers u in (k/cells, (k+1)/cells): quantile index floor(u·n)
            sum += Math.abs(xs[k / ys.length] - ys[k / xs.length]) / cells;
        }
        return sum;
    }

    @Test
    void mapDistanceIsTheExhaustiveNearestNeighbourMean() {
        SplittableRandom random = new SplittableRandom(2);
        for (int trial = 0; trial < 10; trial++) {
            double[] a = new double[50 + random.nextInt(200)], b = new double[30 + random.nextInt(200)];
            for (int i = 0; i < a.length; i++) a[i] = random.nextGaussian();
            for (int i = 0; i < b.length; i++) b[i] = 0.3 + 1.5 * random.nextDouble();
            double exhaustive = 0.5 * (nearest(a, b) + nearest(b, a));
            assertThat(ReturnMap.mapDistance(a, b, 2.0)).isCloseTo(exhaustive / 2.0, within(1e-12));
        }
        double[] a = {1, 2, 3, 1, 2};
        assertThat(ReturnMap.mapDistance(a, a, 1.0)).isZero();
    }

    private static double nearest(double[] from, double[] to) {
        double sum = 0;
        for (int n = 0; n + 1 < from.length; n++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k + 1 < to.length; k++) {
                best = Math.min(best, Math.hypot(from[n] - to[k], from[n + 1] - to[k + 1]));
            }
            sum += best;
        }
        return sum / (from.length - 1);
    }

    /** The logistic map x → 4x(1 − x) against the same map at r = 3.8: the map distance tells them apart, not the counts. */
    @Test
    void twoOrbitsOfOneMapAreCloserThanOrbitsOfTwoMaps() {
        double[] a = logistic(4.0, 0.123, 3000), b = logistic(4.0, 0.321, 3000), c = logistic(3.8, 0.2, 3000);
        double same = ReturnMap.mapDistance(a, b, 1.0), other = ReturnMap.mapDistance(a, c, 1.0);
        assertThat(same).isLessThan(0.01);
        assertThat(other).isGreaterThan(5 * same);
    }

    private static double[] logistic(double r, double x, int n) {
        double[] out = new double[n];
        for (int i = 0; i < 100; i++) x = r * x * (1 - x);
        for (int i = 0; i < n; i++) {
            out[i] = x;
            x = r * x * (1 - x);
        }
        return out;
    }

    @Test
    void badInputIsRejectedByName() {
        assertThatThrownBy(() -> ReturnMap.peaks(new double[] {1, 2, Double.NaN}, 1, 0, 0.1))
                .hasMessageContaining("values[2] = NaN");
        assertThatThrownBy(() -> ReturnMap.peaks(new double[] {1, 2, 3}, 3, 3, 0.1))
                .hasMessageContaining("component = 3");
        assertThatThrownBy(() -> ReturnMap.peaks(new double[] {1, 2, 3}, 2, 0, 0.1))
                .hasMessageContaining("not a multiple of d = 2");
        assertThatThrownBy(() -> ReturnMap.peaks(new double[] {1, 2, 3}, 1, 0, 0))
                .hasMessageContaining("dt = 0.0");
        assertThatThrownBy(() -> ReturnMap.mapDistance(new double[] {1}, new double[] {1, 2}, 1))
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> ReturnMap.mapDistance(new double[] {1, 2}, new double[] {1, 2}, -1))
                .hasMessageContaining("scale = -1.0");
        assertThatThrownBy(() -> ReturnMap.wasserstein1(new double[0], new double[] {1}))
                .hasMessageContaining("at least one");
    }
}
