package ddmatch.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ddmatch.sde.DoubleWell;
import org.junit.jupiter.api.Test;

class AdaptiveIntegratorTest {
    private final SolveTest.Oscillator oscillator = new SolveTest.Oscillator();

    /** Largest distance of the recorded rows from the exact rotation (cos t, −sin t). */
    private static double maxError(Trajectory tr) {
        double max = 0;
        for (int r = 0; r < tr.rows(); r++) {
            double t = tr.time(r);
            max = Math.max(max, Math.hypot(tr.get(r, 0) - Math.cos(t), tr.get(r, 1) + Math.sin(t)));
        }
        return max;
    }

    @Test
    void harmonicOscillatorMatchesTheClosedFormAtTightTolerance() {
        AdaptiveIntegrator.Solution s = new AdaptiveIntegrator().solve(oscillator, new double[] {1, 0}, 0, 10, 0.5,
                Tolerances.of(1e-12, 1e-12));
        assertThat(s.trajectory().rows()).isEqualTo(21);
        assertThat(s.trajectory().time(20)).isEqualTo(10.0);
        assertThat(maxError(s.trajectory())).isLessThan(1e-9);
        assertThat(Math.hypot(s.finalState()[0] - Math.cos(10), s.finalState()[1] + Math.sin(10))).isLessThan(1e-9);
        assertThat(s.acceptedSteps()).isPositive();
        // FSAL: 6 new evaluations per attempted step, plus the first one and the two of the starting-step choice.
        assertThat(s.evaluations()).isEqualTo(6 * (s.acceptedSteps() + s.rejectedSteps()) + 2);
    }

    /**
     * The global error of a 5th-order method under error-per-step control scales like rtol (Hairer et al., §II.4), so
     * tightening rtol by 100 must reduce the error by at least 10 at every stage.
     */
    @Test
    void errorDecreasesWithTheTolerance() {
        double previous = Double.POSITIVE_INFINITY;
        long previousSteps = 0;
        for (double rtol : new double[] {1e-4, 1e-6, 1e-8, 1e-10}) {
            AdaptiveIntegrator.Solution s = new AdaptiveIntegrator().solve(oscillator, new double[] {1, 0}, 0, 10, 10,
                    Tolerances.of(rtol, rtol));
            double error = Math.hypot(s.finalState()[0] - Math.cos(10), s.finalState()[1] + Math.sin(10));
            assertThat(error).isLessThan(previous / 10);
            assertThat(s.acceptedSteps()).isGreaterThan(previousSteps);
            previous = error;
            previousSteps = s.acceptedSteps();
        }
    }

    /**
     * Dense output on a grid at least 5 times finer than the steps: the 4th-order continuous extension keeps the interpolated
     * rows as accurate as the step end points (within a factor 10, at two tolerances).
     */
    @Test
    void denseOutputIsAccurateBetweenSteps() {
        for (double rtol : new double[] {1e-6, 1e-9}) {
            Tolerances tol = Tolerances.of(rtol, rtol);
            AdaptiveIntegrator.Solution dense = new AdaptiveIntegrator().solve(oscillator, new double[] {1, 0}, 0, 10, 0.002, tol);
            AdaptiveIntegrator.Solution ends = new AdaptiveIntegrator().solve(oscillator, new double[] {1, 0}, 0, 10, 10, tol);
            assertThat(dense.acceptedSteps()).isEqualTo(ends.acceptedSteps()); // output does not constrain steps
            assertThat(dense.acceptedSteps() * 5).isLessThan(dense.trajectory().rows());
            double endError = Math.hypot(ends.finalState()[0] - Math.cos(10), ends.finalState()[1] + Math.sin(10));
            assertThat(maxError(dense.trajectory())).isLessThan(10 * Math.max(endError, 100 * rtol * 1e-3));
            assertThat(maxError(dense.trajectory())).isLessThan(100 * rtol);
        }
    }

    @Test
    void blowUpStopsWithADivergenceException() {
        SolveTest.BlowUp blowUp = new SolveTest.BlowUp();
        assertThatThrownBy(() -> new AdaptiveIntegrator().solve(blowUp, new double[] {1}, 0, 2, 0.1, Tolerances.of(1e-8, 1e-8)))
                .isInstanceOfAny(DivergenceException.class, IllegalStateException.class);
    }

    @Test
    void noisySystemsAreRefusedNamingFixedStepSchemes() {
        assertThatThrownBy(() -> new AdaptiveIntegrator().solve(new DoubleWell(0.3), new double[] {1}, 0, 1, 0.1, Tolerances.of(1e-6, 1e-6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ADDITIVE").hasMessageContaining("sra1");
    }

    @Test
    void tolerancesAreValidated() {
        assertThatThrownBy(() -> Tolerances.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tolerances.of(-1e-6, 1e-6)).hasMessageContaining("relative");
    }
}
