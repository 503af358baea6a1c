package ddmatch.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StateSpaceDivergenceTest {

    private static double[] normal(SeededGaussian g, int n, int d, double shift) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = g.next() + shift;
        return x;
    }

    @Test
    void identicalDataGivesZero() {
        SeededGaussian g = new SeededGaussian(1);
        for (int d = 1; d <= 5; d++) {
            double[] x = normal(g, 20_000, d, 0.0);
            assertThat(StateSpaceDivergence.histogram(x, x.clone(), d)).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void shiftedGaussiansMatchAnalyticKl() {
        SeededGaussian g = new SeededGaussian(2);
        double[] a = normal(g, 1_000_000, 1, 0.0);
        double[] b = normal(g, 1_000_000, 1, 0.5);
        // KL(N(0,1) ‖ N(0.5,1)) = 0.5²/2 = 0.125
        assertThat(StateSpaceDivergence.histogram(a, b, 1)).isCloseTo(0.125, within(0.02));
    }

    @Test
    void divergenceIsAsymmetric() {
        double[] a = {0, 0, 0, 1};   // two bins: (3/4, 1/4)
        double[] b = {0, 1};         // two bins: (1/2, 1/2)
        double ab = StateSpaceDivergence.histogram(a, b, 1, 2, 1e-5);
        double ba = StateSpaceDivergence.histogram(b, a, 1, 2, 1e-5);
        double expectedAb = 0.75 * Math.log(0.75 / 0.5) + 0.25 * Math.log(0.25 / 0.5);
        double expectedBa = 0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(0.5 / 0.25);
        assertThat(ab).isCloseTo(expectedAb, within(1e-4));
        assertThat(ba).isCloseTo(expectedBa, within(1e-4));
        assertThat(Math.abs(ab - ba)).isGreaterThan(0.01);
    }

    @Test
    void outOfRangeGeneratedPointsAreClampedIntoEdgeBins() {
        double[] truth = {0, 1, 2, 3};
        double[] generated = {-100, 1, 2, 100};
        assertThat(StateSpaceDivergence.histogram(truth, generated, 1, 4, 1e-5)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void threeDimensionalCaseRunsAndDenseEqualsSparse() {
        SeededGaussian g = new SeededGaussian(3);
        double[] a = normal(g, 100_000, 3, 0.0);
        double[] b = normal(g, 100_000, 3, 0.3);
        double dense = StateSpaceDivergence.histogram(a, b, 3);
        double sparse = StateSpaceDivergence.histogram(a, b, 3, 30, 1e-5, true);
        assertThat(dense).isFinite().isGreaterThan(0.0);
        assertThat(sparse).isCloseTo(dense, within(1e-10 * dense));
        // Coarser grid, closer to the analytic 3 · 0.3²/2 = 0.135 (the 30³ grid is undersampled at n = 10⁵).
        double coarse = StateSpaceDivergence.histogram(a, b, 3, 8, 1e-5);
        assertThat(coarse).isCloseTo(0.135, within(0.03));
    }

    @Test
    void highDimensionalSparsePathIsConsistent() {
        SeededGaussian g = new SeededGaussian(4);
        double[] a = normal(g, 50_000, 4, 0.0);
        double[] b = normal(g, 50_000, 4, 0.0);
        double[] c = normal(g, 50_000, 4, 1.0);
        assertThat(StateSpaceDivergence.histogram(a, a, 4)).isCloseTo(0.0, within(1e-12));
        assertThat(StateSpaceDivergence.histogram(a, c, 4)).isGreaterThan(StateSpaceDivergence.histogram(a, b, 4));
    }

    @Test
    void rejectsBadInput() {
        double[] x = {0, 1, 2, 3};
        assertThatThrownBy(() -> StateSpaceDivergence.histogram(x, x, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'d' = 0");
        assertThatThrownBy(() -> StateSpaceDivergence.histogram(x, new double[] {1, 2, 3}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'generated'")
                .hasMessageContaining("multiple");
        assertThatThrownBy(() -> StateSpaceDivergence.histogram(new double[] {1, Double.NaN}, x, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'truth'")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> StateSpaceDivergence.histogram(new double[] {1}, x, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'truth'")
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> StateSpaceDivergence.histogram(x, x, 1, 0, 1e-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bins' = 0");
        assertThatThrownBy(() -> StateSpaceDivergence.histogram(x, x, 1, 30, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'alpha' = 0.0");
    }
}
